// Measures the server time of /dashboard for a client with five years of daily journal entries,
// on PostgreSQL, against a production build. Prints p50/p95/p99; asserts nothing.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/dashboard-latency.mjs
//
// It creates a throw-away database, starts it as `npm start` does (building first unless
// BENCH_SKIP_BUILD=1), adds 5 × 365 entries and a session for anna, then times requests.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = process.env.BENCH_PORT ?? "3200";
const base = `http://localhost:${port}`;
const name = `praxis_bench_${Date.now().toString(36)}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: url.toString(),
  AUTH_SECRET: "bench-secret-not-for-production-00000000000",
  AUTH_URL: base,
  DEV_MAILBOX: "1",
  SEED_DEMO: "1",
};
delete env.RESEND_API_KEY;
if (!process.env.BENCH_SKIP_BUILD) {
  const build = spawnSync("./node_modules/.bin/next", ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(1);
}
const server = spawn(process.execPath, ["server/start.mjs", "-p", port, "-H", "localhost"], { stdio: ["ignore", "ignore", "inherit"], env });
const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });

try {
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error("the server did not come up");
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const [anna] = await sql`select id from users where email = 'anna@example.com'`;
  await sql`delete from journal_entries where user_id = ${anna.id}`;
  await sql`
    insert into journal_entries (user_id, entry_date, pain, stress, mood, body_areas, tags, helped, notes)
    select ${anna.id}, d::date,
           (4 + 3 * sin(n / 9.0) + (n % 3))::int % 11,
           (5 + 3 * cos(n / 7.0))::int % 11,
           1 + n % 5,
           array['Unterer Rücken'], array[(array['Termindruck','Streit','Schlecht geschlafen','Sitzen'])[1 + n % 4]],
           array['Spaziergang'], 'Tag ' || n
    from generate_series(current_date - 5 * 365 + 1, current_date, interval '1 day') with ordinality as g(d, n)`;
  const [{ count }] = await sql`select count(*)::int from journal_entries where user_id = ${anna.id}`;
  const token = randomBytes(24).toString("hex");
  await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${anna.id}, now() + interval '1 day')`;
  await sql`analyze journal_entries`;

  const headers = { cookie: `authjs.session-token=${token}` };
  const once = async (path) => {
    const t0 = performance.now();
    const response = await fetch(base + path, { headers, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - t0;
  };
  const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const report = (label, xs) =>
    console.log(`${label.padEnd(44)} n=${xs.length}  p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`);

  console.log(`anna has ${count} journal entries; PostgreSQL database ${name}`);
  for (const path of ["/dashboard", "/dashboard?tage=365", "/dashboard/tagebuch", "/dashboard/selbsttest"]) {
    for (let i = 0; i < 20; i++) await once(path); // warm-up
    const sequential = [];
    for (let i = 0; i < 200; i++) sequential.push(await once(path));
    report(`${path} (one at a time)`, sequential);
  }
  const concurrent = [];
  await Promise.all(Array.from({ length: 10 }, async () => { for (let i = 0; i < 40; i++) concurrent.push(await once("/dashboard")); }));
  report("/dashboard (10 at a time)", concurrent);
} finally {
  server.kill("SIGTERM");
  await sql.end();
  await new Promise((r) => setTimeout(r, 500));
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
