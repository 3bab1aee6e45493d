import { escapeMarkdown } from "discord.js";

export type GameRef = { id: string; name: string };

export type GameMatch<T extends GameRef> = { kind: "found"; game: T } | { kind: "ambiguous"; candidates: T[] } | { kind: "none" };

const squash = (text: string) => text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]/g, "");

/**
 * Finds the game a person meant. Autocomplete sends ids, but Discord does not enforce its suggestions, so typed
 * text is matched too: exact id, then name or id ignoring case and punctuation, then a unique prefix, then a
 * unique substring.
 */
export function matchGame<T extends GameRef>(input: string, games: readonly T[]): GameMatch<T> {
  const exact = games.find((game) => game.id === input.trim());
  if (exact) return { kind: "found", game: exact };
  const wanted = squash(input);
  if (wanted === "") return { kind: "none" };
  const keys = (game: T) => [squash(game.id), squash(game.name)];
  const tiers = [
    (key: string) => key === wanted,
    (key: string) => key.startsWith(wanted),
    (key: string) => key.includes(wanted),
  ];
  for (const test of tiers) {
    const hits = games.filter((game) => keys(game).some(test));
    if (hits.length === 1) return { kind: "found", game: hits[0]! };
    if (hits.length > 1) return { kind: "ambiguous", candidates: hits };
  }
  return { kind: "none" };
}

function listNames(games: readonly GameRef[], conjunction: "and" | "or"): string {
  const names = games.map((game) => `${escapeMarkdown(game.name)} (\`${game.id}\`)`);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
}

/** The sentence for input that names no game, or more than one: it lists what the person can pick. */
export function describeMismatch(input: string, match: Exclude<GameMatch<GameRef>, { kind: "found" }>, games: readonly GameRef[]): string {
  const typed = escapeMarkdown(input.trim()).slice(0, 100);
  if (match.kind === "ambiguous") return `“${typed}” could be ${listNames(match.candidates, "or")}; pick one of them.`;
  if (games.length === 0) return "The arcade has no games yet.";
  return `There is no game called “${typed}”. The games are ${listNames(games, "and")}.`;
}

/** Autocomplete choices: matching games first, at most 25 (Discord's limit), labelled with their state. */
export function suggestGames<T extends GameRef>(typed: string, games: readonly T[], label: (game: T) => string): Array<{ name: string; value: string }> {
  const wanted = squash(typed);
  const score = (game: T) => {
    const keys = [squash(game.id), squash(game.name)];
    if (wanted === "" || keys.some((k) => k.startsWith(wanted))) return 0;
    return keys.some((k) => k.includes(wanted)) ? 1 : 2;
  };
  return games
    .map((game) => ({ game, score: score(game) }))
    .filter((entry) => entry.score < 2)
    .sort((a, b) => a.score - b.score || a.game.name.localeCompare(b.game.name))
    .slice(0, 25)
    .map(({ game }) => ({ name: label(game).slice(0, 100), value: game.id.slice(0, 100) }));
}
