import type { DeploymentPlan } from "./plan-deployment";
import { renderCaddyfile } from "./render-caddyfile";
import { renderCloudflared } from "./render-cloudflared";
import { renderGameHostNginx } from "./render-game-host-nginx";
import { planFirewallOrThrow } from "./plan-firewall";
import { renderFirewall } from "./render-firewall";
import { renderAcmeBootstrapNginx, renderGatewayNginx } from "./render-gateway-nginx";
import { renderReadme } from "./render-readme";
import { renderIsolationProbes } from "./render-isolation-probes";
import { renderStartingPage } from "./render-starting-page";
import { renderVmbr2 } from "./render-vmbr2";

/** A file to write, relative to the output folder. */
export type OutputFile = { path: string; content: string };

/**
 * Every production file for the plan: the chosen gateway, the starting page, one nginx.conf per game CT,
 * cloudflared, the Proxmox firewall files and vmbr2, README. Throws DeployConfigError when the firewall cannot be planned.
 */
export function renderDeployment(plan: DeploymentPlan): OutputFile[] {
  const files: OutputFile[] = [];
  files.push(
    plan.site.mode === "caddy"
      ? { path: "gateway/Caddyfile", content: renderCaddyfile(plan) }
      : { path: "gateway/nginx/arcade.conf", content: renderGatewayNginx(plan) },
  );
  if (plan.site.mode === "nginx" && plan.site.tls === "auto") {
    files.push({ path: "gateway/nginx/acme-bootstrap.conf", content: renderAcmeBootstrapNginx(plan) });
  }
  files.push({ path: "gateway/starting.html", content: renderStartingPage(plan) });
  for (const host of plan.hosts) {
    files.push({ path: `game-hosts/${host.name}/nginx.conf`, content: renderGameHostNginx(host, plan) });
  }
  if (plan.site.tls === "cloudflare-tunnel") files.push({ path: "cloudflared/config.yml", content: renderCloudflared(plan) });
  for (const guest of planFirewallOrThrow(plan)) {
    files.push({ path: `proxmox/firewall/${guest.vmid}.fw`, content: renderFirewall(plan, guest) });
  }
  files.push({ path: "proxmox/isolation-probes.tsv", content: renderIsolationProbes(plan) });
  files.push({ path: "proxmox/vmbr2.interfaces", content: renderVmbr2(plan) });
  const readme = "README.md";
  files.push({ path: readme, content: renderReadme(plan, [readme, ...files.map((f) => f.path)]) });
  return files;
}
