import { buttonStyles, focusRing } from "@/components/ui/styles";

type Option = { value: string; label: string };
type Props = { games: Option[]; people: Option[]; game: string; actor: string };

const select = `rounded-lg bg-zinc-950 px-3 py-2 text-sm ring-1 ring-white/15 ${focusRing}`;

/** Filters by game and by person as a plain GET form: shareable URLs, works before any script has loaded. */
export function AuditFilters({ games, people, game, actor }: Props) {
  return (
    <form method="get" action="/admin#audit" aria-label="Filter the audit timeline" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs text-zinc-400">
        Game
        <select name="game" defaultValue={game} className={select}>
          <option value="">All games</option>
          {games.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-400">
        Person
        <select name="actor" defaultValue={actor} className={select}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonStyles.secondary}>
        Show
      </button>
    </form>
  );
}
