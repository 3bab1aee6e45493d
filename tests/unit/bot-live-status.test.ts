import { describe, expect, it } from "vitest";
import { MessageGoneError, type ChannelPort } from "@/bot/discord/channel-port";
import { message, type MessagePayload } from "@/bot/format/payload";
import { silentLogger } from "@/bot/log";
import type { BotState } from "@/bot/state/state-store";
import { createLiveStatusMessage } from "@/bot/status-message/live-status-message";

const CHANNEL = "1187424177653627001";

function fakeChannel() {
  const messages = new Map<string, string>();
  const calls: string[] = [];
  let next = 1;
  const port: ChannelPort = {
    async post(channelId, payload) {
      const id = `m${next++}`;
      messages.set(id, payload.content);
      calls.push(`post ${channelId} ${id}`);
      return { id };
    },
    async edit(_channelId, messageId, payload) {
      if (!messages.has(messageId)) throw new MessageGoneError(messageId);
      messages.set(messageId, payload.content);
      calls.push(`edit ${messageId}`);
    },
  };
  return { port, messages, calls };
}

function memoryStore(initial: Partial<BotState> = {}) {
  let state: BotState = { version: 1, lastEventId: null, logId: null, statusMessage: null, weeklyDigest: null, ...initial };
  return { read: () => ({ ...state }), save: (patch: Partial<BotState>) => void (state = { ...state, ...patch }) };
}

function statusMessage(channel: ChannelPort, store: ReturnType<typeof memoryStore>, text: { value: string }) {
  return createLiveStatusMessage({ channelId: CHANNEL, channels: channel, store, render: (): MessagePayload => message(text.value), log: silentLogger, minIntervalMs: 30 });
}

describe("the live status message", () => {
  it("posts once, then only edits, coalescing bursts and skipping renders that did not change", async () => {
    const { port, calls, messages } = fakeChannel();
    const store = memoryStore();
    const text = { value: "all stopped" };
    const live = statusMessage(port, store, text);
    live.refresh();
    await live.idle();
    text.value = "snake starting";
    live.refresh();
    text.value = "snake ready";
    live.refresh();
    live.refresh();
    await live.idle();
    live.refresh();
    await live.idle();
    expect(calls).toEqual([`post ${CHANNEL} m1`, "edit m1"]);
    expect(messages.get("m1")).toBe("snake ready");
    expect(store.read().statusMessage).toEqual({ channelId: CHANNEL, messageId: "m1" });
  });

  it("edits the message a previous run posted instead of posting another", async () => {
    const { port, calls, messages } = fakeChannel();
    messages.set("m-old", "from before the restart");
    const live = statusMessage(port, memoryStore({ statusMessage: { channelId: CHANNEL, messageId: "m-old" } }), { value: "after restart" });
    live.refresh();
    await live.idle();
    expect(calls).toEqual(["edit m-old"]);
    expect(messages.get("m-old")).toBe("after restart");
  });

  it("posts a new message, and remembers it, only when the old one was deleted", async () => {
    const { port, calls } = fakeChannel();
    const store = memoryStore({ statusMessage: { channelId: CHANNEL, messageId: "m-deleted" } });
    const live = statusMessage(port, store, { value: "hello" });
    live.refresh();
    await live.idle();
    expect(calls).toEqual([`post ${CHANNEL} m1`]);
    expect(store.read().statusMessage?.messageId).toBe("m1");
  });

  it("posts in the configured channel when the remembered message lives in another one", async () => {
    const { port, calls } = fakeChannel();
    const live = statusMessage(port, memoryStore({ statusMessage: { channelId: "1187421530091503629", messageId: "m-elsewhere" } }), { value: "x" });
    live.refresh();
    await live.idle();
    expect(calls).toEqual([`post ${CHANNEL} m1`]);
  });
});
