import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "@/bot/log";
import { openStateStore } from "@/bot/state/state-store";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bot-state-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function recordingLogger(lines: string[]): Logger {
  return { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe("the bot's state file", () => {
  it("starts empty, creates its folder on first save, and is read back by the next process", () => {
    const file = path.join(tempDir(), "nested", "data", "bot-state.json");
    const first = openStateStore(file, recordingLogger([]));
    expect(first.read()).toEqual({ version: 1, lastEventId: null, logId: null, statusMessage: null, weeklyDigest: null });
    first.save({ lastEventId: 42 });
    first.save({ statusMessage: { channelId: "1187424177653627001", messageId: "1576108025314410500" } });
    const second = openStateStore(file, recordingLogger([]));
    expect(second.read()).toEqual({ version: 1, lastEventId: 42, logId: null, weeklyDigest: null, statusMessage: { channelId: "1187424177653627001", messageId: "1576108025314410500" } });
  });

  it("replaces the file in one step and leaves no temporary files behind", () => {
    const dir = tempDir();
    const file = path.join(dir, "state.json");
    const store = openStateStore(file, recordingLogger([]));
    for (let id = 1; id <= 50; id++) store.save({ lastEventId: id });
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ lastEventId: 50 });
  });

  it("starts over, saying so, when the file is damaged, rather than crash or post old events again", () => {
    const file = path.join(tempDir(), "state.json");
    writeFileSync(file, '{"version":1,"lastEventId":');
    const lines: string[] = [];
    expect(openStateStore(file, recordingLogger(lines)).read().lastEventId).toBeNull();
    expect(lines).toEqual([expect.stringMatching(/is not a state file this bot understands; starting over from the portal's newest event/)]);
  });

  it("hands out copies, so a caller cannot change the stored state by accident", () => {
    const store = openStateStore(path.join(tempDir(), "state.json"), recordingLogger([]));
    const state = store.read();
    state.lastEventId = 99;
    expect(store.read().lastEventId).toBeNull();
  });
});
