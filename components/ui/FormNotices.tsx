"use client";

import { useEffect, useRef } from "react";
import { Notice, ProblemNotice } from "@/components/ui/Notice";

/**
 * What a form's last submit did: an error to fix (alert) or what was saved (status). A new answer
 * is brought into view and focused, so that on a phone the person sees it without scrolling up
 * from the button they pressed, and a screen reader reads it.
 */
export function FormNotices({ state }: { state: { message?: string; ok?: string } }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = state.message || state.ok;
  useEffect(() => {
    if (!shown || !box.current) return;
    box.current.scrollIntoView({ block: "center" });
    box.current.focus({ preventScroll: true });
  }, [state, shown]);
  if (!shown) return null;
  return (
    <div ref={box} tabIndex={-1} className="flex flex-col gap-2 outline-none">
      <ProblemNotice message={state.message} />
      {state.ok && (
        <Notice tone="success" role="status">
          {state.ok}
        </Notice>
      )}
    </div>
  );
}
