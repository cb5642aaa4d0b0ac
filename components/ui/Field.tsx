import { useId, type ComponentProps, type ReactNode } from "react";

type Labelled = { label: string; hint?: string; error?: string; id?: string; className?: string };
type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A label, an optional hint and error, and the control they describe, wired for screen readers. */
export function FieldFrame({
  label,
  hint,
  error,
  id,
  className = "",
  control,
}: Labelled & { control: (props: ControlProps) => ReactNode }) {
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
      {control({
        id: inputId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input with its hint and error. */
export function Field({ label, hint, error, id, className, ...input }: ComponentProps<"input"> & Labelled) {
  return (
    <FieldFrame
      {...{ label, hint, error, id, className }}
      control={(wired) => (
        <input
          {...wired}
          className="min-h-11 rounded-lg border border-line bg-surface px-3 py-2 text-base aria-invalid:border-danger"
          {...input}
        />
      )}
    />
  );
}

/** A labelled textarea with its hint and error; `mono` for text written in Markdown. */
export function TextArea({
  label,
  hint,
  error,
  id,
  className,
  mono = false,
  ...textarea
}: ComponentProps<"textarea"> & Labelled & { mono?: boolean }) {
  return (
    <FieldFrame
      {...{ label, hint, error, id, className }}
      control={(wired) => (
        <textarea
          {...wired}
          className={`rounded-lg border border-line bg-surface px-3 py-2 text-base aria-invalid:border-danger ${mono ? "font-mono" : ""}`}
          {...textarea}
        />
      )}
    />
  );
}
