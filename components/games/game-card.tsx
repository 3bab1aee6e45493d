import type { GameView } from "@/lib/api/schemas";
import { initialsOf } from "@/lib/format/display";
import { panel } from "@/components/ui/styles";
import { GameCardLive } from "./game-card-live";

/** A game's card: picture, name and description from the server; state, uptime and Play from the live leaf. */
export function GameCard({ game, eager }: { game: GameView; eager: boolean }) {
  const headingId = `game-${game.id}-name`;
  return (
    <article aria-labelledby={headingId} data-game={game.id} className={`${panel} flex w-full flex-col overflow-hidden`}>
      <div className="relative aspect-video w-full overflow-hidden bg-zinc-800">
        {game.imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- catalogue pictures are small SVG/PNG files served by the API; next/image refuses SVG without dangerouslyAllowSVG
          <img
            src={game.imageUrl}
            alt=""
            width={640}
            height={360}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
            className="size-full object-cover"
          />
        ) : (
          <div aria-hidden="true" className="grid size-full place-items-center bg-gradient-to-br from-fuchsia-700/60 to-cyan-700/60 text-4xl font-black">
            {initialsOf(game.name)}
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-3 p-4 sm:p-5">
        <h2 id={headingId} className="text-lg font-bold leading-tight">
          {game.name}
        </h2>
        {game.description && <p className="line-clamp-3 text-sm text-zinc-400">{game.description}</p>}
        {game.multiplayer && <p className="text-xs font-semibold text-cyan-200">Multiplayer: everyone joins the same game.</p>}
        <GameCardLive initial={game} />
      </div>
    </article>
  );
}
