"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { buttonStyles } from "@/components/ui/styles";

type Props = {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Choices that belong to the question (e.g. when to shut down), between the text and the buttons. */
  children?: ReactNode;
};

/**
 * A modal question before a destructive action. The native <dialog> traps focus, closes on Escape and gives
 * focus back to the button that opened it; Cancel takes the focus first so Enter never confirms by accident.
 */
export function ConfirmDialog({ open, title, body, confirmLabel, danger, onConfirm, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onCancel}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      className="m-auto w-[min(28rem,92vw)] rounded-2xl bg-zinc-900 p-6 text-zinc-100 ring-1 ring-white/15"
    >
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {title}
      </h2>
      <p id={`${id}-body`} className="mt-2 text-sm text-zinc-300">
        {body}
      </p>
      {children}
      <div className="mt-6 flex justify-end gap-3">
        <button type="button" autoFocus onClick={onCancel} className={buttonStyles.secondary}>
          Cancel
        </button>
        <button type="button" onClick={onConfirm} className={danger ? buttonStyles.danger : buttonStyles.primary}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
