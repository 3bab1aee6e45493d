import type { ArcadeEventView } from "@/lib/api/schemas";
import { formatDuration } from "@/lib/format/durations";
import { parseUpid } from "@/lib/proxmox/upid";
import { TaskRef } from "./task-ref";

const sources: Record<ArcadeEventView["source"], string> = { web: "Web", discord: "Discord", api: "API", auto: "Automatic" };
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });
// pve-container's task types (fork_worker names) for the power actions, in the words of the admin's buttons.
const taskWords: Record<string, string> = {
  vzstart: "start",
  vzstop: "force stop",
  vzshutdown: "shutdown",
  vzreboot: "reboot",
  vzsuspend: "suspend",
  vzresume: "resume",
  hastart: "HA start",
  hastop: "HA stop",
};

function Task({ upid }: { upid: string }) {
  const type = parseUpid(upid)?.type ?? null;
  return <TaskRef upid={upid} type={type} words={type ? (taskWords[type] ?? type) : "unknown type"} />;
}

function Result({ result }: { result: ArcadeEventView["result"] }) {
  if (result === null) return null;
  const ok = result === "ok";
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${ok ? "bg-emerald-400/10 text-emerald-200 ring-emerald-400/40" : "bg-rose-500/10 text-rose-200 ring-rose-500/40"}`}>
      {ok ? "✓ OK" : "✕ Error"}
    </span>
  );
}

/** The audit log, newest first: when, what, who, from where, the result, the Proxmox task and how long it took. */
export function AuditTimeline({ events }: { events: ArcadeEventView[] }) {
  if (events.length === 0) return <p className="py-6 text-sm text-zinc-400">No events match these filters.</p>;
  return (
    <ol aria-label="Audit timeline" className="divide-y divide-white/10">
      {events.map((event) => (
        <li key={event.id} data-event-type={event.type} className="grid gap-x-4 gap-y-1 py-3 sm:grid-cols-[11rem_1fr_auto]">
          <time dateTime={event.at} className="text-xs tabular-nums text-zinc-400 sm:pt-0.5">
            {timeFormat.format(new Date(event.at))}
          </time>
          <div className="min-w-0">
            <p className="text-sm">{event.message}</p>
            <p className="mt-0.5 flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-400">
              <span>
                By <span className="font-medium text-zinc-200">{event.actor.name}</span>
              </span>
              <span>
                From <span className="text-zinc-200">{sources[event.source]}</span>
              </span>
              {event.durationMs !== null && <span>Took {formatDuration(event.durationMs, "nearest")}</span>}
              {event.upid && <Task upid={event.upid} />}
            </p>
            {event.result === "error" && event.reason && <p className="mt-1 text-xs text-rose-200">{event.reason}</p>}
          </div>
          <div className="sm:text-right">
            <Result result={event.result} />
          </div>
        </li>
      ))}
    </ol>
  );
}
