/**
 * The Range header of a GET for a stored file (RFC 9110 § 14): phones (iOS Safari above all)
 * only play audio from a server that answers `bytes=0-1` with 206.
 *
 * - no header, another unit, or a header that does not parse: the whole file (200), as the RFC
 *   lets a server ignore a Range it does not understand;
 * - several ranges: only the first is served (a 206 for it, no multipart), which the RFC allows
 *   ("a server MAY ignore or reject ... or coalesce") and every player is content with;
 * - a well-formed range that lies wholly beyond the file (or "bytes=-0"): 416 with
 *   `Content-Range: bytes *\/size`.
 */
export type RangeAnswer = { kind: "whole" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

const SPEC = /^(\d*)-(\d*)$/;

export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  if (!header) return { kind: "whole" };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return { kind: "whole" };
  const specs = match[1]!
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (specs.length === 0) return { kind: "whole" };
  const parsed = specs.map((s) => SPEC.exec(s));
  if (parsed.some((m) => !m || (m[1] === "" && m[2] === ""))) return { kind: "whole" };
  // Every spec must be well formed before any is used: "bytes=5-1" makes the header invalid.
  for (const m of parsed) if (m![1] !== "" && m![2] !== "" && Number(m![1]) > Number(m![2])) return { kind: "whole" };
  for (const m of parsed) {
    const range = resolve(m![1]!, m![2]!, size);
    if (range) return { kind: "partial", ...range };
  }
  return { kind: "unsatisfiable" };
}

/** One spec against the file's size; null when it is not satisfiable. */
function resolve(first: string, last: string, size: number): { start: number; end: number } | null {
  if (first === "") {
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix) || suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || start >= size) return null;
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { start, end };
}
