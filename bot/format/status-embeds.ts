import { escapeMarkdown, time, TimestampStyles, type APIEmbed } from "discord.js";
import type { GameView } from "@/lib/api/schemas";
import { describeState, stateColor, stateEmoji } from "./game-state";
import { message, type Links, type MessagePayload } from "./payload";

const MAX_EMBEDS = 10;

export function formatUptime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

export function formatBytes(bytes: number): string {
  const mib = bytes / 1024 ** 2;
  return mib >= 1024 ? `${(mib / 1024).toFixed(1)} GiB` : `${Math.round(mib)} MiB`;
}

/** Proxmox reports CPU as a fraction of the cores the CT may use. */
export function formatCpu(cpu: number, cpus: number): string {
  const percent = cpu * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}% of ${cpus} ${cpus === 1 ? "core" : "cores"}`;
}

function sinceLine(view: GameView, since: number): string {
  return Number.isFinite(since) ? `${describeState(view)} since ${time(new Date(since), TimestampStyles.RelativeTime)}` : describeState(view);
}

/** "Goes to sleep in 12 minutes if nobody plays": the idle auto-stop deadline, rendered live by Discord. */
export function sleepLine(view: Pick<GameView, "idleStopAt">): string {
  const at = view.idleStopAt === null ? NaN : Date.parse(view.idleStopAt);
  return Number.isFinite(at) ? `Goes to sleep ${time(new Date(at), TimestampStyles.RelativeTime)} if nobody plays` : "";
}

export function describePlayers(players: GameView["players"], total = players.length): string {
  if (total === 0) return "nobody";
  const names = players.slice(0, 10).map((p) => escapeMarkdown(p.name));
  return `${names.join(", ")}${total > names.length ? ` and ${total - names.length} more` : ""}`.slice(0, 1024);
}

/** One embed for one game: state, node, uptime, CPU, memory and who is playing, coloured by state. */
export function renderStatusEmbed(view: GameView, links: Links): APIEmbed {
  const running = view.ct?.status === "running";
  const since = Date.parse(view.since);
  return {
    title: `${stateEmoji[view.state]} ${view.name}`.slice(0, 256),
    url: links.play(view.id),
    color: stateColor[view.state],
    description: [sinceLine(view, since), sleepLine(view)].filter(Boolean).join("\n").slice(0, 4096),
    fields: [
      { name: "State", value: describeState(view).slice(0, 1024), inline: true },
      { name: "Node", value: view.node ?? "not known", inline: true },
      { name: "Uptime", value: running && view.ct ? formatUptime(view.ct.uptimeSec) : "not running", inline: true },
      { name: "CPU", value: running && view.ct ? formatCpu(view.ct.cpu, view.ct.cpus) : "-", inline: true },
      { name: "Memory", value: running && view.ct ? `${formatBytes(view.ct.memBytes)} of ${formatBytes(view.ct.maxMemBytes)}` : "-", inline: true },
      { name: "Playing", value: describePlayers(view.players, view.playerCount), inline: true },
    ],
    footer: { text: `CT ${view.vmid} · ${view.id}` },
  };
}

/** The /status answer: one embed per game (Discord allows ten per message). */
export function renderStatus(views: GameView[], links: Links): MessagePayload {
  if (views.length === 0) return message("The arcade has no games yet.");
  const shown = views.slice(0, MAX_EMBEDS);
  const more = views.length - shown.length;
  const content = more > 0 ? `Showing ${shown.length} of ${views.length} games; use \`/status game:\` for the others.` : "";
  return message(content, { embeds: shown.map((view) => renderStatusEmbed(view, links)) });
}
