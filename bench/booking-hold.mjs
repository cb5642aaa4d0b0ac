// How much of a week's calendar rapid bookings from one address can hold (a figure for RELIABILITY.md).
//   node bench/booking-hold.mjs [base URL] [requests] [source address]
// Fires the requests at once, each for another free slot (an hour apart, so that buffers never make
// two of them collide; next week's first, then the week after) with another email address, all from
// one source address (a loopback address of its own, see STACK.md), then counts next week's free
// slots again.
import http from "node:http";

const base = new URL(process.argv[2] ?? "http://localhost:3120");
const requests = Number(process.argv[3] ?? 30);
const localAddress = process.argv[4] ?? `127.0.0.${10 + Math.floor(Math.random() * 200)}`;

function call(method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: base.hostname, port: base.port, path, method, localAddress, headers: payload ? { "content-type": "application/json" } : {} },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const week = `/api/slots?from=${day(2)}&to=${day(8)}`;
const slotsOfWeek = async () => JSON.parse((await call("GET", week)).text).slots.map((s) => s.start);

const before = await slotsOfWeek();
const fortnight = JSON.parse((await call("GET", `/api/slots?from=${day(2)}&to=${day(15)}`)).text).slots.map((s) => s.start);
const starts = [];
for (const start of fortnight) if (!starts.length || Date.parse(start) - Date.parse(starts.at(-1)) >= 3_600_000) starts.push(start);
const tag = Date.now().toString(36);
const t0 = performance.now();
const answers = await Promise.all(
  starts
    .slice(0, requests)
    .map((start, i) =>
      call("POST", "/api/bookings", { start, name: "Hold Test", email: `hold-${tag}-${i}@example.com`, channel: "video", consent: true }),
    ),
);
const ms = Math.round(performance.now() - t0);
const after = await slotsOfWeek();
const statuses = {};
for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
console.log(
  JSON.stringify({
    from: localAddress,
    requests: answers.length,
    ms,
    statuses,
    weekSlotsBefore: before.length,
    weekSlotsAfter: after.length,
    weekSlotsLost: before.length - after.length,
  }),
);
