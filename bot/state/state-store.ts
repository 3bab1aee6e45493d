import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Logger } from "../log";

const stateSchema = z.object({
  version: z.literal(1),
  /** The newest portal event the bot has dealt with (posted or deliberately skipped). */
  lastEventId: z.number().int().nonnegative().nullable(),
  /** The portal event log that id belongs to (a restored portal starts a new one); absent in older files. */
  logId: z.string().nullable().default(null),
  /** The live status message, so a restart edits it instead of posting another. */
  statusMessage: z.object({ channelId: z.string(), messageId: z.string() }).nullable(),
  /** The last weekly digest slot dealt with (posted or deliberately skipped), ISO time; absent in older files. */
  weeklyDigest: z.string().nullable().default(null),
});

export type BotState = z.infer<typeof stateSchema>;

export type StateStore = {
  readonly file: string;
  read(): BotState;
  /** Merges and writes at once, atomically: a crash leaves the old file or the new one, never half of either. */
  save(patch: Partial<Omit<BotState, "version">>): void;
};

const empty: BotState = { version: 1, lastEventId: null, logId: null, statusMessage: null, weeklyDigest: null };

function load(file: string, log: Logger): BotState {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ...empty };
    throw error;
  }
  const parsed = stateSchema.safeParse((() => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  })());
  if (parsed.success) return parsed.data;
  // Starting over means "from now on": events are never posted twice, at worst some are not posted at all.
  log.warn(`${file} is not a state file this bot understands; starting over from the portal's newest event`);
  return { ...empty };
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** The bot's small persistent memory (BOT_STATE_FILE), read once at start and written on every change. */
export function openStateStore(file: string, log: Logger): StateStore {
  let state = load(file, log);
  return {
    file,
    read: () => ({ ...state }),
    save(patch) {
      const next = { ...state, ...patch };
      writeAtomically(file, `${JSON.stringify(next, null, 2)}\n`);
      state = next;
    },
  };
}
