import { type SimState } from "../state";
import { type InteractionRecord, type SimInteractionResponse } from "./interaction-store";

export interface SimInteraction {
  id: string;
  token: string;
  /** Every accepted response in order: the initial callback, then edits and follow-ups. */
  responses(): SimInteractionResponse[];
  /** The current @original message (after edits), as Discord's REST would return it. */
  original(): unknown | undefined;
  dispatchedAt: number;
}

function originalOf(state: SimState, record: InteractionRecord): unknown | undefined {
  if (record.originalMessageId === null) return undefined;
  const message = state.messages.get(record.originalMessageId);
  return message ? structuredClone(message.raw) : undefined;
}

/** A live view of one interaction for tests. */
export function toSimInteraction(state: SimState, record: InteractionRecord): SimInteraction {
  return {
    id: record.id,
    token: record.token,
    dispatchedAt: record.dispatchedAt,
    responses: () => structuredClone(record.responses),
    original: () => originalOf(state, record),
  };
}

/** The JSON a control client gets for an interaction (GET /__sim/interactions/{id}). */
export function describeInteraction(state: SimState, record: InteractionRecord): Record<string, unknown> {
  return {
    id: record.id,
    token: record.token,
    type: record.type,
    userId: record.userId,
    channelId: record.channelId,
    dispatchedAt: record.dispatchedAt,
    acknowledgedAt: record.acknowledgedAt,
    expired: record.invalidated,
    responses: structuredClone(record.responses),
    original: originalOf(state, record) ?? null,
  };
}
