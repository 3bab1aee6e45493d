import { discordTimestamp, generateSnowflake } from "../ids";
import { withComponentIds } from "./component-rules";
import { normalizeEmbed } from "./embed-rules";
import { isObject } from "./form-rules";
import { MessageFlag, type MessageBody } from "./message-body";

const storedEmbeds = (embeds: unknown[] | null | undefined) => (embeds ?? []).filter(isObject).map(normalizeEmbed);
const storedComponents = (components: unknown[] | null | undefined) => withComponentIds(components ?? []);

type Json = Record<string, unknown>;

export type StoredMessage = {
  /** The message as REST returns it (edits applied). */
  raw: Json;
  channelId: string;
  /** False for ephemeral interaction responses: only the invoking user sees them, not the channel. */
  inChannel: boolean;
  createdAt: number;
  editedAt: number | null;
};

export type NewMessage = {
  channelId: string;
  guildId: string;
  author: Json;
  body: MessageBody;
  type?: number;
  flags?: number;
  extra?: Json;
};

/** Channel messages and interaction responses, in creation order. */
export class MessageStore {
  private readonly byId = new Map<string, StoredMessage>();

  constructor(private readonly now: () => number) {}

  create(input: NewMessage): StoredMessage {
    const now = this.now();
    const id = generateSnowflake(now);
    const flags = input.flags ?? input.body.flags ?? 0;
    const raw: Json = {
      id,
      type: input.type ?? 0,
      channel_id: input.channelId,
      author: input.author,
      content: input.body.content ?? "",
      timestamp: discordTimestamp(now),
      edited_timestamp: null,
      tts: input.body.tts ?? false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: storedEmbeds(input.body.embeds),
      pinned: false,
      flags,
      components: storedComponents(input.body.components),
      ...(input.body.nonce !== undefined ? { nonce: input.body.nonce } : {}),
      ...(input.body.poll !== undefined ? { poll: input.body.poll } : {}),
      ...input.extra,
    };
    const stored: StoredMessage = {
      raw,
      channelId: input.channelId,
      inChannel: (flags & MessageFlag.Ephemeral) === 0,
      createdAt: now,
      editedAt: null,
    };
    this.byId.set(id, stored);
    return stored;
  }

  get(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  /**
   * Applies an edit: fields present replace the old ones (null clears). A deferred reply stops "thinking" on its
   * first edit; ephemerality can never change after the first response.
   */
  edit(id: string, body: MessageBody): StoredMessage | undefined {
    const stored = this.byId.get(id);
    if (!stored) return undefined;
    const now = this.now();
    const raw = stored.raw;
    if (body.content !== undefined) raw.content = body.content ?? "";
    if (body.embeds !== undefined) raw.embeds = storedEmbeds(body.embeds);
    if (body.components !== undefined) raw.components = storedComponents(body.components);
    if (body.attachments !== undefined) raw.attachments = body.attachments ?? [];
    const oldFlags = Number(raw.flags ?? 0);
    const editable = MessageFlag.SuppressEmbeds | MessageFlag.ComponentsV2;
    const requested = body.flags ?? oldFlags;
    raw.flags = (oldFlags & MessageFlag.Ephemeral) | (requested & editable);
    raw.edited_timestamp = discordTimestamp(now);
    stored.editedAt = now;
    return stored;
  }

  /** Whether applying `body` would leave the message showing nothing (Discord refuses that edit with 50006). */
  wouldBeEmpty(id: string, body: MessageBody): boolean {
    const raw = this.byId.get(id)?.raw;
    if (!raw) return false;
    const after = <T>(value: T | null | undefined, current: unknown) => (value === undefined ? current : value);
    const content = after(body.content, raw.content);
    const lists = [after(body.embeds, raw.embeds), after(body.components, raw.components), after(body.attachments, raw.attachments)];
    const present = (list: unknown) => Array.isArray(list) && list.length > 0;
    return !content && !lists.some(present) && raw.poll === undefined && !present(raw.sticker_items);
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /** Messages visible in a channel, oldest first. */
  listChannel(channelId: string): StoredMessage[] {
    return [...this.byId.values()].filter((m) => m.channelId === channelId && m.inChannel);
  }

  /** A message this author created in the channel with this nonce since `since` (the enforce_nonce lookup). */
  findByNonce(channelId: string, authorId: string, nonce: string | number, since: number): StoredMessage | undefined {
    return [...this.byId.values()].find(
      (m) => m.channelId === channelId && m.createdAt >= since && m.raw.nonce === nonce && (m.raw.author as { id?: string } | undefined)?.id === authorId,
    );
  }

  lastIdIn(channelId: string): string | null {
    const last = this.listChannel(channelId).at(-1);
    return last ? String(last.raw.id) : null;
  }
}
