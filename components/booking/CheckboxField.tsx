"use client";

import { useId, type ReactNode } from "react";

/** A checkbox with its label beside it, an optional hint and error below, wired for screen readers. */
export function CheckboxField({ name, label, hint, error }: { name: string; label: ReactNode; hint?: string; error?: string }) {
  const id = useId();
  const notes = [
    hint && { id: `${id}-hint`, text: hint, tone: "text-muted" },
    error && { id: `${id}-error`, text: error, tone: "text-danger" },
  ].filter((n): n is { id: string; text: string; tone: string } => Boolean(n));
  const wiring = { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": notes.map((n) => n.id).join(" ") || undefined };
  return (
    <div className="flex items-start gap-3">
      <input type="checkbox" className="mt-1.5 size-5 accent-accent" {...wiring} />
      <div>
        <label htmlFor={id}>{label}</label>
        {notes.map((n) => (
          <p key={n.id} id={n.id} className={`text-sm ${n.tone}`}>
            {n.text}
          </p>
        ))}
      </div>
    </div>
  );
}
