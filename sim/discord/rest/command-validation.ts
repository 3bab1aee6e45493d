import { invalidFormBody, type Reply } from "../http/reply";

// Rules from developers/interactions/application-commands.mdx ("Application Command Naming", option limits).
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

type Json = Record<string, unknown>;
type Problem = { path: PropertyKey[]; code: string; message: string };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function checkNameAndDescription(item: Json, path: PropertyKey[], needsDescription: boolean, problems: Problem[]): void {
  const name = item.name;
  if (typeof name !== "string" || !NAME.test(name) || name !== name.toLowerCase()) {
    problems.push({ path: [...path, "name"], code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" });
  }
  const description = item.description;
  const length = typeof description === "string" ? description.length : 0;
  if (needsDescription && (length < 1 || length > 100)) {
    problems.push({ path: [...path, "description"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
  }
}

function checkOptions(options: unknown, path: PropertyKey[], problems: Problem[]): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options) || options.length > MAX_OPTIONS) {
    problems.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${MAX_OPTIONS} or fewer in length.` });
    return;
  }
  let sawOptional = false;
  options.forEach((option: unknown, i) => {
    const at = [...path, i];
    if (!isObject(option) || typeof option.type !== "number" || option.type < 1 || option.type > 11) {
      problems.push({ path: [...at, "type"], code: "BASE_TYPE_CHOICES", message: "Value must be one of 1..11." });
      return;
    }
    checkNameAndDescription(option, at, true, problems);
    const nested = option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP;
    if (nested) checkOptions(option.options, [...at, "options"], problems);
    if (!nested && option.required === true && sawOptional) {
      problems.push({ path: [...at, "required"], code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", message: "Required options must be placed before non-required options" });
    }
    if (!nested && option.required !== true) sawOptional = true;
    const choices = option.choices;
    if (Array.isArray(choices) && choices.length > MAX_CHOICES) {
      problems.push({ path: [...at, "choices"], code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${MAX_CHOICES} or fewer in length.` });
    }
    if (option.autocomplete === true && Array.isArray(choices) && choices.length > 0) {
      problems.push({ path: [...at, "autocomplete"], code: "AUTOCOMPLETE_AND_CHOICES_ERROR", message: "Autocomplete cannot be set to true if choices are present" });
    }
  });
}

/** Validates a bulk-overwrite body the way Discord rejects bad ones: 400 code 50035 with a path per problem. */
export function validateCommandList(body: unknown): { commands: Json[] } | { error: Reply } {
  if (!Array.isArray(body)) return { error: invalidFormBody([{ path: [], code: "BASE_TYPE_BAD_TYPE", message: "Must be an array." }]) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  body.forEach((command: unknown, i) => {
    if (!isObject(command)) {
      problems.push({ path: [i], code: "BASE_TYPE_BAD_TYPE", message: "Must be an object." });
      return;
    }
    const type = typeof command.type === "number" ? command.type : 1;
    checkNameAndDescription(command, [i], type === 1, problems);
    checkOptions(command.options, [i, "options"], problems);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) problems.push({ path: [i, "name"], code: "APPLICATION_COMMANDS_DUPLICATE_NAME", message: "Application command names must be unique" });
    seen.add(key);
    const perms = command.default_member_permissions;
    if (perms !== undefined && perms !== null && (typeof perms !== "string" || !/^\d+$/.test(perms))) {
      problems.push({ path: [i, "default_member_permissions"], code: "BASE_TYPE_BAD_TYPE", message: "Must be a permission bitfield string." });
    }
  });
  return problems.length > 0 ? { error: invalidFormBody(problems) } : { commands: body as Json[] };
}
