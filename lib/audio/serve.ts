import { parseRange } from "./range";

/**
 * The answer to a GET of a stored recording: 200 with the whole file, 206 with the one range
 * asked for, 416 for a range beyond it, 304 when the ETag still matches. `read` fetches the bytes
 * from `start` to `end` (inclusive) only once the answer needs them. Private: it is the coach's
 * voice behind a sign-in, so no shared cache keeps it.
 */
export async function audioResponse(
  request: Request,
  file: { contentType: string; sha256: string; byteSize: number },
  read: (start: number, end: number) => Promise<Uint8Array>,
): Promise<Response> {
  const size = file.byteSize;
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    "content-type": file.contentType,
    "accept-ranges": "bytes",
    etag,
    "cache-control": "private, max-age=3600",
    "x-content-type-options": "nosniff",
  };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  // If-Range with another validator: the file changed since, so the whole of it.
  const ifRange = request.headers.get("if-range");
  const range = ifRange && ifRange.trim() !== etag ? { kind: "whole" as const } : parseRange(request.headers.get("range"), size);
  if (range.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  }
  if (range.kind === "partial") {
    const body = await read(range.start, range.end);
    return new Response(body as Uint8Array<ArrayBuffer>, {
      status: 206,
      headers: { ...headers, "content-range": `bytes ${range.start}-${range.end}/${size}`, "content-length": String(body.byteLength) },
    });
  }
  const body = await read(0, size - 1);
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, "content-length": String(body.byteLength) } });
}
