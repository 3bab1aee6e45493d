"use client";

import { useState } from "react";
import { focusRing } from "@/components/ui/styles";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Proxmox task as an admin reads it: its type in words, the full UPID on hover, and a button that copies the
 * UPID for pasting into Proxmox's task log search.
 */
export function TaskRef({ upid, type, words }: { upid: string; type: string | null; words: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      <span title={upid}>
        Proxmox task <span className="text-zinc-100">{words}</span>
        {type && words !== type && <code className="ml-1 font-mono text-[11px] text-zinc-300">{type}</code>}
      </span>
      <button
        type="button"
        title={upid}
        onClick={async () => setCopied((await copyText(upid)) ? "yes" : "no")}
        className={`rounded px-1.5 py-0.5 text-[11px] font-semibold text-cyan-200 underline-offset-2 hover:underline ${focusRing}`}
      >
        Copy UPID
      </button>
      <span role="status" className="text-[11px] text-zinc-300">
        {copied === "yes" ? "Copied." : copied === "no" ? `Copy failed; the UPID is ${upid}` : ""}
      </span>
    </span>
  );
}
