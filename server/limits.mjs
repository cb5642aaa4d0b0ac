/**
 * The largest request body anything in the app takes: a server action's form (an article of
 * 200,000 characters stays well below it). next.config.ts gives it to Next for server actions
 * and the proxy's copy of a body; server/start.mjs cuts off any body beyond it while it streams.
 * Route handlers read theirs with lower limits (lib/http/limited-body.ts).
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;
