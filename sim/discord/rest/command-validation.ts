import { invalidFormBody, type FormProblem, type Reply } from "../http/reply";
import { badLength, choices, isObject, lengthOf, maxItems, maxLength, type Json } from "../messages/form-rules";

// Rules from developers/interactions/application-commands.mdx: "Application Command Naming", the command and
// option structures, choices, and "a maximum of 8000 characters for combined name, description, and value".
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LIMITS = { options: 25, choices: 25, choiceName: 100, choiceValue: 100, stringLength: 6000, commandSize: 8000 } as const;
const CHAT_INPUT = 1;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const STRING = 3;
const OPTION_TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

type Problems = FormProblem[];

function checkChatInputName(problems: Problems, path: PropertyKey[], name: unknown): void {
  // "If there is a lowercase variant of any letters used, you must use those."
  if (typeof name !== "string" || !CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
    problems.push({ path, code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" });
  }
}

function checkChoices(problems: Problems, at: PropertyKey[], list: unknown): void {
  maxItems(problems, at, list, LIMITS.choices);
  if (!Array.isArray(list)) return;
  list.forEach((choice: unknown, i) => {
    const entry = isObject(choice) ? choice : {};
    badLength(problems, [...at, i, "name"], entry.name, 1, LIMITS.choiceName);
    maxLength(problems, [...at, i, "value"], entry.value, LIMITS.choiceValue);
  });
}

function checkStringLengths(problems: Problems, at: PropertyKey[], option: Json): void {
  const bounds = [["min_length", 0], ["max_length", 1]] as const;
  for (const [key, min] of bounds) {
    const value = option[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > LIMITS.stringLength) {
      problems.push({ path: [...at, key], code: "NUMBER_TYPE_MAX", message: `int value should be between ${min} and ${LIMITS.stringLength}.` });
    }
  }
}

function checkOptions(problems: Problems, at: PropertyKey[], options: unknown): void {
  if (options === undefined || options === null) return;
  maxItems(problems, at, options, LIMITS.options);
  if (!Array.isArray(options)) return;
  let sawOptional = false;
  const names = new Set<string>();
  options.forEach((option: unknown, i) => {
    const path = [...at, i];
    if (!isObject(option) || !OPTION_TYPES.includes(option.type as 1)) return choices(problems, [...path, "type"], OPTION_TYPES);
    checkChatInputName(problems, [...path, "name"], option.name);
    badLength(problems, [...path, "description"], option.description, 1, 100);
    if (typeof option.name === "string" && names.has(option.name)) {
      problems.push({ path: [...path, "name"], code: "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", message: "Option names must be unique" });
    }
    if (typeof option.name === "string") names.add(option.name);
    const nested = option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP;
    if (nested) return checkOptions(problems, [...path, "options"], option.options);
    if (option.required === true && sawOptional) {
      problems.push({ path: [...path, "required"], code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", message: "Required options must be placed before non-required options" });
    }
    if (option.required !== true) sawOptional = true;
    if (option.choices !== undefined && option.choices !== null) checkChoices(problems, [...path, "choices"], option.choices);
    if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length > 0) {
      problems.push({ path: [...path, "autocomplete"], code: "AUTOCOMPLETE_AND_CHOICES_ERROR", message: "Autocomplete cannot be set to true if choices are present" });
    }
    if (option.type === STRING) checkStringLengths(problems, path, option);
  });
}

/** Characters a command counts towards its 8000: every name, description and string value, nested ones too. */
function commandSize(node: unknown): number {
  if (Array.isArray(node)) return node.reduce<number>((sum, child) => sum + commandSize(child), 0);
  if (!isObject(node)) return 0;
  const own = [node.name, node.description, node.value].reduce<number>((sum, text) => sum + (typeof text === "string" ? lengthOf(text) : 0), 0);
  return own + commandSize(node.options) + commandSize(node.choices);
}

function checkCommand(problems: Problems, i: number, command: Json): void {
  const type = typeof command.type === "number" ? command.type : CHAT_INPUT;
  if (type === CHAT_INPUT) {
    checkChatInputName(problems, [i, "name"], command.name);
    badLength(problems, [i, "description"], command.description, 1, 100);
    checkOptions(problems, [i, "options"], command.options);
    if (commandSize(command) > LIMITS.commandSize) {
      problems.push({ path: [i], code: "APPLICATION_COMMAND_TOO_LARGE", message: `Command exceeds maximum size (${LIMITS.commandSize})` });
    }
  } else {
    // USER and MESSAGE commands "may be mixed case and can include spaces"; their description is empty.
    badLength(problems, [i, "name"], command.name, 1, 32);
  }
  const perms = command.default_member_permissions;
  if (perms !== undefined && perms !== null && (typeof perms !== "string" || !/^\d+$/.test(perms))) {
    problems.push({ path: [i, "default_member_permissions"], code: "BASE_TYPE_BAD_TYPE", message: "Must be a permission bitfield string." });
  }
}

/** Validates a bulk-overwrite body the way Discord rejects bad ones: 400 code 50035 with a path per problem. */
export function validateCommandList(body: unknown): { commands: Json[] } | { error: Reply } {
  if (!Array.isArray(body)) return { error: invalidFormBody([{ path: [], code: "BASE_TYPE_BAD_TYPE", message: "Must be an array." }]) };
  const problems: Problems = [];
  const seen = new Set<string>();
  body.forEach((command: unknown, i) => {
    if (!isObject(command)) {
      problems.push({ path: [i], code: "BASE_TYPE_BAD_TYPE", message: "Must be an object." });
      return;
    }
    checkCommand(problems, i, command);
    const key = `${String(command.type ?? CHAT_INPUT)}:${String(command.name)}`;
    if (seen.has(key)) problems.push({ path: [i, "name"], code: "APPLICATION_COMMANDS_DUPLICATE_NAME", message: "Application command names must be unique" });
    seen.add(key);
  });
  return problems.length > 0 ? { error: invalidFormBody(problems) } : { commands: body as Json[] };
}
