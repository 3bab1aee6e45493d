import { z } from "zod";
import { discordError, invalidFormBody, invalidFormBodyFromZod, type FormProblem, type Reply } from "../http/reply";
import { checkComponents } from "./component-rules";
import { checkEmbeds } from "./embed-rules";
import { maxLength } from "./form-rules";

const messageBodySchema = z.looseObject({
  content: z.string().nullable().optional(),
  embeds: z.array(z.unknown()).nullable().optional(),
  components: z.array(z.unknown()).nullable().optional(),
  flags: z.number().int().nonnegative().nullable().optional(),
  tts: z.boolean().optional(),
  nonce: z.union([z.string(), z.number()]).optional(),
  attachments: z.array(z.unknown()).nullable().optional(),
  sticker_ids: z.array(z.string()).optional(),
  poll: z.unknown().optional(),
});

export type MessageBody = z.infer<typeof messageBodySchema>;

export const MessageFlag = { Ephemeral: 64, Loading: 128, SuppressEmbeds: 4, ComponentsV2: 32_768 } as const;

// developers/resources/message.mdx "Create Message": content up to 2000 characters, a nonce up to 25.
export const CONTENT_MAX = 2000;
const NONCE_MAX = 25;

/**
 * Checks a create/edit body the way Discord does: every documented limit (content, embeds, components), and for
 * a new message that it is not empty. `at` prefixes error paths (interaction callbacks nest them under `data`).
 */
export function parseMessageBody(input: unknown, mode: "create" | "edit", at: PropertyKey[] = []): { body: MessageBody } | { error: Reply } {
  const parsed = messageBodySchema.safeParse(input ?? {});
  if (!parsed.success) return { error: invalidFormBodyFromZod(parsed.error, at) };
  const body = parsed.data;
  const problems: FormProblem[] = [];
  maxLength(problems, [...at, "content"], body.content, CONTENT_MAX);
  if (typeof body.nonce === "string" && Array.from(body.nonce).length > NONCE_MAX) {
    problems.push({ path: [...at, "nonce"], code: "NONCE_TYPE_TOO_LONG", message: `Must be ${NONCE_MAX} or fewer characters long.` });
  }
  checkEmbeds(problems, [...at, "embeds"], body.embeds);
  checkComponents(problems, [...at, "components"], body.components, ((body.flags ?? 0) & MessageFlag.ComponentsV2) !== 0);
  if (problems.length > 0) return { error: invalidFormBody(problems) };
  if (mode === "create" && isEmptyMessage(body)) return { error: emptyMessage() };
  return { body };
}

export const emptyMessage = (): Reply => discordError(400, 50006, "Cannot send an empty message");

/** True when a message would show nothing: no content, embeds, components, stickers, poll or files. */
export function isEmptyMessage(body: MessageBody): boolean {
  return (
    !body.content &&
    !body.embeds?.length &&
    !body.components?.length &&
    !body.sticker_ids?.length &&
    !body.attachments?.length &&
    body.poll === undefined
  );
}
