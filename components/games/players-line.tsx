import type { GameView } from "@/lib/api/schemas";
import { formatCountdown } from "@/lib/format/durations";
import { describePlaying } from "@/components/scores/score-format";
import { Avatar } from "@/components/ui/avatar";

type Props = { players: GameView["players"]; count: number; idleStopAt: string | null; now: number | null };

/** Who is in the game right now (avatars and names), or when the empty game goes back to sleep. */
export function PlayersLine({ players, count, idleStopAt, now }: Props) {
  if (players.length > 0) {
    return (
      <span className="flex items-center gap-2">
        <span aria-hidden="true" className="flex -space-x-2">
          {players.slice(0, 4).map((p) => (
            <Avatar key={p.id} name={p.name} image={p.avatarUrl} size={22} />
          ))}
        </span>
        <span className="text-emerald-200">{describePlaying(players, count)}</span>
      </span>
    );
  }
  if (idleStopAt && now !== null) {
    return <span>Nobody is playing: it sleeps in {formatCountdown(Date.parse(idleStopAt) - now)}.</span>;
  }
  return null;
}
