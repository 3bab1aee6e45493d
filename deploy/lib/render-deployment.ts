import type { DeploymentPlan } from "./plan-deployment";
import { renderCaddyfile } from "./render-caddyfile";
import { renderCloudflared } from "./render-cloudflared";
import { renderGameHostNginx } from "./render-game-host-nginx";
import { renderGatewayNginx } from "./render-gateway-nginx";
import { renderReadme } from "./render-readme";
import { renderStartingPage } from "./render-starting-page";

/** A file to write, relative to the output folder. */
export type OutputFile = { path: string; content: string };

/** Every production file for the plan: the chosen gateway, the starting page, one nginx.conf per game CT, cloudflared, README. */
export function renderDeployment(plan: DeploymentPlan): OutputFile[] {
  const files: OutputFile[] = [];
  files.push(
    plan.site.mode === "caddy"
      ? { path: "gateway/Caddyfile", content: renderCaddyfile(plan) }
      : { path: "gateway/nginx/arcade.conf", content: renderGatewayNginx(plan) },
  );
  files.push({ path: "gateway/starting.html", content: renderStartingPage(plan) });
  for (const host of plan.hosts) {
    files.push({ path: `game-hosts/${host.name}/nginx.conf`, content: renderGameHostNginx(host, plan) });
  }
  if (plan.site.tls === "cloudflare-tunnel") files.push({ path: "cloudflared/config.yml", content: renderCloudflared(plan) });
  const readme = "README.md";
  files.push({ path: readme, content: renderReadme(plan, [readme, ...files.map((f) => f.path)]) });
  return files;
}
