import { describeOrigin } from "./generated-header";
import type { DeploymentPlan } from "./plan-deployment";
import { planFirewallOrThrow } from "./plan-firewall";
import { acmeWebroot } from "./render-gateway-nginx";

function gatewayRows(plan: DeploymentPlan): string[] {
  const static_ = `| gateway/starting.html | CT1010 ${plan.site.gateway.staticDir}/starting.html | shown while a game's CT is stopped or booting |`;
  if (plan.site.mode === "caddy") {
    return [
      "| gateway/Caddyfile | CT1010 /etc/caddy/Caddyfile | `caddy validate --config /etc/caddy/Caddyfile --adapter caddyfile && systemctl reload caddy` |",
      static_,
    ];
  }
  return [
    "| gateway/nginx/arcade.conf | CT1010 /etc/nginx/conf.d/arcade.conf | `rm -f /etc/nginx/sites-enabled/default && nginx -t && systemctl reload nginx` |",
    static_,
  ];
}

function tlsSteps(plan: DeploymentPlan): string[] {
  const names = [plan.site.portal.hostname, ...plan.routes.map((r) => r.hostname)];
  if (plan.site.tls === "cloudflare-tunnel") {
    return [
      "TLS ends at Cloudflare; the gateway serves plain http:// to cloudflared.",
      ...names.map((name) => `- \`cloudflared tunnel route dns ${plan.site.cloudflare?.tunnel} ${name}\``),
    ];
  }
  if (plan.site.tls === "internal") {
    return plan.site.mode === "caddy"
      ? ["Caddy issues certificates from its own CA. Install its root (`/var/lib/caddy/.local/share/caddy/pki/authorities/local/root.crt` on CT1010) on every player device."]
      : [`Put a certificate and key from your own CA for each hostname at ${plan.site.nginx.certificate} / ${plan.site.nginx.certificateKey} ({host} = hostname).`];
  }
  if (plan.site.mode === "caddy") {
    return ["Caddy obtains and renews certificates itself, without stopping. Point DNS for every hostname at the gateway and forward ports 80 and 443 to CT1010."];
  }
  const webroot = acmeWebroot(plan);
  const domains = names.map((name) => `-d ${name}`).join(" ");
  return [
    "Point DNS for every hostname at the gateway and forward ports 80 and 443 to CT1010. First install only: serve the ACME challenge over plain HTTP, get the certificates, then install arcade.conf:",
    "",
    "```sh",
    `install -d ${webroot} && cp gateway/nginx/acme-bootstrap.conf /etc/nginx/conf.d/arcade.conf && nginx -t && systemctl reload nginx`,
    ...names.map((name) => `certbot certonly --webroot -w ${webroot} -d ${name} -m ${plan.site.acmeEmail} --agree-tos -n --deploy-hook "systemctl reload nginx"`),
    "cp gateway/nginx/arcade.conf /etc/nginx/conf.d/arcade.conf && nginx -t && systemctl reload nginx",
    "```",
    "",
    `Renewal (certbot's timer) uses the same webroot, which arcade.conf exempts from the HTTPS redirect; nginx keeps serving and only reloads. One certificate per name keeps the {host} paths; with one certificate for all (${domains}) set "nginx.certificate" to its path.`,
  ];
}

function firewallSteps(plan: DeploymentPlan): string {
  const ids = planFirewallOrThrow(plan).map((g) => g.vmid);
  return `On the Proxmox node (datacenter firewall on, every NIC with \`firewall=1\`; docs/deploy.md §8):

\`\`\`sh
cp deploy/out/proxmox/firewall/*.fw /etc/pve/firewall/
deploy/proxmox/check-isolation.sh deploy/out/proxmox/isolation-probes.tsv
\`\`\`

Files for CT ${ids.join(", CT")}. Game CTs ${plan.site.gameUpdates ? "may reach DNS and HTTP(S) on the internet (gameUpdates: true)" : "reach nothing (gameUpdates: false)"}.`;
}

/** out/README.md: which generated file goes where, and the games it covers. */
export function renderReadme(plan: DeploymentPlan, files: string[]): string {
  const hostRows = plan.hosts.map(
    (host) => `| game-hosts/${host.name}/nginx.conf | CT${host.vmid} /etc/nginx/nginx.conf | install with the commands below |`,
  );
  const installs = plan.hosts.map(
    (host) =>
      `pct push ${host.vmid} deploy/out/game-hosts/${host.name}/nginx.conf /root/arcade-nginx.conf\n` +
      `pct push ${host.vmid} deploy/game-host/install.sh /root/install.sh\n` +
      `pct exec ${host.vmid} -- bash /root/install.sh /root/arcade-nginx.conf`,
  );
  const tunnelRow =
    plan.site.tls === "cloudflare-tunnel" ? ["| cloudflared/config.yml | CT1010 /etc/cloudflared/config.yml | `cloudflared tunnel ingress validate && systemctl restart cloudflared` |"] : [];
  const games = plan.routes.map(
    (r) => `| ${r.game.name} | ${r.game.url} | CT${r.game.vmid} | ${r.upstream.origin} | ${r.webRoot} |`,
  );
  return `<!-- ${describeOrigin(plan).join(" ")} -->
# Deploy configs for ${plan.site.portal.hostname}

Gateway: **${plan.site.mode}**, TLS: **${plan.site.tls}**. The full walk-through is docs/deploy.md.

| file | goes to | then |
| --- | --- | --- |
${[...gatewayRows(plan), ...hostRows, ...tunnelRow].join("\n")}

Files in this folder: ${files.map((f) => `\`${f}\``).join(", ")}.

## TLS

${tlsSteps(plan).join("\n")}

## Firewall and vmbr2

\`proxmox/vmbr2.interfaces\` goes into the node's /etc/network/interfaces (then \`ifreload -a\`).
${firewallSteps(plan)}

## Game hosts

On the Proxmox node, with the CT running:

\`\`\`sh
${installs.join("\n\n")}
\`\`\`

## Games

| game | public URL | CT | upstream (vmbr2) | web root on the CT |
| --- | --- | --- | --- | --- |
${games.join("\n")}

Copy each game's pygbag build (\`build/web/\`, from \`pygbag --build --can_close 1 <folder>\`) into its web root, e.g. with
\`deploy/game-host/publish-build.sh <vmid> build/web <web root>\` on the Proxmox host.
`;
}
