import { AccessError, type AccessControl } from "./access-control";

type Parsed = { words: string[]; options: Map<string, string> };

/** pveum's command line: positional words, then `--name value` or `--name=value` options in any order. */
function parse(args: string[]): Parsed {
  const words: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) options.set(name, inline);
    else options.set(name, args[++i] ?? "");
  }
  return { words, options };
}

function list(value: string | undefined): string[] {
  return (value ?? "").split(/[,;\s]+/).filter(Boolean);
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === "1" || value === "0") return value === "1";
  throw new AccessError(`400 Parameter verification failed.\n: type check ('boolean') failed - got '${value}'`);
}

function render(parsed: Parsed, data: unknown, text: () => string): string {
  const format = parsed.options.get("output-format") ?? "text";
  if (format === "json") return `${JSON.stringify(data)}\n`;
  if (format === "json-pretty") return `${JSON.stringify(data, null, 4)}\n`;
  return text();
}

function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cells = [columns, ...rows.map((row) => columns.map((c) => String(row[c] ?? "")))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n";
}

/**
 * The subset of `pveum` that deploy/proxmox/setup-token.sh (and an owner following docs/deploy.md) uses, run
 * against the sim's access control. Returns stdout; throws AccessError with pveum's message on failure.
 */
export function runPveum(access: AccessControl, args: string[]): string {
  const parsed = parse(args);
  const { words, options } = parsed;
  const command = words.slice(0, words[1] === "token" ? 3 : 2).join(" ");
  const [a, b] = words.slice(words[1] === "token" ? 3 : 2);
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new AccessError(`400 not enough arguments\npveum ${command} <${what}>`);
    return value;
  };
  switch (command) {
    case "role list":
      return render(parsed, access.listRoles(), () => table(access.listRoles(), ["roleid", "privs", "special"]));
    case "role add":
      access.setRole(need(a, "roleid"), list(options.get("privs")), "create");
      return "";
    case "role modify":
      access.setRole(need(a, "roleid"), list(options.get("privs")), flag(options.get("append"), false) ? "append" : "replace");
      return "";
    case "user list":
      return render(parsed, access.listUsers(), () => table(access.listUsers(), ["userid", "enable", "comment"]));
    case "user add":
      access.addUser(need(a, "userid"), options.get("comment"));
      return "";
    case "pool list":
      return render(parsed, access.listPools(), () => table(access.listPools(), ["poolid", "comment"]));
    case "pool add":
      access.addPool(need(a, "poolid"), options.get("comment"));
      return "";
    case "pool modify":
      if (flag(options.get("delete"), false)) throw new AccessError("pveum pool modify --delete is not simulated");
      access.addPoolMembers(need(a, "poolid"), list(options.get("vms")).map(Number));
      return "";
    case "acl modify":
      access.modifyAcl({
        path: need(a, "path"),
        roles: list(options.get("roles")),
        users: list(options.get("users")),
        tokens: list(options.get("tokens")),
        propagate: flag(options.get("propagate"), true),
        remove: flag(options.get("delete"), false),
      });
      return "";
    case "user token list": {
      const tokens = access.listTokens(need(a, "userid"));
      return render(parsed, tokens, () => table(tokens, ["tokenid", "privsep", "comment"]));
    }
    case "user token add": {
      const [user, name] = [need(a, "userid"), need(b, "tokenid")];
      const privsep = flag(options.get("privsep"), true);
      const comment = options.get("comment");
      const value = access.addToken(user, name, privsep, comment);
      const result = { "full-tokenid": `${user}!${name}`, info: { privsep: privsep ? "1" : "0", ...(comment ? { comment } : {}) }, value };
      return render(parsed, result, () => table([{ key: "full-tokenid", value: result["full-tokenid"] }, { key: "info", value: JSON.stringify(result.info) }, { key: "value", value }], ["key", "value"]));
    }
    case "user token remove":
      access.removeToken(need(a, "userid"), need(b, "tokenid"));
      return "";
    case "user token permissions": {
      const subject = `${need(a, "userid")}!${need(b, "tokenid")}`;
      const effective = [...access.effective(subject)];
      const json = Object.fromEntries(effective.map(([path, privs]) => [path, Object.fromEntries(privs.map((p) => [p, 1]))]));
      return render(parsed, json, () => table(effective.map(([path, privs]) => ({ path, privs: privs.join(", ") })), ["path", "privs"]));
    }
    default:
      throw new AccessError(`unknown command 'pveum ${words.join(" ")}'`);
  }
}
