import type { GameView } from "@/lib/api/schemas";
import { ArcadeError } from "@/lib/errors";
import type { GameCatalogue } from "./game-catalogue";
import { describeMismatch, matchGame } from "./match-game";

/** The game a command's `game:` option names; throws a sentence listing the valid games when it names none. */
export async function resolveGameOrThrow(input: string, catalogue: GameCatalogue): Promise<GameView> {
  const games = await catalogue.list();
  const match = matchGame(input, games);
  if (match.kind === "found") return match.game;
  throw new ArcadeError(match.kind === "none" ? "not_found:game" : "bad_request:game", describeMismatch(input, match, games));
}
