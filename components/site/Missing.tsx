/** Marks a fact the coach still has to fill in, plainly, where it belongs. */
export function Missing({ label }: { label: string }) {
  return <mark className="rounded bg-warn-soft px-1 font-medium text-warn">[{label} bitte ergänzen]</mark>;
}

export function OrMissing({ value, label }: { value: string; label: string }) {
  return value.trim() ? <>{value}</> : <Missing label={label} />;
}
