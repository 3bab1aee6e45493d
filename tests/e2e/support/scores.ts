import type { Frame, Page } from "@playwright/test";
import { callPortal, stackEnv } from "./portal-stack";

type Boards = { boards: Array<{ mode: string | null; top: Array<{ id: number; score: number; player: { name: string; discordId?: string } }> }> };

/** Every score on a game's boards, as the token (an admin) sees them. */
export async function scoresOf(gameId: string): Promise<Boards["boards"]> {
  return (await callPortal<Boards>(`/api/v1/games/${gameId}/scores`)).body.boards;
}

/** Deletes every run of a game, so a test starts from empty boards (tests share one stack and database). */
export async function clearScores(gameId: string): Promise<void> {
  for (let boards = await scoresOf(gameId); boards.length > 0; boards = await scoresOf(gameId)) {
    for (const entry of boards.flatMap((b) => b.top)) {
      const { portalUrl, apiToken } = stackEnv();
      const { status } = await fetch(`${portalUrl}/api/v1/games/${gameId}/scores/${entry.id}`, { method: "DELETE", headers: { authorization: `Bearer ${apiToken}` } });
      if (status !== 204) throw new Error(`could not delete score ${entry.id} of ${gameId}: ${status}`);
    }
  }
}

/** The game's own frame in the Play screen (by the game's url from the catalogue). */
export function gameFrame(page: Page, gameId: string): Frame {
  const url = stackEnv().gameUrls[gameId]!;
  const frame = page.frames().find((f) => f.url().startsWith(url));
  if (!frame) throw new Error(`no frame of ${gameId} (${url}) in ${page.url()}`);
  return frame;
}

/** What the game says, posted from inside its frame exactly as a game does: window.parent.postMessage(…, "*"). */
export async function postFromGame(frame: Frame, message: unknown): Promise<void> {
  await frame.evaluate((m) => window.parent.postMessage(m, "*"), message);
}
