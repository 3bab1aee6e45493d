/** Scores as people read them, the same on the page, in the audit and on Discord. */
const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A score as people read it everywhere (page, audit, Discord): "1,520". */
export function formatScore(score: number): string {
  return grouped.format(score);
}

/** A board's name after the game's: "" for the default board, " (hard)" for a mode. */
export function modeSuffix(mode: string | null): string {
  return mode === null ? "" : ` (${mode})`;
}
