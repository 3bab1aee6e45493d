import { notFound } from "next/navigation";
import { getControlPlane } from "@/lib/control-plane";

type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Refuses an unknown game here, outside loading.tsx's Suspense boundary: inside it the response has already
 * started streaming with status 200, and notFound() could only swap the content, never the status.
 */
export default async function PlayLayout({ children, params }: Props) {
  const { id } = await params;
  if (!getControlPlane().catalogue.games.some((game) => game.id === id)) notFound();
  return children;
}
