import type { GameView } from "@/lib/api/schemas";
import { panel } from "@/components/ui/styles";
import { GameCard } from "./game-card";

/** Every game as a card; an empty catalogue says what to do about it instead of showing nothing. */
export function GameGrid({ games, isAdmin }: { games: GameView[]; isAdmin: boolean }) {
  if (games.length === 0) {
    return (
      <section aria-labelledby="no-games" className={`${panel} px-6 py-12 text-center`}>
        <p aria-hidden="true" className="text-4xl">🕹️</p>
        <h2 id="no-games" className="mt-3 text-lg font-bold">No games yet</h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-zinc-400">
          {isAdmin
            ? "Add a folder with a game.json under the catalogue folder (ARCADE_GAMES_DIR) and restart the portal."
            : "The arcade has no games set up yet. Ask an admin to add one."}
        </p>
      </section>
    );
  }
  return (
    <ul aria-label="Games" className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
      {games.map((game, index) => (
        <li key={game.id} className="flex">
          <GameCard game={game} eager={index < 3} />
        </li>
      ))}
    </ul>
  );
}
