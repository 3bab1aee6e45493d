#!/usr/bin/env node
// `pveum` for a running sim/proxmox: put this file on PATH under the name pveum, and scripts written for a Proxmox
// node (deploy/proxmox/setup-token.sh) change the sim's users, tokens, roles, pools and ACLs instead.
//   PVE_SIM_URL  the sim's URL, e.g. https://127.0.0.1:8006
//   PVE_SIM_CA   its CA file, to verify the sim
// Prints what pveum would print; on a refusal prints pveum's error to stderr and exits 255, like pveum.
// Plain JavaScript and node:https on purpose: a script calls pveum many times, and each call must start fast.
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { request as plainRequest } from "node:http";

const base = process.env.PVE_SIM_URL;
if (!base) {
  process.stderr.write("PVE_SIM_URL must name the simulator, e.g. https://127.0.0.1:8006\n");
  process.exit(2);
}
const url = new URL("/__sim/pveum", base);
const body = JSON.stringify({ args: process.argv.slice(2) });
const ca = process.env.PVE_SIM_CA ? readFileSync(process.env.PVE_SIM_CA, "utf8") : undefined;
const send = url.protocol === "https:" ? request : plainRequest;
const req = send(url, { method: "POST", ca, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
  const chunks = [];
  res.on("data", (chunk) => chunks.push(chunk));
  res.on("end", () => {
    const text = Buffer.concat(chunks).toString("utf8");
    if (res.statusCode === 200) process.stdout.write(text);
    else process.stderr.write(text);
    process.exitCode = res.statusCode === 200 ? 0 : 255;
  });
});
req.on("error", (error) => {
  process.stderr.write(`pveum (sim shim): cannot reach ${base}: ${error.message}\n`);
  process.exitCode = 255;
});
req.end(body);
