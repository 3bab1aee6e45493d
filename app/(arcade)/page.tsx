import type { Metadata } from "next";
import { connection } from "next/server";
import { GameGrid } from "@/components/games/game-grid";
import { ProxmoxNotice } from "@/components/games/proxmox-notice";
import { visibleGameView } from "@/lib/api/game-visibility";
import { requireUser, viewerOf } from "@/lib/auth/get-session";
import { getControlPlane } from "@/lib/control-plane";
import { linkPreview } from "../link-preview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: "Games", ...(await linkPreview("/")) };
}

/** The catalogue: one card per game with its live state, rendered on the server and kept live by the stream. */
export default async function HomePage() {
  await connection();
  const user = await requireUser("/");
  const cp = getControlPlane();
  const viewer = viewerOf(user, cp.authz);
  const games = cp.hub.views().map((view) => visibleGameView(view, viewer));
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-8 sm:pt-10">
      <div className="mb-6 sm:mb-8">
        <h1 className="text-2xl font-black tracking-tight sm:text-3xl">Hi {user.name}, what are we playing?</h1>
        <p className="mt-1 text-sm text-zinc-400">
          Games sleep until someone presses Play. Everyone plays their own game; the first one in wakes the server.
        </p>
      </div>
      <ProxmoxNotice initial={games.map((g) => ({ id: g.id, state: g.state, reason: g.reason }))} />
      <GameGrid games={games} isAdmin={user.isAdmin} />
    </main>
  );
}
