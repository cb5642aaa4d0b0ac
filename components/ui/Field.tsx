"use client";

import { useId, useState, type ComponentProps, type ReactNode } from "react";

type Labelled = { label: string; hint?: string; error?: string; id?: string; className?: string };
type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  onInput: (event: { currentTarget: { value: string } }) => void;
};
/** What the frame needs of the control to count its characters against `maxLength`. */
type Counted = { maxLength?: number; value?: unknown; defaultValue?: unknown };

/** From this share of `maxLength` on, the field shows how many characters are left room for. */
const COUNT_FROM = 0.9;
// Made on first use: a page's first Intl object initialises the browser's locale data, 15-25 ms on
// a fast machine, which at module scope every page with a form paid while hydrating, for a counter
// that shows only near the limit.
let number: Intl.NumberFormat | undefined;
const count = (n: number) => (number ??= new Intl.NumberFormat("de-DE")).format(n);

/**
 * A label, an optional hint and error, and the control they describe, wired for screen readers.
 * With `maxLength`, a counter appears near the limit ("1.980 / 2.000 Zeichen", announced
 * politely), so that text is not cut off without a word when the limit is reached.
 */
function FieldFrame({
  label,
  hint,
  error,
  id,
  className = "",
  counted,
  control,
}: Labelled & { counted: Counted; control: (props: ControlProps) => ReactNode }) {
  const generated = useId();
  const inputId = id ?? generated;
  const [typed, setTyped] = useState(() => String(counted.defaultValue ?? "").length);
  const length = counted.value === undefined ? typed : String(counted.value).length;
  const max = counted.maxLength;
  const counting = max !== undefined && max > 0 && length >= Math.floor(max * COUNT_FROM);
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const countId = counting ? `${inputId}-count` : undefined;
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
        "aria-describedby": [hintId, errorId, countId].filter(Boolean).join(" ") || undefined,
        onInput: (event) => setTyped(event.currentTarget.value.length),
      })}
      {max !== undefined && (
        <p
          id={`${inputId}-count`}
          aria-live="polite"
          className={`text-right text-sm empty:sr-only ${length >= max ? "text-danger" : "text-muted"}`}
        >
          {counting && `${count(length)} / ${count(max)} Zeichen${length >= max ? ", mehr passt nicht hinein" : ""}`}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

const controlClass = "min-h-11 rounded-lg border border-line bg-surface px-3 py-2 text-base aria-invalid:border-danger";

/** A labelled input with its hint and error. */
export function Field({ label, hint, error, id, className, ...input }: Omit<ComponentProps<"input">, "onInput"> & Labelled) {
  return (
    <FieldFrame
      {...{ label, hint, error, id, className }}
      counted={input}
      control={(wired) => <input {...wired} className={controlClass} {...input} />}
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
}: Omit<ComponentProps<"textarea">, "onInput"> & Labelled & { mono?: boolean }) {
  const control = `${controlClass} ${mono ? "font-mono" : ""}`;
  return (
    <FieldFrame
      {...{ label, hint, error, id, className }}
      counted={textarea}
      control={(wired) => <textarea {...wired} className={control} {...textarea} />}
    />
  );
}

/** A labelled select with its hint and error. */
export function Select({ label, hint, error, id, className, ...select }: Omit<ComponentProps<"select">, "onInput"> & Labelled) {
  return (
    <FieldFrame
      {...{ label, hint, error, id, className }}
      counted={{}}
      control={(wired) => <select {...wired} className={controlClass} {...select} />}
    />
  );
}
