import { useId, type ComponentProps } from "react";

type TextAreaProps = ComponentProps<"textarea"> & { label: string; hint?: string; error?: string };

/** A labelled textarea with its hint and error wired to it, like Field. */
export function TextArea({ label, hint, error, id, className = "", ...textarea }: TextAreaProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <textarea
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="rounded-lg border border-line bg-surface px-3 py-2 text-base aria-invalid:border-danger"
        {...textarea}
      />
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
