import { env } from "@/lib/env";
import { AppError } from "./errors";
import { readLimitedText } from "./limited-body";

/** `application/json`, optionally with a UTF-8 charset, and nothing else (`text/plain; charset=application/json` is not JSON). */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The origin this site answers on: AUTH_URL in production (required there), else what the request addressed. */
function ownOrigin(request: Request): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "";
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

/**
 * Refuses a write that a page on another site made the browser send (with the visitor's cookies):
 * a browser names the request's site in Sec-Fetch-Site and its page's origin in Origin, so either
 * pointing elsewhere is a 403. A request with neither header comes from no browser page (an API
 * client, curl) and carries no one else's cookies, so it passes.
 */
export function refuseCrossOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") throw crossOrigin();
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== ownOrigin(request)) throw crossOrigin();
}

/**
 * The one way a route handler reads JSON: from this site (see refuseCrossOrigin), declared as
 * exactly JSON, at most `maxBytes` read while it streams in; anything else is a 4xx, never a 500.
 */
export async function readJson(request: Request, maxBytes = 16_384): Promise<unknown> {
  refuseCrossOrigin(request);
  if (!JSON_TYPE.test(request.headers.get("content-type")?.trim() ?? ""))
    throw new AppError("invalid", "Expected a JSON body (Content-Type: application/json).", { issues: [] });
  const text = await readLimitedText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The body is not valid JSON.", { issues: [] });
  }
}

function crossOrigin(): AppError {
  return new AppError("forbidden", "Requests from other sites are refused.");
}
