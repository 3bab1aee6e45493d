export type SimInteractionResponse =
  | { kind: "callback"; type: number; data?: unknown; flags?: number; at: number }
  | { kind: "edit" | "followup"; body: unknown; at: number };

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;
export type InteractionKind = (typeof InteractionType)[keyof typeof InteractionType];

export type InteractionRecord = {
  id: string;
  token: string;
  type: InteractionKind;
  applicationId: string;
  guildId: string;
  channelId: string;
  userId: string;
  /** For a button: the message that carries it, which type 6/7 responses and @original refer to. */
  componentMessageId: string | null;
  dispatchedAt: number;
  acknowledgedAt: number | null;
  /** Set when the first response came too late: Discord invalidates the token then. */
  invalidated: boolean;
  originalMessageId: string | null;
  followupIds: string[];
  responses: SimInteractionResponse[];
  payload: Record<string, unknown>;
};

// Interaction tokens stay valid for 15 minutes (developers/interactions/receiving-and-responding).
export const INTERACTION_TOKEN_TTL_MS = 15 * 60_000;

/** Interactions the sim dispatched, by id and by token. */
export class InteractionStore {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly idByToken = new Map<string, string>();

  add(record: InteractionRecord): void {
    this.byId.set(record.id, record);
    this.idByToken.set(record.token, record.id);
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  findByToken(token: string): InteractionRecord | undefined {
    const id = this.idByToken.get(token);
    return id === undefined ? undefined : this.byId.get(id);
  }
}
