import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { connection } from "next/server";
import { PlayScreen } from "@/components/play/play-screen";
import { EarlyGameMessages } from "@/components/scores/early-messages";
import { visibleGameView } from "@/lib/api/game-visibility";
import { requireUser, viewerOf } from "@/lib/auth/get-session";
import { getControlPlane } from "@/lib/control-plane";
import { nonceOf } from "@/lib/security/site-policy";
import { linkPreview } from "../../../link-preview";

type Props = { params: Promise<{ id: string }> };

/**
 * This page only: the game reaches under a phone's notch and rounded corners (viewport-fit=cover, the page keeps
 * its controls inside env(safe-area-inset-*)), and a pinch over the game never zooms the page. Chrome's "force
 * enable zoom" setting still wins for those who need it; every other page zooms as usual. (A viewport changed
 * only while the game owns the screen would be kinder, but Chromium reads user-scalable once per page load.)
 */
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  maximumScale: 1,
  userScalable: false,
  viewportFit: "cover",
  themeColor: "#000000",
};

function findGame(id: string) {
  return getControlPlane().catalogue.games.find((game) => game.id === id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const game = findGame(id);
  // Anyone fetching the link (Discord's crawler has no session) gets the game's preview; see link-preview.ts.
  return game ? { title: `Play ${game.name}`, ...(await linkPreview(`/play/${id}`)) } : { title: "Unknown game" };
}

/** Boot progress, then the game in a frame. Opening this page asks for the game (Play is idempotent). */
export default async function PlayPage({ params }: Props) {
  const { id } = await params;
  await connection();
  const user = await requireUser(`/play/${id}`);
  if (!findGame(id)) notFound();
  const cp = getControlPlane();
  const nonce = nonceOf((await headers()).get("content-security-policy"));
  return (
    <>
      <EarlyGameMessages nonce={nonce} />
      <PlayScreen initial={visibleGameView(cp.hub.view(id), viewerOf(user, cp.authz))} player={{ name: user.name, avatarUrl: user.image ?? null }} />
    </>
  );
}
