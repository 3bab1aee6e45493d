import { hashComment } from "./generated-header";
import type { DeploymentPlan } from "./plan-deployment";

/** cloudflared's config.yml: every public hostname to the gateway, then the mandatory catch-all 404. */
export function renderCloudflared(plan: DeploymentPlan): string {
  const tunnel = plan.site.cloudflare;
  if (tunnel === undefined) throw new Error('renderCloudflared needs "cloudflare" in the site settings');
  const hostnames = [plan.site.portal.hostname, ...plan.routes.map((r) => r.hostname)];
  const rules = hostnames.map((hostname) => `  - hostname: ${hostname}\n    service: ${tunnel.service}`).join("\n");
  return `${hashComment(plan, [
    "cloudflared on CT1010: /etc/cloudflared/config.yml. Check with `cloudflared tunnel ingress validate`.",
    "Create one DNS route per hostname: `cloudflared tunnel route dns <tunnel> <hostname>`.",
  ])}
tunnel: ${tunnel.tunnel}
credentials-file: ${tunnel.credentialsFile}
ingress:
${rules}
  - service: http_status:404
`;
}
