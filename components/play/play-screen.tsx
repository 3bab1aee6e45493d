"use client";

import { useEffect, useState } from "react";
import { preconnect } from "react-dom";
import type { GameView } from "@/lib/api/schemas";
import { gameStore } from "@/components/live/game-store";
import { useLiveGame } from "@/components/live/use-live";
import { ScoresPanel } from "@/components/scores/scores-panel";
import { ScoreToast } from "@/components/scores/score-toast";
import type { FramePlayer } from "@/components/scores/use-game-messages";
import { BootProgress } from "./boot-progress";
import { GameFrame } from "./game-frame";
import { PlayProblem } from "./play-problem";
import { initialPhase, playMode, type PlayPhase } from "./play-mode";
import { forgetPlay, type PlayResult, playSentAt, recentPlay, requestPlay } from "./play-request";
import { stoppedWords } from "./play-words";
import { useReadyAlert } from "./ready-alert";

// The game fills the screen under the header (h-14 plus its 1 px border in site-header.tsx), so the page around
// it has nothing to scroll at desktop sizes; taller content (Controls opened in a short window) still scrolls.
// On a phone the game covers the whole screen instead (game-frame.tsx).
const FIT_VIEWPORT = "min-h-[calc(100dvh-3.5rem-1px)] pb-3 pt-1";

const phaseOf = (result: PlayResult): PlayPhase => (result.ok ? { kind: "asked" } : { kind: "refused", message: result.message });

/** Asks for the game once, follows its boot over the stream, and swaps the stages for the game when it is ready. */
export function PlayScreen({ initial, player }: { initial: GameView; player: FramePlayer }) {
  const { view } = useLiveGame(initial);
  const id = initial.id;
  const [phase, setPhase] = useState<PlayPhase>(() => initialPhase(initial.state));
  const [seenActive, setSeenActive] = useState(false);
  const [frameShown, setFrameShown] = useState(initial.state === "ready");
  const [notifyArmed, setNotifyArmed] = useState(false);
  useReadyAlert(view, notifyArmed);
  // Opens the connection to the game's host (DNS, TCP, TLS through the gateway) while the CT boots, so the frame's
  // first request does not pay for it; in the server's HTML this is a <link rel="preconnect"> in the head.
  preconnect(new URL(initial.url).origin);

  // Remembered from earlier renders: once active or shown, later states are judged against that.
  const active = view.state === "starting" || view.state === "ready";
  if (active && !seenActive) setSeenActive(true);
  if (view.state === "ready" && !frameShown) setFrameShown(true);

  useEffect(() => {
    const state = gameStore.get(id)?.view.state ?? initial.state;
    const pending = recentPlay(id) ?? (state === "ready" || state === "starting" ? null : requestPlay(id, gameStore));
    if (!pending) return;
    let mounted = true;
    void pending.then((result) => mounted && setPhase(phaseOf(result)));
    return () => {
      mounted = false;
    };
    // Once per visit: later changes come from the stream, and Retry asks again explicitly.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initial.state only matters on arrival
  }, [id]);

  const retry = () => {
    forgetPlay(id);
    setPhase({ kind: "asking" });
    setSeenActive(false);
    void requestPlay(id, gameStore).then((result) => setPhase(phaseOf(result)));
  };

  const mode = playMode({ state: view.state, phase, seenActive, frameShown });
  const stopped = mode === "stopped" ? stoppedWords(view) : null;

  return (
    <main
      id="main"
      data-game-shown={mode === "frame" ? "" : undefined}
      className={`mx-auto flex w-full max-w-6xl flex-col px-2 sm:px-4 ${mode === "frame" ? FIT_VIEWPORT : "pb-6 pt-3"}`}
    >
      {mode === "frame" && <GameFrame view={view} player={player} side={{ label: "scores and players", content: <ScoresPanel view={view} /> }} />}
      <ScoreToast gameId={view.id} gameName={view.name} />
      {(mode === "progress" || mode === "waiting-for-stop") && (
        <BootProgress
          view={view}
          askedAt={playSentAt(id)}
          waitingForStop={mode === "waiting-for-stop"}
          notify={{ armed: notifyArmed, onArm: () => setNotifyArmed(true) }}
        />
      )}
      {mode === "failed" && <PlayProblem title={`${view.name} did not start`} reason={view.reason ?? "The start failed."} onRetry={retry} />}
      {mode === "refused" && phase.kind === "refused" && (
        <PlayProblem title={`${view.name} could not be started`} reason={phase.message} onRetry={retry} />
      )}
      {mode === "unreachable" && (
        <PlayProblem title="The game server cannot be seen" reason={view.reason ?? "Proxmox cannot be reached right now."} onRetry={retry} />
      )}
      {stopped && <PlayProblem tone="info" title={stopped.title} reason={stopped.reason} onRetry={retry} retryLabel={stopped.retryLabel} />}
    </main>
  );
}
