import type { MessagePayload } from "../format/payload";
import type { Logger } from "../log";
import type { ChannelPort } from "../discord/channel-port";
import { MessageGoneError } from "../discord/channel-port";
import type { StateStore } from "../state/state-store";

export type LiveStatusMessage = {
  /** Something changed: render and edit soon (coalesced, at most once per interval). */
  refresh(): void;
  /** Resolves when no update is pending or running (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
};

export type LiveStatusOptions = {
  channelId: string;
  channels: ChannelPort;
  store: Pick<StateStore, "read" | "save">;
  render(): MessagePayload;
  log: Logger;
  /** Discord allows about five edits per five seconds per channel; stay well under it. */
  minIntervalMs?: number;
  retryMs?: number;
};

/**
 * One message in the status channel, kept current by editing it. Its id is persisted, so a restart edits the
 * same message; it is posted again only when it was deleted (or the channel changed).
 */
export function createLiveStatusMessage(options: LiveStatusOptions): LiveStatusMessage {
  const minIntervalMs = options.minIntervalMs ?? 2_000;
  const retryMs = options.retryMs ?? 15_000;
  let shownKey: string | null = null;
  let lastRunAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Runs are chained so two edits (or, worse, two first posts) never overlap.
  let chain = Promise.resolve();
  let pending = 0;
  let stopped = false;

  async function publish(payload: MessagePayload): Promise<void> {
    const saved = options.store.read().statusMessage;
    if (saved && saved.channelId === options.channelId) {
      try {
        await options.channels.edit(saved.channelId, saved.messageId, payload);
        return;
      } catch (error) {
        if (!(error instanceof MessageGoneError)) throw error;
        options.log.info("the status message was deleted; posting a new one");
      }
    }
    const posted = await options.channels.post(options.channelId, payload);
    options.store.save({ statusMessage: { channelId: options.channelId, messageId: posted.id } });
  }

  async function run(): Promise<void> {
    if (stopped) return;
    lastRunAt = Date.now();
    try {
      const payload = options.render();
      const key = JSON.stringify(payload);
      if (key === shownKey) return;
      await publish(payload);
      shownKey = key;
    } catch (error) {
      options.log.warn(`could not update the status message; trying again in ${Math.round(retryMs / 1000)} s`, error);
      schedule(retryMs);
    }
  }

  function schedule(delayMs: number): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      pending += 1;
      chain = chain.then(run).finally(() => {
        pending -= 1;
      });
    }, delayMs);
  }

  return {
    refresh() {
      schedule(Math.max(0, lastRunAt + minIntervalMs - Date.now()));
    },
    async idle() {
      while (timer || pending > 0) {
        if (pending > 0) await chain;
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
