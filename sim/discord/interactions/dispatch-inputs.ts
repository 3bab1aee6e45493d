import { z } from "zod";

const optionSchema = z.object({
  name: z.string().min(1),
  type: z.number().int().min(3).max(11).optional(),
  value: z.union([z.string(), z.number(), z.boolean()]),
});

export const commandInputSchema = z.object({
  userId: z.string().min(1),
  name: z.string().min(1),
  options: z.array(optionSchema).optional(),
  channelId: z.string().optional(),
});

export const autocompleteInputSchema = commandInputSchema.extend({
  focused: z.object({ name: z.string().min(1), value: z.string() }),
});

export const buttonInputSchema = z.object({
  userId: z.string().min(1),
  customId: z.string().min(1).max(100),
  messageId: z.string().min(1),
  channelId: z.string().optional(),
});

export type CommandOptionInput = z.infer<typeof optionSchema>;
export type CommandInput = z.infer<typeof commandInputSchema>;
export type AutocompleteInput = z.infer<typeof autocompleteInputSchema>;
export type ButtonInput = z.infer<typeof buttonInputSchema>;
