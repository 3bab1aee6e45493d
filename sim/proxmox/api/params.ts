import type { IncomingMessage } from "node:http";
import { paramError, PveError } from "../errors";
import type { ParamSpec, ParamValues } from "./route-types";

type RawValue = unknown;

const MAX_BODY_BYTES = 512 * 1024;

/** Reads the body (form-encoded by default, or JSON) and merges in the query string, like AnyEvent extract_params. */
export async function readRawParams(req: IncomingMessage, url: URL): Promise<Record<string, RawValue>> {
  const params: Record<string, RawValue> = Object.fromEntries(url.searchParams.entries());
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new PveError(413, "Request Entity Too Large");
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  if (body.length === 0) return params;
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  if (contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new PveError(400, "malformed JSON string in request body");
    }
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(params, parsed);
    return params;
  }
  for (const [key, value] of new URLSearchParams(body)) params[key] = value;
  return params;
}

function describe(value: RawValue): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function checkOne(spec: ParamSpec, value: RawValue): { value?: string | number; error?: string } {
  const got = `got '${describe(value)}'`;
  let result: string | number;
  if (spec.type === "integer") {
    if (typeof value === "number" && Number.isInteger(value)) result = value;
    else if (typeof value === "string" && /^[+-]?\d+$/.test(value)) result = Number.parseInt(value, 10);
    else return { error: `type check ('integer') failed - ${got}` };
  } else if (spec.type === "boolean") {
    // Form values must be exactly 1 or 0; only a JSON body may carry true/false (JSONSchema.pm check_type).
    if (typeof value === "boolean") result = value ? 1 : 0;
    else if (value === "1" || value === "0" || value === 1 || value === 0) result = Number(value);
    else return { error: `type check ('boolean') failed - ${got}` };
  } else {
    if (typeof value !== "string" && typeof value !== "number") return { error: `type check ('string') failed - ${got}` };
    result = String(value);
  }
  if (spec.enum && !spec.enum.includes(String(result))) {
    return { error: `value '${result}' does not have a value in the enumeration '${spec.enum.join(", ")}'` };
  }
  if (typeof result === "number" && spec.minimum !== undefined && result < spec.minimum) return { error: `value must have a minimum value of ${spec.minimum}` };
  if (typeof result === "number" && spec.maximum !== undefined && result > spec.maximum) return { error: `value must have a maximum value of ${spec.maximum}` };
  return { value: result };
}

/** Validates against a method's parameter schema (additionalProperties 0) and reports every bad parameter at once. */
export function validateParams(specs: Record<string, ParamSpec>, raw: Record<string, RawValue>): ParamValues {
  const errors: Record<string, string> = {};
  const values: ParamValues = {};
  for (const key of Object.keys(raw)) {
    if (!(key in specs)) errors[key] = "property is not defined in schema and the schema does not allow additional properties";
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (value === undefined || value === null) {
      if (!spec.optional) errors[name] = "property is missing and it is not optional";
      continue;
    }
    const checked = checkOne(spec, value);
    if (checked.error) errors[name] = checked.error;
    else values[name] = checked.value;
  }
  if (Object.keys(errors).length > 0) throw paramError(errors);
  return values;
}
