import path from "node:path";
import type { NextConfig } from "next";
import { contentSecurityPolicy, PRERENDERED_PAGE_SOURCES } from "./lib/http/csp";
import { BODY_LIMIT_BYTES } from "./server/limits.mjs";

const isProduction = process.env.NODE_ENV === "production";

/**
 * Headers for every response. The Content-Security-Policy here is the static fallback for what the
 * proxy does not see (prefetches, API routes, files); where proxy.ts runs, its policy replaces it.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  // PGlite loads its wasm and data files from its own folder; bundling it breaks that (see STACK.md).
  // pdfkit reads its standard fonts' metrics (AFM files) from its own folder at run time, the same way.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "qrcode"],
  poweredByHeader: false,
  // Next's page cache with one staleness rule shared by every instance (see the file).
  cacheHandler: path.join(process.cwd(), "server/cache-handler.mjs"),
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: BODY_LIMIT_BYTES },
    // Where proxy.ts runs, Next copies the body for it first, up to 10 MB by default: no more than an action may take.
    proxyClientMaxBodySize: BODY_LIMIT_BYTES,
  },
  // Every source matches without a named parameter ("/(.*)", not "/:path*"): where a source names
  // one, Next runs each of the rule's header values through path-to-regexp on every request
  // (compileNonPath; the policy's "data:" and "blob:" count as parameters), which cost an article
  // page a third of its throughput. tests/unit/http.test.ts holds every source to it.
  async headers() {
    const csp = (scripts: "own-files" | "prerendered") => ({
      key: "Content-Security-Policy",
      value: contentSecurityPolicy(scripts, { dev: !isProduction }),
    });
    return [
      { source: "/(.*)", headers: [...securityHeaders, csp("own-files")] },
      // Later entries win: the prerendered pages' own inline bootstrap (see lib/http/csp.ts).
      ...PRERENDERED_PAGE_SOURCES.map((source) => ({ source, headers: [csp("prerendered")] })),
      // The service worker is checked for updates on every visit, never served from a cache.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache, no-store, must-revalidate" }] },
    ];
  },
};

export default nextConfig;
