import { type z } from "zod";

/** What a route answers; the server turns it into an HTTP response. */
export type Reply = {
  status: number;
  json?: unknown;
  html?: string;
  location?: string;
  headers?: Record<string, string>;
};

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, json: body, headers };
}

/** Discord's JSON error shape `{ message, code }` (developers/topics/opcodes-and-status-codes). */
export function discordError(status: number, code: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return jsonReply(status, { message, code, ...extra });
}

export function noContent(): Reply {
  return { status: 204 };
}

export function htmlReply(status: number, html: string): Reply {
  return { status, html };
}

export function redirectReply(location: string): Reply {
  return { status: 302, location };
}

export const unauthorized = (): Reply => discordError(401, 0, "401: Unauthorized");
export const notFound = (): Reply => discordError(404, 0, "404: Not Found");
export const methodNotAllowed = (): Reply => discordError(405, 0, "405: Method Not Allowed");
export const missingAccess = (): Reply => discordError(403, 50001, "Missing Access");
export const invalidJson = (): Reply => discordError(400, 50109, "The request body contains invalid JSON.");

type FieldError = { code: string; message: string };
type ErrorTree = { [key: string]: ErrorTree | FieldError[] };

/** One refused field: where it is in the body (array indexes as numbers), Discord's error code and sentence. */
export type FormProblem = { path: PropertyKey[]; code: string; message: string };

/** 400 code 50035 with Discord's nested `errors` tree: { field: { _errors: [{ code, message }] } }. */
export function invalidFormBody(problems: FormProblem[]): Reply {
  const errors: ErrorTree = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as ErrorTree;
    }
    const list = (node._errors ??= []) as FieldError[];
    list.push({ code: problem.code, message: problem.message });
  }
  return discordError(400, 50035, "Invalid Form Body", { errors });
}

/** Maps zod issues to 50035 problems, so malformed bodies fail the way Discord's validation does. */
export function invalidFormBodyFromZod(error: z.ZodError, at: PropertyKey[] = []): Reply {
  return invalidFormBody(
    error.issues.map((issue) => {
      const path = [...at, ...issue.path];
      if (issue.code === "too_big" && (issue.origin === "string" || issue.origin === "array")) {
        return { path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${String(issue.maximum)} or fewer in length.` };
      }
      if (issue.code === "too_small" && (issue.origin === "string" || issue.origin === "array")) {
        return { path, code: "BASE_TYPE_MIN_LENGTH", message: `Must be ${String(issue.minimum)} or more in length.` };
      }
      // zod leaves the input out of its issues; its sentence says when the field was missing altogether.
      if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return { path, code: "BASE_TYPE_REQUIRED", message: "This field is required" };
      return { path, code: issue.code === "invalid_type" ? "BASE_TYPE_BAD_TYPE" : "BASE_TYPE_INVALID", message: issue.message };
    }),
  );
}
