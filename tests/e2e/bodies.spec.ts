import { readFileSync } from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { COACH_STATE } from "./support/coach";
import { freshLoopbackAddress, loopbackClient } from "./support/loopback";

/*
 * A 100 MB body sent at the server as an attacker would: without waiting for the answer. What the
 * attacker notices is how much the server swallows before it says no: at most the limit (16 KB for
 * a JSON route, 1 MB for a page or action) plus 64 KB, never the whole upload.
 */
const JSON_LIMIT = 16 * 1024;
const BODY_LIMIT = 1024 * 1024;
const SLACK = 64 * 1024;
const HUNDRED_MB = 100 * 1024 * 1024;
const STEP = 16 * 1024;

/**
 * Sends the first `limit` bytes of a 100 MB body at once, then 16 KB at a time, each time giving
 * the server a moment to answer, so that what sits in the kernel's buffers does not count as read.
 * Stops at the answer, when the server closes, or once limit + 64 KB went unanswered; returns the
 * status and the body bytes written by then.
 */
async function sendHuge(path: string, headers: Record<string, string>, { chunked, limit }: { chunked: boolean; limit: number }) {
  const base = new URL(test.info().project.use.baseURL!);
  const socket = net.connect({ host: base.hostname, port: Number(base.port), family: 4, localAddress: freshLoopbackAddress() });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let answer = "";
  let done = false;
  const ended = new Promise<void>((resolve) => {
    socket.on("data", (d: Buffer) => {
      answer += d.toString("latin1");
      done = true;
      resolve();
    });
    socket.on("close", () => ((done = true), resolve()));
    socket.on("error", () => ((done = true), resolve()));
  });
  const head = [`POST ${path} HTTP/1.1`, `Host: ${base.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  head.push(chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${HUNDRED_MB}`);
  socket.write(`${head.join("\r\n")}\r\n\r\n`);
  const frame = (size: number) => {
    const data = Buffer.alloc(size, "a");
    return chunked ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), data, Buffer.from("\r\n")]) : data;
  };
  let written = 0;
  const send = async (size: number) => {
    if (!socket.write(frame(size))) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), ended]);
    written += size;
  };
  for (let i = 0; i < limit / STEP && !done; i++) await send(STEP);
  while (!done && written <= limit + SLACK) {
    await send(STEP);
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 300))]);
  }
  await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1000))]);
  socket.destroy();
  return { status: Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0), written };
}

test("a 100 MB booking body streamed without a length is refused after the limit, not read whole", async () => {
  const { status, written } = await sendHuge("/api/bookings", { "content-type": "application/json" }, { chunked: true, limit: JSON_LIMIT });
  expect(status).toBe(413);
  expect(written).toBeLessThanOrEqual(JSON_LIMIT + SLACK);
});

test("a booking body that declares 100 MB is refused before it is read", async () => {
  const { status, written } = await sendHuge("/api/bookings", { "content-type": "application/json" }, { chunked: false, limit: 0 });
  expect(status).toBe(413);
  expect(written).toBeLessThanOrEqual(SLACK);
});

test("a 100 MB form posted to a page (where the proxy copies bodies) is refused after 1 MB", async () => {
  // A server action's request; the proxy runs for pages, and Next reads its body to the end first.
  const headers = { "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(42), accept: "text/x-component" };
  const streamed = await sendHuge("/login", headers, { chunked: true, limit: BODY_LIMIT });
  expect(streamed.status).toBe(413);
  expect(streamed.written).toBeLessThanOrEqual(BODY_LIMIT + SLACK);
  const declared = await sendHuge("/login", headers, { chunked: false, limit: 0 });
  expect(declared.status).toBe(413);
  expect(declared.written).toBeLessThanOrEqual(SLACK);
});

test("a JSON write from another site is refused, one without Origin or Sec-Fetch-Site is not", async () => {
  const site = new URL(test.info().project.use.baseURL!).origin;
  const visitor = loopbackClient(test.info().project.use.baseURL!);
  const body = { start: "x" };
  expect((await visitor.post("/api/bookings", body, { "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(
    403,
  );
  expect((await visitor.post("/api/bookings", body, { "content-type": "application/json", origin: "https://evil.example" })).status).toBe(
    403,
  );
  // From this site, or from no browser page at all: on to validation (400 for this body).
  expect(
    (await visitor.post("/api/bookings", body, { "content-type": "application/json", "sec-fetch-site": "same-origin", origin: site }))
      .status,
  ).toBe(400);
  expect((await visitor.post("/api/bookings", body)).status).toBe(400);
  // Not JSON, whatever its parameters say: a cross-site form can send this without a preflight.
  const plain = await visitor.post("/api/bookings", JSON.stringify(body), { "content-type": "text/plain; charset=application/json" });
  expect(plain.status).toBe(400);
  expect(plain.text).toContain("Expected a JSON body");
});

test("the image upload alone takes up to 10 MB: 5 MB reaches its route, 100 MB is cut after 10 MB", async () => {
  const IMAGE_LIMIT = 10 * 1024 * 1024;
  const visitor = loopbackClient(test.info().project.use.baseURL!);
  // Past the 1 MB every other route has: the route itself answers (a visitor may not upload).
  const fiveMb = await visitor.post("/api/images", "a".repeat(5 * 1024 * 1024), { "content-type": "image/jpeg" });
  expect(fiveMb.status).toBe(401);
  // The coach's upload is read while it streams and stopped after 10 MB.
  const state = JSON.parse(readFileSync(COACH_STATE, "utf8")) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const streamed = await sendHuge("/api/images", { "content-type": "image/jpeg", cookie }, { chunked: true, limit: IMAGE_LIMIT });
  expect(streamed.status).toBe(413);
  expect(streamed.written).toBeLessThanOrEqual(IMAGE_LIMIT + SLACK);
  const declared = await sendHuge("/api/images", { "content-type": "image/jpeg", cookie }, { chunked: false, limit: 0 });
  expect(declared.status).toBe(413);
  expect(declared.written).toBeLessThanOrEqual(SLACK);
});

test("the audio upload alone takes up to 30 MB: 20 MB reaches its route, 100 MB is cut after 30 MB", async () => {
  const AUDIO_LIMIT = 30 * 1024 * 1024;
  const visitor = loopbackClient(test.info().project.use.baseURL!);
  // Past the 10 MB of the image upload: the route itself answers (a visitor may not upload).
  const twentyMb = await visitor.post("/api/audio", "a".repeat(20 * 1024 * 1024), { "content-type": "audio/mpeg" });
  expect(twentyMb.status).toBe(401);
  const state = JSON.parse(readFileSync(COACH_STATE, "utf8")) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const streamed = await sendHuge("/api/audio", { "content-type": "audio/mpeg", cookie }, { chunked: true, limit: AUDIO_LIMIT });
  expect(streamed.status).toBe(413);
  expect(streamed.written).toBeLessThanOrEqual(AUDIO_LIMIT + SLACK);
});
