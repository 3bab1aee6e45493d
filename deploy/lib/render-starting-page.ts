import { describeOrigin } from "./generated-header";
import type { DeploymentPlan } from "./plan-deployment";

export const STARTING_REFRESH_SEC = 5;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page the gateway shows while a game's CT is stopped or booting: it reloads itself and links to the portal. */
export function renderStartingPage(plan: DeploymentPlan): string {
  const portal = `${plan.site.portal.origin}/`;
  return `<!-- ${escapeHtml(describeOrigin(plan).join(" "))} -->
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${STARTING_REFRESH_SEC}">
<meta name="robots" content="noindex">
<title>Game starting…</title>
<style>
  html, body { height: 100%; margin: 0; }
  body { display: grid; place-items: center; background: #101418; color: #e8eaed; font: 16px/1.5 system-ui, sans-serif; }
  main { max-width: 32rem; padding: 1.5rem; text-align: center; }
  .dot { display: inline-block; width: .6rem; height: .6rem; margin: 0 .15rem; border-radius: 50%; background: #7cc4ff; animation: pulse 1.2s infinite ease-in-out; }
  .dot:nth-child(2) { animation-delay: .2s; } .dot:nth-child(3) { animation-delay: .4s; }
  @keyframes pulse { 0%, 80%, 100% { opacity: .2; } 40% { opacity: 1; } }
  a { color: #7cc4ff; }
</style>
</head>
<body>
<main>
  <p aria-hidden="true"><span class="dot"></span><span class="dot"></span><span class="dot"></span></p>
  <h1>The game is starting</h1>
  <p>Its server is waking up. This page reloads every ${STARTING_REFRESH_SEC} seconds and the game appears as soon as it answers.</p>
  <p>Nobody pressed Play yet? Start it from the arcade: <a href="${escapeHtml(portal)}" target="_top">${escapeHtml(plan.site.portal.hostname)}</a></p>
</main>
</body>
</html>
`;
}
