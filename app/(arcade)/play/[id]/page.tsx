import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PlayScreen } from "@/components/play/play-screen";
import { visibleGameView } from "@/lib/api/game-visibility";
import { requireUser, viewerOf } from "@/lib/auth/get-session";
import { getControlPlane } from "@/lib/control-plane";
import { linkPreview } from "../../../link-preview";

type Props = { params: Promise<{ id: string }> };

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
  return <PlayScreen initial={visibleGameView(cp.hub.view(id), viewerOf(user, cp.authz))} />;
}
