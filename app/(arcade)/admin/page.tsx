import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { connection } from "next/server";
import { AdminGameRow } from "@/components/admin/admin-game-row";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditLiveNotice } from "@/components/admin/audit-live-notice";
import { AuditTimeline } from "@/components/admin/audit-timeline";
import { NodeSummary } from "@/components/admin/node-summary";
import { buttonStyles, panel } from "@/components/ui/styles";
import { visibleGameView } from "@/lib/api/game-visibility";
import { requireUser, viewerOf } from "@/lib/auth/get-session";
import { getControlPlane } from "@/lib/control-plane";
import { auditPage, listPeople, parseAuditFilters } from "./audit-query";

export const metadata: Metadata = { title: "Admin" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Admins only (checked here, on the server): every game's state and load, power actions, settings, the audit. */
export default async function AdminPage({ searchParams }: Props) {
  await connection();
  const user = await requireUser("/admin");
  if (!user.isAdmin) forbidden();
  const cp = getControlPlane();
  const filters = parseAuditFilters(await searchParams);
  const { events, nextBefore } = auditPage(cp, filters);
  // Older pages never announce new events; the newest page counts from its first entry.
  const newestId = filters.before ? Number.MAX_SAFE_INTEGER : (events[0]?.id ?? cp.events.lastId());
  const viewer = viewerOf(user, cp.authz);
  const games = cp.hub.views().map((view) => visibleGameView(view, viewer));
  const pageLink = (before: number | null) => {
    const query = new URLSearchParams({ ...(filters.game && { game: filters.game }), ...(filters.actor && { actor: filters.actor }), ...(before && { before: String(before) }) });
    return `/admin${query.size ? `?${query}` : ""}#audit`;
  };

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-8">
      <h1 className="text-2xl font-black tracking-tight sm:text-3xl">Admin</h1>
      <section aria-labelledby="admin-nodes" className="mt-6">
        <h2 id="admin-nodes" className="mb-3 text-lg font-bold">
          Proxmox nodes
        </h2>
        <NodeSummary />
      </section>
      <section aria-labelledby="admin-games" className="mt-10">
        <h2 id="admin-games" className="mb-3 text-lg font-bold">
          Containers
        </h2>
        {games.length === 0 && <p className="text-sm text-zinc-400">The catalogue has no games.</p>}
        <div className="grid gap-4 lg:grid-cols-2">
          {games.map((game) => {
            const { stored, defaults } = cp.hub.settings(game.id);
            return (
              <AdminGameRow
                key={game.id}
                initial={game}
                playable={cp.playable.summary(game.id)}
                settings={{ gameId: game.id, name: game.name, ...stored, defaults }}
              />
            );
          })}
        </div>
      </section>

      <section id="audit" aria-labelledby="audit-title" className={`${panel} mt-10 scroll-mt-20 p-4 sm:p-6`}>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="audit-title" className="text-lg font-bold">
            Audit timeline
          </h2>
          <AuditFilters games={games.map((g) => ({ value: g.id, label: g.name }))} people={listPeople(cp)} game={filters.game} actor={filters.actor} />
        </div>
        <div className="mt-3">
          <AuditLiveNotice
            key={newestId}
            newestId={newestId}
            game={filters.game}
            actor={filters.actor}
          />
        </div>
        <AuditTimeline events={events} />
        <nav aria-label="Audit pages" className="mt-4 flex flex-wrap gap-3">
          {filters.before !== undefined && (
            <Link href={pageLink(null)} className={buttonStyles.secondary}>
              Newest events
            </Link>
          )}
          {nextBefore !== null && (
            <Link href={pageLink(nextBefore)} className={buttonStyles.secondary}>
              Older events
            </Link>
          )}
        </nav>
      </section>
    </main>
  );
}
