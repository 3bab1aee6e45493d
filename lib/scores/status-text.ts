export const MAX_STATUS_LENGTH = 40;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A status line as it is shown: control characters become spaces, outer spaces go, and past 40 characters
 * (UTF-16 units, as JavaScript counts) it is cut with "…", never through half of a surrogate pair. Empty → null.
 * No zod here: the play page uses it too.
 */
export function toStatusText(raw: string): string | null {
  const text = raw.replace(CONTROL, " ").trim();
  if (text === "") return null;
  if (text.length <= MAX_STATUS_LENGTH) return text;
  let cut = MAX_STATUS_LENGTH - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
