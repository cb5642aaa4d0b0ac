/**
 * A 0–10 scale as eleven large radio buttons (six a row on a phone), with its two anchors and
 * its error: the journal's pain and stress, the check-in's items. Controlled when `value` and
 * `onChange` are given, else the form reads it.
 */
export function Scale({
  name,
  label,
  low,
  high,
  error,
  value,
  onChange,
}: {
  name: string;
  label: string;
  /** The anchors as shown, e.g. "0 = kein Schmerz". */
  low: string;
  high: string;
  error?: string;
  value?: number | null;
  onChange?: (value: number) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-1 font-medium">{label}</legend>
      <div className="grid grid-cols-6 gap-1.5 sm:grid-cols-11">
        {Array.from({ length: 11 }, (_, n) => (
          <label key={n} className="relative">
            <input
              type="radio"
              name={name}
              value={n}
              {...(onChange ? { checked: value === n, onChange: () => onChange(n) } : {})}
              className="peer sr-only"
            />
            <span className="flex min-h-12 cursor-pointer items-center justify-center rounded-lg border border-line bg-surface text-lg font-semibold peer-checked:border-accent peer-checked:bg-accent peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-accent">
              {n}
            </span>
          </label>
        ))}
      </div>
      <p className="flex justify-between gap-4 text-sm text-muted">
        <span>{low}</span>
        <span className="text-right">{high}</span>
      </p>
      {error && (
        <p id={`${name}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
