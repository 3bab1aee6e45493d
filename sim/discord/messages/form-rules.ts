import { type FormProblem } from "../http/reply";

// The checks and the sentences Discord's form validation answers with (developers/reference.mdx "Error Messages").

export type Problems = FormProblem[];
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Discord's API is Python: a "character" is a Unicode code point, so 🟢 counts once (discord-api-docs#1315). */
export function lengthOf(text: string): number {
  return Array.from(text).length;
}

export function maxLength(problems: Problems, path: PropertyKey[], value: unknown, max: number): void {
  if (typeof value === "string" && lengthOf(value) > max) {
    problems.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` });
  }
}

export function badLength(problems: Problems, path: PropertyKey[], value: unknown, min: number, max: number): void {
  const length = typeof value === "string" ? lengthOf(value) : 0;
  if (length < min || length > max) problems.push({ path, code: "BASE_TYPE_BAD_LENGTH", message: `Must be between ${min} and ${max} in length.` });
}

export function maxItems(problems: Problems, path: PropertyKey[], value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    problems.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` });
  }
}

export function required(problems: Problems, path: PropertyKey[]): void {
  problems.push({ path, code: "BASE_TYPE_REQUIRED", message: "This field is required" });
}

export function choices(problems: Problems, path: PropertyKey[], allowed: readonly (string | number)[]): void {
  problems.push({ path, code: "BASE_TYPE_CHOICES", message: `Value must be one of (${allowed.join(", ")}).` });
}
