import net from "node:net";
import { expect, test } from "@playwright/test";
import { freshLoopbackAddress, loopbackClient } from "./support/loopback";

/*
 * A 100 MB body sent at a route as an attacker would: without waiting for the answer. What the
 * attacker notices is how much the server swallows before it says no: at most the route's limit
 * (16 KB for JSON) plus 64 KB in flight, not the whole upload.
 */
const JSON_LIMIT = 16_384;
const SLACK = 64 * 1024;
const HUNDRED_MB = 100 * 1024 * 1024;

/**
 * Writes a body in 16 KB chunks, paced so that little sits in the kernel's buffers, until the
 * server answers or closes; returns the status line and the body bytes written before that.
 */
async function sendHuge(path: string, headers: Record<string, string>, chunked: boolean) {
  const base = new URL(test.info().project.use.baseURL!);
  const socket = net.connect({ host: base.hostname, port: Number(base.port), family: 4, localAddress: freshLoopbackAddress() });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let answer = "";
  let answered = false;
  let closed = false;
  socket.on("data", (d: Buffer) => {
    answer += d.toString("latin1");
    answered = true;
  });
  socket.on("close", () => (closed = true));
  socket.on("error", () => (closed = true));
  const head = [`POST ${path} HTTP/1.1`, `Host: ${base.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  head.push(chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${HUNDRED_MB}`);
  socket.write(`${head.join("\r\n")}\r\n\r\n`);
  const chunk = Buffer.alloc(16 * 1024, "a");
  let written = 0;
  while (written < HUNDRED_MB && !answered && !closed) {
    const frame = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
    if (!socket.write(frame)) await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
    written += chunk.length;
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Whatever happens, a test that would upload 100 MB at this pace stops well before.
    if (written > 8 * 1024 * 1024) break;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.destroy();
  return { status: Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0), written };
}

test("a 100 MB booking body streamed without a length is refused after the limit, not read whole", async () => {
  const { status, written } = await sendHuge("/api/bookings", { "content-type": "application/json" }, true);
  expect(status).toBe(413);
  expect(written).toBeLessThanOrEqual(JSON_LIMIT + SLACK);
});

test("a booking body that declares 100 MB is refused before it is read", async () => {
  const { status, written } = await sendHuge("/api/bookings", { "content-type": "application/json" }, false);
  expect(status).toBe(413);
  expect(written).toBeLessThanOrEqual(SLACK);
});

test("a JSON write from another site is refused, one without Origin or Sec-Fetch-Site is not", async () => {
  const site = new URL(test.info().project.use.baseURL!).origin;
  const visitor = loopbackClient(test.info().project.use.baseURL!);
  const body = { start: "x" };
  expect((await visitor.post("/api/bookings", body, { "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
  expect((await visitor.post("/api/bookings", body, { "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
  // From this site, or from no browser page at all: on to validation (400 for this body).
  expect((await visitor.post("/api/bookings", body, { "content-type": "application/json", "sec-fetch-site": "same-origin", origin: site })).status).toBe(400);
  expect((await visitor.post("/api/bookings", body)).status).toBe(400);
  // Not JSON, whatever its parameters say: a cross-site form can send this without a preflight.
  const plain = await visitor.post("/api/bookings", JSON.stringify(body), { "content-type": "text/plain; charset=application/json" });
  expect(plain.status).toBe(400);
  expect(plain.text).toContain("Expected a JSON body");
});
