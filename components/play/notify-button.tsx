"use client";

import { useState, useSyncExternalStore } from "react";
import { buttonStyles } from "@/components/ui/styles";

type Permission = NotificationPermission | "unsupported";

const noSubscription = () => () => undefined;
const readPermission = (): Permission => ("Notification" in window ? Notification.permission : "unsupported");

/**
 * "Tell me when it's ready": the browser asks for permission only when this is clicked, never on its own. Once
 * allowed, the Play screen shows a notification when the game is up while the player is in another tab.
 */
export function NotifyButton({ armed, onArm }: { armed: boolean; onArm: () => void }) {
  const initial = useSyncExternalStore(noSubscription, readPermission, () => "unsupported" as const);
  const [answer, setAnswer] = useState<Permission | null>(null);
  const permission = answer ?? initial;

  if (permission === "unsupported") return null;
  if (armed) {
    return (
      <p role="status" className="text-sm text-emerald-200">
        <span aria-hidden="true">🔔 </span>You will get a notification when it is ready.
      </p>
    );
  }
  if (permission === "denied") {
    return <p className="text-xs text-zinc-400">Notifications are blocked for this site; the tab&apos;s title still says when it is ready.</p>;
  }
  const ask = async () => {
    // Asked on this click only (a granted permission answers at once, without a prompt).
    const result = await Notification.requestPermission();
    setAnswer(result);
    if (result === "granted") onArm();
  };
  return (
    <button type="button" onClick={() => void ask()} className={`${buttonStyles.secondary} px-3 py-1.5`}>
      <span aria-hidden="true">🔔</span> Tell me when it&apos;s ready
    </button>
  );
}
