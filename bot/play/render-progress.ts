import { escapeMarkdown, time, TimestampStyles } from "discord.js";
import type { PowerAction } from "@/lib/api/client";
import type { GameView } from "@/lib/api/schemas";
import { describeStage } from "../format/game-state";
import { formatDuration, formatElapsed } from "@/lib/format/durations";
import { gameTitle, linkButtonRows, message, type Links, type MessagePayload } from "../format/payload";

export type OperationKind = "play" | PowerAction;

export const bootKinds: ReadonlySet<OperationKind> = new Set(["play", "start", "reboot"]);

type Progress = { kind: OperationKind; view: GameView; elapsedMs: number; userId: string };

function etaLine(view: GameView, elapsedMs: number): string {
  if (!view.eta) return `no boot time recorded yet; gives up after ${view.bootTimeoutSec} s`;
  const usual = formatDuration(view.eta.medianMs, "nearest");
  // The portal's words: slower than the median is normal for one boot in two; only past nine in ten is it slow.
  return elapsedMs <= (view.eta.p90Ms ?? view.eta.medianMs) ? `usually ready in about ${usual}` : `taking longer than usual (about ${usual}); gives up after ${view.bootTimeoutSec} s`;
}

function bootLine(kind: OperationKind, view: GameView): string {
  const title = gameTitle(view.name);
  if (view.state === "starting") return `⏳ ${kind === "reboot" ? "Rebooting" : "Starting"} ${title}: ${describeStage(view.stage)}`;
  if (view.state === "ready") return `🔄 Rebooting ${title}: waiting for the container to go down`;
  if (view.state === "stopping") return `⏳ ${title} is still shutting down; it starts again right after`;
  if (view.state === "unknown") return `⏳ Starting ${title}: Proxmox cannot see it right now${view.reason ? ` (${escapeMarkdown(view.reason)})` : ""}; still trying`;
  return `⏳ Starting ${title}: waiting for the start to begin`;
}

/** The message shown while an operation runs: what is happening, for how long, and how long it usually takes. */
export function renderProgress({ kind, view, elapsedMs, userId }: Progress): MessagePayload {
  const elapsed = `Elapsed ${formatElapsed(elapsedMs)}`;
  if (kind === "shutdown" && view.state === "ready" && view.scheduledShutdown) {
    const playing = view.playerCount === 0 ? "nobody is playing now" : view.playerCount === 1 ? "1 player sees the countdown" : `${view.playerCount} players see the countdown`;
    const when = time(new Date(view.scheduledShutdown.at), TimestampStyles.RelativeTime);
    return message(`⏳ ${gameTitle(view.name)} shuts down ${when}; ${playing}. An admin can call it off on the portal's admin page.`);
  }
  if (!bootKinds.has(kind)) {
    const verb = kind === "stop" ? "Force-stopping" : "Shutting down";
    const limit = kind === "shutdown" ? ` · forced after ${view.shutdownTimeoutSec} s if it does not go down` : "";
    return message(`⏳ ${verb} ${gameTitle(view.name)}\n${elapsed}${limit}`);
  }
  const joined = view.by && view.by.kind === "user" && view.by.id !== userId ? `\n${escapeMarkdown(view.by.name)} started it; the link comes here too.` : "";
  return message(`${bootLine(kind, view)}\n${elapsed} · ${etaLine(view, elapsedMs)}${joined}`);
}

/** The link button to the game's page on the portal. */
export function playButton(view: Pick<GameView, "id" | "name">, links: Links): MessagePayload["components"] {
  return linkButtonRows([{ label: `Play ${view.name}`, url: links.play(view.id) }]);
}

/** A game that is ready: the link at once. */
export function renderReady(view: GameView, links: Links, tookMs: number | null): MessagePayload {
  const took = tookMs === null ? " and running" : ` (took ${formatDuration(tookMs, "nearest")})`;
  return message(`✅ ${gameTitle(view.name)} is ready${took}.`, { components: playButton(view, links) });
}

const retryHint = (kind: OperationKind, id: string) =>
  `What to try: run \`/${kind === "reboot" ? "reboot" : "play"} game:${id}\` again in a minute. If it fails again, ask an arcade admin: they can \`/reboot\` it or look at the container on Proxmox.`;

/** The final message once the operation has settled: success, failure with its reason, or interrupted. */
export function renderOutcome(kind: OperationKind, view: GameView, links: Links, tookMs: number): MessagePayload {
  const title = gameTitle(view.name);
  const reason = view.reason ? `: ${escapeMarkdown(view.reason)}` : "";
  if (bootKinds.has(kind)) {
    if (view.state === "ready") return renderReady(view, links, tookMs);
    if (view.state === "failed") return message(`❌ ${title} could not ${kind === "reboot" ? "reboot" : "start"}${reason}.\n${retryHint(kind, view.id)}`);
    const by = view.by ? ` by ${escapeMarkdown(view.by.name)}` : "";
    return message(`⏹️ ${title} was stopped${by} before it became ready. Run \`/play game:${view.id}\` to start it again.`);
  }
  if (view.state === "failed") {
    const next = kind === "shutdown" ? ` Try \`/stop game:${view.id}\` to force it.` : " Ask whoever runs the Proxmox host to look at the container.";
    return message(`❌ ${title} could not be ${kind === "stop" ? "stopped" : "shut down"}${reason}.${next}`);
  }
  return message(`⏹️ ${title} is ${kind === "stop" ? "stopped" : "shut down"} (took ${formatDuration(tookMs, "nearest")}).`);
}

/** A planned shutdown was called off before its time. */
export function renderCalledOff(view: GameView): MessagePayload {
  return message(`↩️ The planned shutdown of ${gameTitle(view.name)} was called off; it keeps running.`);
}

/** When Discord's 15-minute interaction window is about to close before the operation settled. */
export function renderStillRunning(view: GameView, links: Links, elapsedMs: number): MessagePayload {
  return message(
    `⌛ ${gameTitle(view.name)} is still ${view.state} after ${formatElapsed(elapsedMs)}. Discord lets me update this message for 15 minutes only; follow it on the portal.`,
    { components: linkButtonRows([{ label: `Open ${view.name}`, url: links.play(view.id) }]) },
  );
}
