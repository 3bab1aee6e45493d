import { existsSync } from "node:fs";
import path from "node:path";

/*
 * Stand-ins for the Proxmox node's CLI tools (pct, pveum, pvesm, pveam), for testing the commands in docs/deploy.md
 * and the scripts under deploy/proxmox off a node. They do nothing, but refuse what the real tools would refuse
 * for the commands we use: unknown options, malformed --netN/--features/--rootfs values, missing local files.
 * Option lists from pve-docs generated/pct.1-synopsis.adoc (PVE 9). Plain JavaScript: the docs test runs it
 * dozens of times, and node starts it in a fraction of the time tsx would need.
 */

const createOptions = new Set(
  "arch bwlimit cmode console cores cpulimit cpuunits debug description entrypoint env features force hookscript hostname lock memory nameserver onboot ostype password pool protection restore rootfs searchdomain start startup storage swap tags template timezone tty unique unprivileged".split(
    " ",
  ),
);
const setOptions = new Set(
  "arch cmode console cores cpulimit cpuunits debug delete description digest entrypoint env features hookscript hostname lock memory nameserver onboot ostype protection revert rootfs searchdomain startup swap tags template timezone tty unprivileged".split(" "),
);
const netKeys = new Set("name bridge firewall gw gw6 host-managed hwaddr ip ip6 link_down mtu rate tag trunks type".split(" "));
const featureKeys = new Set("force_rw_sys fuse keyctl mknod mount nesting".split(" "));
const booleans = new Set(["onboot", "unprivileged", "start", "force", "protection", "template", "unique", "debug"]);

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`stand-in: ${message}`);
  process.exit(255);
}

/** @param {string} option @param {string} value @param {Set<string>} keys */
function checkKeyValues(option, value, keys) {
  const pairs = new Map();
  for (const part of value.split(",")) {
    const [key, v] = part.split("=");
    if (!key || v === undefined || !keys.has(key)) fail(`--${option}: "${part}" is not one of ${[...keys].join(", ")}`);
    pairs.set(key, v);
  }
  return pairs;
}

/** @param {string[]} args @param {Set<string>} allowed */
function checkOptions(args, allowed) {
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1];
    const name = flag.replace(/^--/, "");
    const base = name.replace(/\d+$/, "");
    if (!flag.startsWith("--") || value === undefined) fail(`expected --option value, got "${flag}"`);
    if (/^(net|mp|dev|unused)\d+$/.test(name)) {
      if (base === "net") {
        const net = checkKeyValues(name, value, netKeys);
        if (!net.has("name")) fail(`--${name} needs name=`);
        for (const key of ["firewall", "link_down", "host-managed"]) if (net.has(key) && !/^[01]$/.test(net.get(key))) fail(`--${name}: ${key} must be 0 or 1`);
      }
      continue;
    }
    if (!allowed.has(name)) fail(`unknown option --${name}`);
    if (booleans.has(name) && !/^[01]$/.test(value)) fail(`--${name} must be 0 or 1 (got ${value})`);
    if (name === "features") checkKeyValues(name, value, featureKeys);
    if (name === "rootfs" && !/^[A-Za-z][\w.-]*:\d+$/.test(value)) fail(`--rootfs must be <storage>:<size in GiB> (got ${value})`);
    if ((name === "cores" || name === "memory" || name === "swap") && !/^\d+$/.test(value)) fail(`--${name} must be a number (got ${value})`);
    if (name === "delete" && !/^[a-z0-9_,]+$/.test(value)) fail(`--delete takes option names (got ${value})`);
  }
}

/** @param {string | undefined} value */
function vmid(value) {
  if (!value || !/^\d+$/.test(value) || Number(value) < 100) fail(`not a VMID: ${value}`);
}

/** @param {string[]} args */
function pct(args) {
  const [command, id, ...rest] = args;
  vmid(id);
  switch (command) {
    case "create": {
      const [template, ...options] = rest;
      if (!template || !/^[A-Za-z][\w.-]*:vztmpl\/[\w.-]+\.tar\.(zst|gz|xz)$/.test(template)) fail(`not a template volume: ${template}`);
      return checkOptions(options, createOptions);
    }
    case "set":
      return checkOptions(rest, setOptions);
    case "push": {
      const [file, destination, ...options] = rest;
      if (!file || !destination?.startsWith("/")) fail("usage: pct push <vmid> <file> <absolute destination>");
      if (!file.startsWith("/etc/pve/") && !existsSync(path.resolve(file))) fail(`${file} does not exist`);
      return checkOptions(options, new Set(["group", "perms", "user"]));
    }
    case "exec":
      if (rest[0] !== "--" || rest.length < 2) fail("usage: pct exec <vmid> -- <command>");
      return;
    case "start":
      if (rest.length > 0) fail(`pct start takes no arguments here: ${rest.join(" ")}`);
      return;
    case "status":
      // As for a CT that does not exist yet.
      console.error(`Configuration file 'nodes/pve/lxc/${id}.conf' does not exist`);
      process.exit(2);
      break;
    default:
      fail(`pct ${command} is not covered by the stand-in`);
  }
}

const [tool, ...args] = process.argv.slice(2);
switch (tool) {
  case "pct":
    pct(args);
    break;
  case "pveum":
    if (args.join(" ") === "pool list --output-format json") console.log("[]");
    else if (args[0] !== "pool" || args[1] !== "add") fail(`pveum ${args.join(" ")} is not covered by the stand-in`);
    break;
  case "pvesm":
    if (args.join(" ") !== "status --content rootdir") fail(`pvesm ${args.join(" ")} is not covered by the stand-in`);
    console.log("Name             Type     Status           Total            Used       Available        %\nlocal-zfs     zfspool     active        98000000         1000000        97000000    1.02%");
    break;
  case "pveam":
    if (args.join(" ") !== "list local") fail(`pveam ${args.join(" ")} is not covered by the stand-in`);
    console.log("NAME                                                         SIZE\nlocal:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst         123.00MB");
    break;
  default:
    fail(`unknown tool ${tool}`);
}
