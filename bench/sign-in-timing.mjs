// How long a request for a sign-in link takes for a known and for an unknown address (a figure
// for RELIABILITY.md, asserted nowhere: the tests check that both take the same path).
//   node bench/sign-in-timing.mjs [base URL] [tries] [known address] [pause ms]
// Posts to Auth.js's own endpoint (a CSRF token first, as a browser would), alternating known and
// unknown addresses, one at a time, with a pause between requests (default 200 ms) so that work
// one request left for after its response (the email) does not slow the next one down. The server must run with the sign-in limits off
// (RATE_LIMIT_SIGNIN_PER_ADDRESS_PER_HOUR=0 RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR=0).
const base = new URL(process.argv[2] ?? "http://localhost:3120");
const tries = Number(process.argv[3] ?? 50);
const known = process.argv[4] ?? "anna@example.com";
const pauseMs = Number(process.argv[5] ?? 200);
const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));

async function csrf() {
  const response = await fetch(new URL("/api/auth/csrf", base));
  const cookie = (response.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await response.json();
  return { cookie, csrfToken };
}

async function ask(email) {
  const { cookie, csrfToken } = await csrf();
  const started = performance.now();
  const response = await fetch(new URL("/api/auth/signin/resend", base), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${base.origin}/login/weiter` }),
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 302) throw new Error(`${email}: status ${response.status}`);
  const location = response.headers.get("location") ?? "";
  if (!location.includes("verify-request") && !location.includes("/login/pruefen")) throw new Error(`${email}: redirected to ${location}`);
  return ms;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), min: +sorted[0].toFixed(2), max: +sorted.at(-1).toFixed(2) };
};

// Warm up both paths (first compile of the route, first connection, first render).
for (let i = 0; i < 5; i++) {
  await ask(known);
  await ask(`warmup-${i}-${Date.now()}@example.com`);
}
const times = { known: [], unknown: [] };
for (let i = 0; i < tries; i++) {
  times.known.push(await ask(known));
  await pause();
  times.unknown.push(await ask(`nobody-${i}-${Date.now()}@example.com`));
  await pause();
}
console.log(JSON.stringify({ tries, pauseMs, known: stats(times.known), unknown: stats(times.unknown) }));
