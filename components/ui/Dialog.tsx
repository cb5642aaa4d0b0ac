"use client";

import { useId, useRef, type ReactNode } from "react";
import { buttonClass } from "./Button";

/**
 * A confirmation dialog on the native <dialog> element: focus is trapped and Escape closes it.
 * The trigger opens it; the children hold the confirming action (usually a form).
 */
export function Dialog({ trigger, title, children, triggerVariant = "secondary" }: { trigger: string; title: string; children: ReactNode; triggerVariant?: "secondary" | "danger" | "primary" }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button type="button" className={buttonClass(triggerVariant)} onClick={() => ref.current?.showModal()}>
        {trigger}
      </button>
      <dialog ref={ref} aria-labelledby={titleId} className="m-auto max-w-md rounded-2xl border border-line bg-surface p-6 backdrop:bg-ink/40">
        <h2 id={titleId} className="mb-4 text-xl">
          {title}
        </h2>
        {children}
        <form method="dialog" className="mt-4">
          <button className={buttonClass("quiet")}>Abbrechen</button>
        </form>
      </dialog>
    </>
  );
}
