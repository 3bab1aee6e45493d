import { describeOrigin } from "./generated-header";
import type { DeploymentPlan } from "./plan-deployment";

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
  if (plan.site.mode === "caddy") return ["Caddy obtains certificates itself. Point DNS for every hostname at the gateway and forward ports 80 and 443 to CT1010."];
  return [
    "Point DNS for every hostname at the gateway, forward ports 80 and 443 to CT1010, then obtain the certificates before installing arcade.conf:",
    ...names.map(
      (name) =>
        `- \`certbot certonly --standalone -d ${name} -m ${plan.site.acmeEmail} --agree-tos -n --pre-hook "systemctl stop nginx" --post-hook "systemctl start nginx"\``,
    ),
  ];
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
