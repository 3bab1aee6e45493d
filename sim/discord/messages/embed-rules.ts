import { type Json, type Problems, isObject, lengthOf, maxItems, maxLength, required } from "./form-rules";

// Embed limits from developers/resources/message.mdx "Embed Limits" (and the URL limits of the OpenAPI spec).
export const EMBED_LIMITS = {
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  url: 2048,
  total: 6000,
  color: 0xffffff,
} as const;

// "Leading and trailing whitespace characters are not included (they are trimmed automatically)."
const trimmed = (value: unknown): string => (typeof value === "string" ? value.trim() : "");

/** The characters an embed counts towards the 6000 that all embeds of a message share. */
export function embedSize(embed: Json): number {
  const author = isObject(embed.author) ? embed.author : {};
  const footer = isObject(embed.footer) ? embed.footer : {};
  const fields = Array.isArray(embed.fields) ? embed.fields.filter(isObject) : [];
  const texts = [embed.title, embed.description, author.name, footer.text, ...fields.flatMap((f) => [f.name, f.value])];
  return texts.reduce<number>((sum, text) => sum + lengthOf(trimmed(text)), 0);
}

function checkUrl(problems: Problems, path: PropertyKey[], value: unknown): void {
  maxLength(problems, path, value, EMBED_LIMITS.url);
}

function checkFields(problems: Problems, at: PropertyKey[], fields: unknown): void {
  if (fields === undefined || fields === null) return;
  maxItems(problems, at, fields, EMBED_LIMITS.fields);
  if (!Array.isArray(fields)) return;
  fields.forEach((field: unknown, i) => {
    const path = [...at, i];
    const entry = isObject(field) ? field : {};
    // An empty name or value, or one of only spaces, is refused: after trimming there is nothing left.
    if (trimmed(entry.name) === "") required(problems, [...path, "name"]);
    else maxLength(problems, [...path, "name"], trimmed(entry.name), EMBED_LIMITS.fieldName);
    if (trimmed(entry.value) === "") required(problems, [...path, "value"]);
    else maxLength(problems, [...path, "value"], trimmed(entry.value), EMBED_LIMITS.fieldValue);
  });
}

function checkEmbed(problems: Problems, at: PropertyKey[], embed: Json): void {
  maxLength(problems, [...at, "title"], trimmed(embed.title), EMBED_LIMITS.title);
  maxLength(problems, [...at, "description"], trimmed(embed.description), EMBED_LIMITS.description);
  checkUrl(problems, [...at, "url"], embed.url);
  if (typeof embed.color === "number" && (embed.color < 0 || embed.color > EMBED_LIMITS.color || !Number.isInteger(embed.color))) {
    problems.push({ path: [...at, "color"], code: "NUMBER_TYPE_MAX", message: `int value should be less than or equal to ${EMBED_LIMITS.color}.` });
  }
  if (typeof embed.timestamp === "string" && Number.isNaN(Date.parse(embed.timestamp))) {
    problems.push({ path: [...at, "timestamp"], code: "DATE_TIME_TYPE_PARSE", message: `Could not parse ${embed.timestamp}. Should be ISO8601.` });
  }
  if (isObject(embed.footer)) {
    maxLength(problems, [...at, "footer", "text"], trimmed(embed.footer.text), EMBED_LIMITS.footerText);
    checkUrl(problems, [...at, "footer", "icon_url"], embed.footer.icon_url);
  }
  if (isObject(embed.author)) {
    maxLength(problems, [...at, "author", "name"], trimmed(embed.author.name), EMBED_LIMITS.authorName);
    checkUrl(problems, [...at, "author", "url"], embed.author.url);
    checkUrl(problems, [...at, "author", "icon_url"], embed.author.icon_url);
  }
  for (const media of ["image", "thumbnail"] as const) {
    const value = embed[media];
    if (isObject(value)) checkUrl(problems, [...at, media, "url"], value.url);
  }
  checkFields(problems, [...at, "fields"], embed.fields);
}

/** Every limit of every embed, then the 6000 characters they share (refused as MAX_EMBED_SIZE_EXCEEDED). */
export function checkEmbeds(problems: Problems, at: PropertyKey[], embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  maxItems(problems, at, embeds, EMBED_LIMITS.embeds);
  if (!Array.isArray(embeds)) return;
  embeds.forEach((embed: unknown, i) => {
    if (isObject(embed)) checkEmbed(problems, [...at, i], embed);
    else problems.push({ path: [...at, i], code: "MODEL_TYPE_CONVERT", message: "Only dictionaries may be used in a ModelType" });
  });
  const total = embeds.filter(isObject).reduce<number>((sum, embed) => sum + embedSize(embed), 0);
  if (total > EMBED_LIMITS.total) {
    problems.push({ path: at, code: "MAX_EMBED_SIZE_EXCEEDED", message: `Embed size exceeds maximum size of ${EMBED_LIMITS.total}` });
  }
}

function withoutNulls(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

function trimText(object: unknown, keys: readonly string[]): Json | undefined {
  if (!isObject(object)) return undefined;
  const copy = withoutNulls(object);
  for (const key of keys) if (typeof copy[key] === "string") copy[key] = (copy[key] as string).trim();
  return copy;
}

/**
 * An accepted embed as Discord stores and returns it: `type` is always "rich" for embeds a bot sends, text is
 * trimmed, every field carries `inline` (false unless set), and null members are left out.
 */
export function normalizeEmbed(embed: Json): Json {
  const out: Json = { ...withoutNulls(embed), type: "rich" };
  for (const key of ["title", "description"] as const) if (typeof out[key] === "string") out[key] = (out[key] as string).trim();
  for (const key of ["author", "footer"] as const) {
    const value = trimText(embed[key], key === "author" ? ["name"] : ["text"]);
    if (value) out[key] = value;
  }
  if (Array.isArray(embed.fields)) {
    out.fields = embed.fields.filter(isObject).map((field) => ({
      name: trimmed(field.name),
      value: trimmed(field.value),
      inline: field.inline === true,
    }));
  }
  return out;
}
