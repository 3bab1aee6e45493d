import { buttonStyles, focusRing } from "@/components/ui/styles";

type Option = { value: string; label: string };
type Props = { games: Option[]; people: Option[]; game: string; actor: string };

const select = `rounded-lg bg-zinc-950 px-3 py-2 text-sm ring-1 ring-white/15 ${focusRing}`;

function FilterSelect({ label, name, value, everything, options }: { label: string; name: string; value: string; everything: string; options: Option[] }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-zinc-400">
      {label}
      <select name={name} defaultValue={value} className={select}>
        <option value="">{everything}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Filters by game and by person as a plain GET form: shareable URLs, works before any script has loaded. */
export function AuditFilters({ games, people, game, actor }: Props) {
  return (
    <form method="get" action="/admin#audit" aria-label="Filter the audit timeline" className="flex flex-wrap items-end gap-3">
      <FilterSelect label="Game" name="game" value={game} everything="All games" options={games} />
      <FilterSelect label="Person" name="actor" value={actor} everything="Everyone" options={people} />
      <button type="submit" className={buttonStyles.secondary}>
        Show
      </button>
    </form>
  );
}
