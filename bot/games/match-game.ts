import { escapeMarkdown } from "discord.js";
import { clip, DISCORD_LIMITS, lengthOf } from "../format/limits";

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

// The sentence must fit one message (2000) with room for the text around the list.
const LIST_MAX = 1_600;

/** "A, B and C", or "A, B, C and 57 more (see /games)" when every name would not fit the message. */
function listNames(games: readonly GameRef[], conjunction: "and" | "or"): string {
  const names = games.map((game) => `${escapeMarkdown(game.name)} (\`${game.id}\`)`);
  if (names.length <= 1) return names.join("");
  const all = `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
  if (lengthOf(all) <= LIST_MAX) return all;
  let shown = names.length - 1;
  const cut = (count: number) => `${names.slice(0, count).join(", ")} ${conjunction} ${names.length - count} more (see \`/games\`)`;
  while (shown > 1 && lengthOf(cut(shown)) > LIST_MAX) shown -= 1;
  return cut(shown);
}

/** The sentence for input that names no game, or more than one: it lists what the person can pick. */
export function describeMismatch(input: string, match: Exclude<GameMatch<GameRef>, { kind: "found" }>, games: readonly GameRef[]): string {
  const typed = clip(escapeMarkdown(input.trim()), 100);
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
    .slice(0, DISCORD_LIMITS.choices)
    .map(({ game }) => ({ name: clip(label(game), DISCORD_LIMITS.choiceName), value: game.id }));
}
