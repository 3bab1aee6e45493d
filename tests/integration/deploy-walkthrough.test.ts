import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CADDY, installedNginxVersion, NGINX, nginxMainConf, requireBinaryOrThrow, runToEnd } from "@/deploy/testing/loopback";
import { selfSignedCertificate } from "@/deploy/testing/self-signed";

// docs/deploy.md as a new owner runs it: its shell blocks parse, its `pct` lines and create-game-ct.sh pass
// stand-ins that refuse what Proxmox's tools refuse, `npm run deploy:config` runs as written on the example site,
// and what it writes passes the real caddy, nginx and systemd-analyze. Commands that need a real node, Cloudflare
// or Let's Encrypt (pveam download, pvesh, cloudflared, certbot) are only syntax-checked here.

const repo = path.resolve(".");
const tmp = mkdtempSync(path.join(tmpdir(), "arcade-walkthrough-"));
const owner = path.join(tmp, "node");
const doc = readFileSync(path.join(repo, "docs/deploy.md"), "utf8");
const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
/** Each command of the shell blocks, continuation lines joined. */
const commands = blocks.flatMap((block) => block.replace(/\\\n\s*/g, "").split("\n").filter((line) => line.trim() !== ""));

function run(command: string, cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync("bash", ["-c", command], { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The owner's copy of the repository: the real deploy/ code and catalogue, a fresh deploy/site.json and deploy/out. */
function ownerCheckout(dir: string): void {
  mkdirSync(path.join(dir, "deploy"), { recursive: true });
  for (const name of ["package.json", "node_modules", "tsconfig.json", "games", "lib"]) symlinkSync(path.join(repo, name), path.join(dir, name));
  for (const name of ["generate.ts", "lib", "proxmox", "game-host", "systemd", "site.example.json"]) symlinkSync(path.join(repo, "deploy", name), path.join(dir, "deploy", name));
}

beforeAll(() => {
  ownerCheckout(owner);
  const bin = path.join(tmp, "bin");
  mkdirSync(bin);
  for (const tool of ["pct", "pveum", "pvesm", "pveam"]) {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\nexec "${process.execPath}" "${path.join(repo, "deploy/testing/pve-stand-in.mjs")}" ${tool} "$@"\n`);
    chmodSync(path.join(bin, tool), 0o755);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("docs/deploy.md, command by command", () => {
  it("has shell blocks that all parse", () => {
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) expect(run(`bash -n <<'EOF'\n${block}\nEOF`, tmp).status, block).toBe(0);
  });

  it("generates deploy/out from the example site exactly as step 1 says", () => {
    const step1 = commands.filter((c) => c.startsWith("cp deploy/site.example.json") || c === "npm run deploy:config");
    expect(step1).toEqual(["cp deploy/site.example.json deploy/site.json", "npm run deploy:config"]);
    const result = run(step1.join(" && "), owner);
    expect(result.output).toMatch(/Wrote \d+ files to deploy\/out \(caddy, tls auto\)/);
    expect(result.status).toBe(0);
  });

  it("names only files that exist: scripts in deploy/, generated ones in deploy/out for the matching mode", () => {
    // The walk-through shows Caddy with ACME, nginx with ACME and a tunnel: generate the other two modes as well.
    const site = JSON.parse(readFileSync(path.join(repo, "deploy/site.example.json"), "utf8")) as Record<string, unknown>;
    const variants = { nginx: { ...site, mode: "nginx" }, tunnel: { ...site, tls: "cloudflare-tunnel", cloudflare: { tunnel: "6ff42ae2-765d-4adf-8112-31c55c1551ef" } } };
    const generated = new Set<string>();
    const collect = (dir: string, prefix = "deploy/out") => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) collect(path.join(dir, entry.name), `${prefix}/${entry.name}`);
        else generated.add(`${prefix}/${entry.name}`);
      }
    };
    collect(path.join(owner, "deploy/out"));
    for (const [name, settings] of Object.entries(variants)) {
      const file = path.join(tmp, `${name}.json`);
      writeFileSync(file, JSON.stringify(settings));
      expect(run(`npx tsx deploy/generate.ts --settings ${file} --out ${path.join(tmp, `out-${name}`)}`, owner).status).toBe(0);
      collect(path.join(tmp, `out-${name}`));
    }
    const mentioned = new Set([...doc.matchAll(/deploy\/[\w./*<>-]+[\w*>]/g)].map((m) => m[0]));
    for (const file of mentioned) {
      if (file.includes("<") || file === "deploy/out" || file === "deploy/site.json") continue;
      if (file.startsWith("deploy/out/")) {
        const pattern = new RegExp(`^${file.replace(/[.]/g, "\\.").replace(/\*/g, "[^/]+")}$`);
        expect([...generated].some((g) => pattern.test(g)), `${file} is not generated`).toBe(true);
      } else {
        expect(existsSync(path.join(repo, file.replace(/\*/g, ""))) || file.includes("*"), `${file} does not exist`).toBe(true);
      }
    }
  });

  it("has pct lines and a create-game-ct.sh call that Proxmox's tools would accept", () => {
    const env = { PATH: `${path.join(tmp, "bin")}:${process.env.PATH}`, STORAGE: "local-zfs", TEMPLATE: "local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst", TUNNEL: "6ff42ae2-765d-4adf-8112-31c55c1551ef" };
    // pct push needs the local files: the owner's deploy/out from the test above, the nginx and tunnel variants too.
    cpSync(path.join(tmp, "out-nginx/gateway/nginx"), path.join(owner, "deploy/out/gateway/nginx"), { recursive: true });
    cpSync(path.join(tmp, "out-tunnel/cloudflared"), path.join(owner, "deploy/out/cloudflared"), { recursive: true });
    const pctLines = commands.filter((c) => /^(pct |STORAGE=.*create-game-ct\.sh)/.test(c));
    expect(pctLines.filter((c) => c.startsWith("pct create"))).toHaveLength(3);
    for (const line of pctLines) {
      const result = run(line, owner, env);
      expect(result.status, `${line}\n${result.output}`).toBe(0);
    }
    // And the stand-in is strict enough to refuse a mistake.
    expect(run('pct create 1010 "$TEMPLATE" --rootfs local-lvm --net0 bridge=vmbr0', owner, env).status).not.toBe(0);
    expect(run('pct create 1010 "$TEMPLATE" --feature nesting=1', owner, env).status).not.toBe(0);
    // Each line starts a Node stand-in: a few dozen processes, slow when the machine is busy.
  }, 180_000);
});

describe("the example site's generated output under the real tools", () => {
  it("passes caddy validate", () => {
    requireBinaryOrThrow(CADDY);
    const env = { HOME: tmp, XDG_DATA_HOME: path.join(tmp, "caddy-data"), XDG_CONFIG_HOME: path.join(tmp, "caddy-config") };
    const result = run(`${CADDY} validate --config deploy/out/gateway/Caddyfile --adapter caddyfile`, owner, env);
    expect(result.output).toContain("Valid configuration");
    expect(result.status).toBe(0);
  });

  it("passes nginx -t in nginx mode: the ACME bootstrap and arcade.conf (for this nginx's version)", () => {
    requireBinaryOrThrow(NGINX);
    const cert = selfSignedCertificate(tmp, ["arcade.example.com"]);
    const site = JSON.parse(readFileSync(path.join(repo, "deploy/site.example.json"), "utf8")) as Record<string, unknown>;
    const file = path.join(tmp, "nginx-here.json");
    writeFileSync(file, JSON.stringify({ ...site, mode: "nginx", nginx: { version: installedNginxVersion(), certificate: cert.cert, certificateKey: cert.key } }));
    const out = path.join(tmp, "out-nginx-here");
    expect(run(`npx tsx deploy/generate.ts --settings ${file} --out ${out}`, owner).status).toBe(0);
    for (const conf of ["acme-bootstrap.conf", "arcade.conf"]) {
      const dir = path.join(tmp, `nginx-${conf}`);
      mkdirSync(path.join(dir, "temp"), { recursive: true });
      writeFileSync(path.join(dir, "nginx.conf"), nginxMainConf(dir, path.join(out, "gateway/nginx", conf)));
      const result = runToEnd(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")]);
      expect(result.output, conf).toContain("test is successful");
    }
  });

  it("passes systemd-analyze verify on every unit, with nothing to warn about", () => {
    const units = readdirSync(path.join(repo, "deploy/systemd")).filter((f) => /\.(service|timer)$/.test(f));
    expect(units).toEqual(expect.arrayContaining(["cartofia-portal.service", "cartofia-bot.service", "cartofia-portal-health.service", "cartofia-portal-health.timer"]));
    const dir = path.join(tmp, "units");
    mkdirSync(dir);
    for (const unit of units) cpSync(path.join(repo, "deploy/systemd", unit), path.join(dir, unit));
    const result = spawnSync("systemd-analyze", ["verify", ...units.map((u) => path.join(dir, u))], { encoding: "utf8" });
    expect(result.error, "systemd-analyze is missing: apt-get install -y systemd").toBeUndefined();
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  });

  it("ships shell scripts that bash -n accepts", () => {
    const scripts = ["deploy/proxmox", "deploy/game-host"].flatMap((dir) => readdirSync(path.join(repo, dir)).filter((f) => f.endsWith(".sh")).map((f) => `${dir}/${f}`));
    expect(scripts).toContain("deploy/proxmox/check-isolation.sh");
    for (const script of scripts) expect(run(`bash -n ${script}`, repo).status, script).toBe(0);
  });
});
