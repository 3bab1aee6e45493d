import { parseArgs } from "node:util";
import { callControl, callPveum } from "./cli/control-client";
import { parseFault, parseMigrate, parsePower, parseTiming } from "./cli/control-commands";
import { serve } from "./cli/serve";

const USAGE = `Proxmox VE simulator

  serve --scenario <file.json> [--port 8006] [--host 127.0.0.1] [--http] [--write-ca <path>] [--ready-file <path>]
        [--portal-origin http://localhost:3000]   the origin the game web servers let frame them

Control a running sim (--url <sim url>; --ca <file> to verify its certificate, else skipped for loopback):
  fault nodeOffline <node> on|off
  fault lock <vmid> <lock|none>
  fault startFails <vmid> <message...|none>
  fault web <vmid> ok|refuse|hang|error
  fault apiDown on|off [--for-ms <ms>]
  power <vmid> running|stopped
  migrate <vmid> <node>
  pveum -- <pveum arguments...>        e.g. pveum -- user token permissions arcade@pve portal
  timing <key>=<ms>...
  state | stats | stats-reset`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      scenario: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      http: { type: "boolean" },
      "write-ca": { type: "string" },
      "ready-file": { type: "string" },
      "portal-origin": { type: "string" },
      url: { type: "string" },
      ca: { type: "string" },
      "for-ms": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === "serve") {
    if (!values.scenario) throw new Error("serve needs --scenario <file.json>");
    return serve({
      scenario: values.scenario,
      port: values.port === undefined ? 8006 : Number(values.port),
      host: values.host ?? "127.0.0.1",
      http: values.http ?? false,
      writeCa: values["write-ca"],
      readyFile: values["ready-file"],
      portalOrigin: values["portal-origin"],
    });
  }
  if (!values.url) throw new Error(`${command} needs --url <sim url>`);
  const connection = { url: values.url, caFile: values.ca };
  const forMs = values["for-ms"] === undefined ? undefined : Number(values["for-ms"]);
  const calls: Record<string, () => Promise<unknown>> = {
    fault: () => callControl(connection, "POST", "/faults", parseFault(args, forMs)),
    power: () => callControl(connection, "POST", "/power", parsePower(args)),
    migrate: () => callControl(connection, "POST", "/migrate", parseMigrate(args)),
    timing: () => callControl(connection, "POST", "/timing", parseTiming(args)),
    state: () => callControl(connection, "GET", "/state"),
    stats: () => callControl(connection, "GET", "/stats"),
    "stats-reset": () => callControl(connection, "POST", "/stats/reset"),
  };
  if (command === "pveum") {
    process.stdout.write(await callPveum(connection, args));
    return;
  }
  const call = calls[command];
  if (!call) throw new Error(`unknown command '${command}'\n\n${USAGE}`);
  console.log(JSON.stringify(await call(), null, 2));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
