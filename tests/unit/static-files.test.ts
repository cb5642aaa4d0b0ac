import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedEncodings, precompressedStatic } from "@/server/static-files.mjs";

// A build folder as `next build` leaves it: the routes manifest with next.config.ts's header rules, and static files.
const script = `console.log(${JSON.stringify("Schmerz ist ein Schutzsignal. ".repeat(400))});`;
let dir: string;
let base: string;
let server: http.Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "static-files-"));
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  mkdirSync(path.join(dir, "static/media"), { recursive: true });
  mkdirSync(path.join(dir, "static/private"), { recursive: true });
  writeFileSync(path.join(dir, "static/chunks/app.js"), script);
  writeFileSync(path.join(dir, "static/chunks/site.css"), "body{color:#222}".repeat(100));
  writeFileSync(path.join(dir, "static/media/font.woff2"), "wOF2 not compressible");
  writeFileSync(path.join(dir, "static/private/only-with-cookie.js"), script);
  writeFileSync(path.join(dir, "secret.json"), '{"key":"not a static file"}');
  writeFileSync(
    path.join(dir, "routes-manifest.json"),
    JSON.stringify({
      basePath: "",
      headers: [
        { source: "/(.*)", regex: "^(?:/(.*))(?:/)?$", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
        { source: "/_next/static/private/(.*)", regex: "^/_next/static/private(?:/(.*))(?:/)?$", has: [{ type: "cookie", key: "x" }], headers: [] },
      ],
    }),
  );
  const files = precompressedStatic(dir);
  await files.ready;
  // What Next would answer for anything this does not serve.
  server = http.createServer((req, res) => {
    if (files.serve(req, res)) return;
    res.writeHead(200, { "x-served-by": "next" });
    res.end("from next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress): status, headers and the bytes as sent. */
function get(pathname: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(`${base}${pathname}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}

describe("the build's scripts and styles, compressed once", () => {
  it("sends brotli to a browser that takes it, with the configured headers, immutable for a year", async () => {
    const res = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toBe("Accept-Encoding");
  });

  it("sends gzip where brotli is not taken, and leaves a client that takes neither to Next", async () => {
    const gz = await get("/_next/static/chunks/site.css", { "accept-encoding": "br;q=0, gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe("body{color:#222}".repeat(100));
    expect(gz.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect((await get("/_next/static/chunks/app.js")).body.toString()).toBe("from next");
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "identity" })).body.toString()).toBe("from next");
  });

  it("answers a repeated request with 304 and a HEAD without a body", async () => {
    const first = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" });
    const again = await get("/_next/static/chunks/app.js", { "accept-encoding": "br", "if-none-match": first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The other encoding's copy is another representation: a full answer.
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip", "if-none-match": first.headers.etag! })).status).toBe(200);
    const head = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(first.headers["content-length"]);
    expect(head.body.length).toBe(0);
  });

  it("serves only the build's compressible files, and leaves ranges, other paths and conditional rules to Next", async () => {
    const br = { "accept-encoding": "br" };
    for (const pathname of [
      "/_next/static/media/font.woff2",
      "/_next/static/../secret.json",
      "/_next/static/%2e%2e/secret.json",
      "/_next/static/chunks/missing.js",
      "/_next/static/chunks/app.js?v=2",
      "/_next/static/private/only-with-cookie.js",
      "/secret.json",
    ])
      expect((await get(pathname, br)).headers["x-served-by"], pathname).toBe("next");
    expect((await get("/_next/static/chunks/app.js", { ...br, range: "bytes=0-10" })).headers["x-served-by"]).toBe("next");
  });

  it("reads Accept-Encoding as browsers send it", () => {
    expect([...acceptedEncodings("gzip, deflate, br, zstd")]).toEqual(["gzip", "deflate", "br", "zstd"]);
    expect(acceptedEncodings("br;q=0, gzip;q=0.8").has("br")).toBe(false);
    expect(acceptedEncodings("BR").has("br")).toBe(true);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});
