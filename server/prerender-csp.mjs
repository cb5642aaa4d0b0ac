// The rule of the trust issue for inline scripts, in one place for every answer: 'unsafe-inline'
// scripts only on answers that come from Next's prerender cache: a GET or HEAD without a Server
// Action whose answer carries `x-nextjs-cache` (HIT, STALE, or MISS for the render that fills it;
// Next also sets it on an action's answer on such a path, which is rendered for the request). The
// public pages' paths get a policy allowing them from next.config.ts, because the proxy does not run
// there (lib/http/csp.ts); any other answer on those paths loses the allowance here.

const INLINE = "script-src 'self' 'unsafe-inline'";
const OWN_FILES = "script-src 'self'";

/** The policy an answer may carry: `csp` as it is, or without inline scripts when not from the cache. */
export function policyFor(csp, fromPrerenderCache) {
  if (typeof csp !== "string" || fromPrerenderCache) return csp;
  return csp.replace(INLINE, OWN_FILES);
}

/** Whether a request can be answered from the prerender cache at all: a read, not a Server Action. */
export function mayComeFromCache(req) {
  return (req.method === "GET" || req.method === "HEAD") && req.headers["next-action"] === undefined;
}

/** Applies policyFor to the answer to `req` just before its head is written. */
export function inlineScriptsOnlyFromCache(req, res) {
  const writeHead = res.writeHead;
  const cacheable = mayComeFromCache(req);
  res.writeHead = function (...args) {
    const headers = args.find((a) => a && typeof a === "object" && !Array.isArray(a));
    const fromCache = cacheable && Boolean(res.getHeader("x-nextjs-cache") ?? headers?.["x-nextjs-cache"]);
    const csp = res.getHeader("content-security-policy");
    if (typeof csp === "string") res.setHeader("content-security-policy", policyFor(csp, fromCache));
    if (headers && typeof headers["content-security-policy"] === "string")
      headers["content-security-policy"] = policyFor(headers["content-security-policy"], fromCache);
    return writeHead.apply(this, args);
  };
}
