import type { ReactNode } from "react";

type Tone = "info" | "warn" | "danger" | "success";

const tones: Record<Tone, string> = {
  info: "border-accent/30 bg-accent-soft",
  success: "border-accent/30 bg-accent-soft",
  warn: "border-warn/40 bg-warn-soft",
  danger: "border-danger/40 bg-danger-soft",
};

/** A calm box for things the reader should notice; `role` makes urgent ones announced. */
export function Notice({
  tone = "info",
  title,
  children,
  role,
}: {
  tone?: Tone;
  title?: string;
  children: ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div role={role} className={`rounded-xl border p-4 text-base ${tones[tone]}`}>
      {title && <p className="mb-1 font-semibold">{title}</p>}
      <div>{children}</div>
    </div>
  );
}

/** A problem to fix, announced at once; nothing when there is none. */
export function ProblemNotice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <Notice tone="danger" role="alert">
      {message}
    </Notice>
  );
}
