import { type StoredMessage } from "./message-store";

/** A channel message as tests see it (edits applied). Times are epoch milliseconds. */
export type SimMessage = {
  id: string;
  channelId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  author: { id: string; username: string; bot?: boolean };
  flags: number;
  editedAt: number | null;
  createdAt: number;
};

export function toSimMessage(stored: StoredMessage): SimMessage {
  const raw = structuredClone(stored.raw);
  return {
    id: String(raw.id),
    channelId: stored.channelId,
    content: String(raw.content ?? ""),
    embeds: Array.isArray(raw.embeds) ? raw.embeds : [],
    components: Array.isArray(raw.components) ? raw.components : [],
    author: raw.author as SimMessage["author"],
    flags: Number(raw.flags ?? 0),
    editedAt: stored.editedAt,
    createdAt: stored.createdAt,
  };
}
