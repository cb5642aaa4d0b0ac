// The build's own scripts and styles, compressed once instead of on every request.
//
// Next's server compresses each /_next/static file anew for every request that accepts gzip (its
// compression middleware, gzip only): the 234 KB framework chunk cost the one thread 9.8 ms each
// time, and a first visit asks for a dozen such files at once, so the page's fonts and styles
// waited behind the scripts' compression. Here every compressible file of `.next/static` is
// compressed once, with brotli at its best and gzip at its best, on the thread pool after the start
// (until a file is ready, Next serves it as before), and answered from memory.
//
// Only files the build wrote are served (a table of their paths, so no request names a path on
// disk); anything else, a range request or a client that accepts neither encoding goes to Next.
// The headers are the ones next.config.ts gives the path (read from the build's routes manifest,
// where its `headers()` rules are compiled), then Next's own for these files: immutable for a year.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const PREFIX = "/_next/static/";
const TYPES = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=UTF-8",
};
const CACHE_CONTROL = "public, max-age=31536000, immutable";

/** The encodings a client accepts (q > 0), from its Accept-Encoding header. */
export function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) <= 0)) accepted.add(name);
  }
  return accepted;
}

/** The headers next.config.ts gives `pathname`, or null if a rule depends on more than the path. */
export function configuredHeaders(rules, pathname) {
  const headers = {};
  for (const rule of rules) {
    if (!new RegExp(rule.regex).test(pathname)) continue;
    if (rule.has || rule.missing) return null;
    for (const { key, value } of rule.headers) headers[key.toLowerCase()] = value;
  }
  return headers;
}

function filesUnder(dir, base = dir) {
  let out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(filesUnder(full, base));
    else if (entry.isFile() && TYPES[path.extname(entry.name)]) out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

/**
 * Starts compressing the build in `distDir` (".next") and returns `serve(req, res)`, which answers
 * a request for one of its compressed files and returns true, or returns false and leaves it alone.
 * `ready` settles when every file is compressed.
 */
export function precompressedStatic(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
  // A base path or custom asset prefix would move the files: then Next serves them all.
  if (manifest.basePath) return { serve: () => false, ready: Promise.resolve() };
  const rules = manifest.headers ?? [];
  const root = path.join(distDir, "static");
  /** @type {Map<string, { br: Buffer; gzip: Buffer; etag: string; headers: Record<string, string> }>} */
  const files = new Map();
  const ready = Promise.all(
    filesUnder(root)
      .map(async (relative) => {
        const pathname = PREFIX + relative;
        const configured = configuredHeaders(rules, pathname);
        if (!configured) return;
        const body = readFileSync(path.join(root, relative));
        const [br, gz] = await Promise.all([
          brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
          gzip(body, { level: 9 }),
        ]);
        const etag = createHash("sha256").update(body).digest("base64url").slice(0, 22);
        files.set(pathname, {
          br,
          gzip: gz,
          etag,
          headers: {
            ...configured,
            "cache-control": CACHE_CONTROL,
            "content-type": TYPES[path.extname(relative)],
            vary: "Accept-Encoding",
          },
        });
      })
      .map((compressing) =>
        // A file that cannot be read or compressed is left to Next.
        compressing.catch((error) => console.error("static file not precompressed", error)),
      ),
  ).then(() => undefined);

  function serve(req, res) {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith(PREFIX) || req.headers.range) return false;
    const file = files.get(req.url);
    if (!file) return false;
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    const encoding = accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : null;
    if (!encoding) return false;
    const etag = `"${file.etag}-${encoding}"`;
    const headers = { ...file.headers, etag };
    if (
      String(req.headers["if-none-match"] ?? "")
        .split(",")
        .some((tag) => tag.trim().replace(/^W\//, "") === etag)
    ) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const body = file[encoding];
    res.writeHead(200, { ...headers, "content-encoding": encoding, "content-length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  return { serve, ready };
}
