import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PlayScreen } from "@/components/play/play-screen";
import { visibleGameView } from "@/lib/api/game-visibility";
import { requireUser, viewerOf } from "@/lib/auth/get-session";
import { getControlPlane } from "@/lib/control-plane";

type Props = { params: Promise<{ id: string }> };

/**
 * This page only: the game reaches under a phone's notch and rounded corners (viewport-fit=cover, the page keeps
 * its controls inside env(safe-area-inset-*)). A pinch over the game never zooms the page because the game's
 * layer takes every touch itself (`touch-action: none` in game-frame.tsx); the page keeps pinch-zoom elsewhere
 * (no user-scalable=no: people who need zoom keep it, and iOS ignores that setting anyway).
 */
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: "#000000",
};

function findGame(id: string) {
  return getControlPlane().catalogue.games.find((game) => game.id === id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const game = findGame((await params).id);
  return { title: game ? `Play ${game.name}` : "Unknown game" };
}

/** Boot progress, then the game in a frame. Opening this page asks for the game (Play is idempotent). */
export default async function PlayPage({ params }: Props) {
  const { id } = await params;
  await connection();
  const user = await requireUser(`/play/${id}`);
  if (!findGame(id)) notFound();
  const cp = getControlPlane();
  return <PlayScreen initial={visibleGameView(cp.hub.view(id), viewerOf(user, cp.authz))} player={{ name: user.name, avatarUrl: user.image ?? null }} />;
}
