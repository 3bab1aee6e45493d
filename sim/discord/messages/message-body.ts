import { z } from "zod";
import { invalidFormBody, invalidFormBodyFromZod, discordError, type Reply } from "../http/reply";

const messageBodySchema = z.looseObject({
  content: z.string().nullable().optional(),
  embeds: z.array(z.record(z.string(), z.unknown())).nullable().optional(),
  components: z.array(z.record(z.string(), z.unknown())).nullable().optional(),
  flags: z.number().int().nonnegative().nullable().optional(),
  tts: z.boolean().optional(),
  nonce: z.union([z.string(), z.number()]).optional(),
  attachments: z.array(z.unknown()).nullable().optional(),
  sticker_ids: z.array(z.string()).optional(),
  poll: z.unknown().optional(),
});

export type MessageBody = z.infer<typeof messageBodySchema>;

export const MessageFlag = { Ephemeral: 64, Loading: 128, SuppressEmbeds: 4, ComponentsV2: 32_768 } as const;

const LIMITS = { content: 2000, embeds: 10, components: 5 } as const;

/**
 * Checks a create/edit body the way Discord does: size limits always, and for a new message that it is not
 * empty (content, embeds, components, stickers, a poll or files).
 */
export function parseMessageBody(input: unknown, mode: "create" | "edit"): { body: MessageBody } | { error: Reply } {
  const parsed = messageBodySchema.safeParse(input ?? {});
  if (!parsed.success) return { error: invalidFormBodyFromZod(parsed.error) };
  const body = parsed.data;
  const problems: Array<{ path: string[]; code: string; message: string }> = [];
  if ((body.content?.length ?? 0) > LIMITS.content) {
    problems.push({ path: ["content"], code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${LIMITS.content} or fewer in length.` });
  }
  if ((body.embeds?.length ?? 0) > LIMITS.embeds) {
    problems.push({ path: ["embeds"], code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${LIMITS.embeds} or fewer in length.` });
  }
  const isComponentsV2 = ((body.flags ?? 0) & MessageFlag.ComponentsV2) !== 0;
  if (!isComponentsV2 && (body.components?.length ?? 0) > LIMITS.components) {
    problems.push({ path: ["components"], code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${LIMITS.components} or fewer in length.` });
  }
  if (problems.length > 0) return { error: invalidFormBody(problems) };
  if (mode === "create" && isEmpty(body)) return { error: discordError(400, 50006, "Cannot send an empty message") };
  return { body };
}

function isEmpty(body: MessageBody): boolean {
  return (
    !body.content &&
    !body.embeds?.length &&
    !body.components?.length &&
    !body.sticker_ids?.length &&
    !body.attachments?.length &&
    body.poll === undefined
  );
}
