/**
 * The largest request body anything in the app takes: a server action's form (an article of
 * 200,000 characters stays well below it). next.config.ts gives it to Next for server actions
 * and the proxy's copy of a body; server/start.mjs cuts off any body beyond it while it streams.
 * Route handlers read theirs with lower limits (lib/http/limited-body.ts).
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The one exception: an image upload (a phone photo is often 3-8 MB), POST /api/images only. */
export const IMAGE_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
export const IMAGE_UPLOAD_PATH = "/api/images";

/** The coach's recorded exercise (20 minutes of speech as 128 kbit/s MP3 is ~19 MB), POST /api/audio only. */
export const AUDIO_UPLOAD_LIMIT_BYTES = 30 * 1024 * 1024;
export const AUDIO_UPLOAD_PATH = "/api/audio";

/** The body limit of one request, by its method and target (a query string changes nothing). */
export function bodyLimitFor(method, url) {
  const path = (url ?? "").split("?")[0];
  if (method !== "POST") return BODY_LIMIT_BYTES;
  if (path === IMAGE_UPLOAD_PATH) return IMAGE_UPLOAD_LIMIT_BYTES;
  if (path === AUDIO_UPLOAD_PATH) return AUDIO_UPLOAD_LIMIT_BYTES;
  return BODY_LIMIT_BYTES;
}
