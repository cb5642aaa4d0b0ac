// `npm start`: the production server. Next's own request handler behind node:http, for one reason:
// Next exposes no socket address to the app, and `next start` keeps an X-Forwarded-For the client
// sent, so a forged header would dodge every per-address limit. Here each request first loses any
// header of our name it brought and then gets the address we decide (server/client-address.mjs).
//
//   node server/start.mjs [-p PORT] [-H HOSTNAME]      (also PORT and HOSTNAME; default 3000, all interfaces)
//   TRUST_PROXY_HOPS=1   behind one reverse proxy that appends to X-Forwarded-For (see README)
//   CLIENT_IP_HEADER=x-real-ip   a header the proxy in front overwrites instead
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_MARK, clientAddressOf, parseProxySettings } from "./client-address.mjs";
import { bodyLimitFor } from "./limits.mjs";
import { inlineScriptsOnlyFromCache } from "./prerender-csp.mjs";
import { precompressedStatic } from "./static-files.mjs";

process.env.NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`✖ Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(1);
}
let settings;
try {
  settings = parseProxySettings(process.env);
} catch (error) {
  console.error(`✖ Invalid environment: ${error.message}`);
  process.exit(1);
}

// Tells lib/http/client-ip.ts that the header is ours (nothing outside this process can set it).
globalThis[CLIENT_ADDRESS_MARK] = true;

const { default: next } = await import("next");
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
// The build's scripts and styles, compressed once (Next compresses them on every request); under
// a second on the thread pool, waited for so that every answer after the start is the same.
const staticFiles = precompressedStatic(path.join(process.cwd(), ".next"));
await staticFiles.ready;

/** 413 and the connection closed: the rest of the body is never read. */
function tooLarge(req, res) {
  if (!res.headersSent) {
    res.writeHead(413, { "content-type": "application/json", connection: "close", "cache-control": "no-store" });
    res.end(JSON.stringify({ error: "payload_too_large", message: "The request body is too large." }));
  }
  res.once("finish", () => req.socket.destroy());
}

/**
 * Where proxy.ts runs, Next reads a body to its end before anything answers (it copies it for the
 * proxy and then waits for the rest), however large it is. No body the app takes is larger than
 * BODY_LIMIT_BYTES (the image upload's route, outside the proxy, takes up to 10 MB: limits.mjs), so
 * the server stops one here: a declared length at once, a streamed body (chunked, or longer than
 * declared) as soon as it passes the limit.
 */
function limitBody(req, res) {
  const limit = bodyLimitFor(req.method, req.url);
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    tooLarge(req, res);
    return false;
  }
  // The HTTP parser hands each chunk of the body to req.push(); counting there reads nothing twice.
  const push = req.push;
  let received = 0;
  let refused = false;
  req.push = function (chunk, encoding) {
    if (refused) return false; // nothing more reaches Next; false also stops reading the socket
    if (chunk !== null && chunk !== undefined) {
      received += chunk.length;
      if (received > limit) {
        refused = true;
        tooLarge(req, res);
        return false;
      }
    }
    return push.call(this, chunk, encoding);
  };
  return true;
}

const server = http.createServer((req, res) => {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, settings);
  if (!limitBody(req, res)) return;
  try {
    if (staticFiles.serve(req, res)) return;
  } catch (error) {
    // Never the end of the process: Next answers what this could not.
    console.error("static file not served", error);
    if (res.headersSent) return void res.destroy();
  }
  inlineScriptsOnlyFromCache(req, res);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end();
  });
});
// Longer than the 60 s idle timeout of common proxies and clients, so the server is never the one
// that closes a connection a client is about to reuse (Node's 5 s default caused ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  const where = hostname ?? "all interfaces";
  const trust = settings.header
    ? `client address from ${settings.header}`
    : settings.hops
      ? `client address ${settings.hops} hop(s) back in X-Forwarded-For`
      : "client address from the socket";
  console.log(`✓ Ready on ${where}:${port} (${trust})`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
