// `npm run bench`: the platform against the framework's own ceiling, in one run.
//
// Builds for production (skip with BENCH_SKIP_BUILD=1), creates a throw-away database on
// BENCH_DATABASE_URL, starts it as `npm start` does (server/start.mjs), adds volume data (bench/seed.ts), then loads
// each target with autocannon and compares it with the ceilings measured in the same run: a
// static page of the app and /api/health, one query (API and database routes), and for pages
// also the true ceilings (bench/ceilings.ts): a bare Next app of our version serving a static
// page of the article's bytes, and node:http sending those bytes. Each target's figures are
// marked not comparable when the machine was not quiet (bench/quiet.ts).
// Then page weight and Lighthouse. Writes bench/results.json and the README's "Benchmark"
// section. Asserts nothing: the goals are reported as met or not.
//
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_WARMUP_SECONDS=2 BENCH_SAMPLES=100 BENCH_SAMPLE_SECONDS=30 BENCH_PORT=3300
//   BENCH_SKIP_LIGHTHOUSE=1 BENCH_LIGHTHOUSE_RUNS=5 BENCH_KEEP_DB=1
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { removeCalendarBusy, seedCalendarBusy } from "./calendars";
import { startBareNext, startPlainHttp, type Ceiling } from "./ceilings";
import { runLighthouse } from "./lighthouse";
import { concurrentSample, load, round, sample, type LoadResult, type Target } from "./load";
import { markdown, writeReadme, type CeilingKind, type Goal, type Results, type TargetResult } from "./report";
import { settle, watchQuiet } from "./quiet";
import { seedVolume } from "./seed";
import { pageWeights } from "./weight";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? Math.min(2, seconds));
const samples = Number(process.env.BENCH_SAMPLES ?? 100);
/** The one-at-a-time sample stops early after this long (at least 10 requests). */
const sampleSeconds = Number(process.env.BENCH_SAMPLE_SECONDS ?? 30);
/** How far a ceiling's runs in one bench run may lie apart (of their mean) for a ratio to it to count. */
const CEILING_SPREAD = 0.1;
/** Lighthouse runs per page; each page's figure is its median run (bench/lighthouse.ts). */
const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = process.env.BENCH_PORT ?? "3300";
const base = `http://localhost:${port}`;
const coachEmail = "coach@example.com";
/** A page of the app that the build prerenders and that neither reads the database nor a cookie. */
const STATIC_PAGE = process.env.BENCH_STATIC_PAGE ?? "/bench/statisch";

const dbName = `praxis_bench_${Date.now().toString(36)}`;
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: dbUrl.toString(),
  AUTH_SECRET: "bench-secret-not-for-production-00000000000",
  AUTH_URL: base,
  COACH_EMAIL: coachEmail,
  DEV_MAILBOX: "1",
  SEED_DEMO: "1",
  // Hundreds of bookings from one address: the limit is proven by the tests, not measured here
  // (the booking rules, which are settings in the database, are set after the start below).
  RATE_LIMIT_BOOKINGS_PER_HOUR: "0",
  // The calendars' busy times are written directly (bench/calendars.ts); no sync runs against them.
  CALENDAR_SYNC_MINUTES: "0",
};
delete env.RESEND_API_KEY;

const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

if (!process.env.BENCH_SKIP_BUILD) {
  log("next build");
  const build = spawnSync("./node_modules/.bin/next", ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
log(`database ${dbName}`);
// As `npm start` starts it; its own process group, so that stopping it stops all it started (see STACK.md).
// What this server costs against a bare `next start`: bench/server-cost.ts.
const server = spawn(process.execPath, ["server/start.mjs", "-p", port, "-H", "localhost"], {
  stdio: ["ignore", "ignore", "inherit"],
  env,
  detached: true,
});
const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });

const extraCeilings: Ceiling[] = [];

async function stopServer() {
  for (const c of extraCeilings) await c.stop();
  if (server.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

try {
  for (let i = 0; ; i++) {
    if (i > 180) throw new Error("the server did not come up");
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  log("server up; seeding volume data");
  const t0 = performance.now();
  const volume = await seedVolume(sql, coachEmail);
  log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, volume.counts);
  // Autovacuum would otherwise take up the seeded tables a minute or two later, during the first
  // targets (a run marked home and the self-check "not comparable": other processes used 0.46 of a core).
  await sql`vacuum (analyze)`;
  // And write what the seed left in memory now (a superuser's right; without it the checkpointer does it later).
  await sql`checkpoint`.catch(() => {});

  // The booking rules are settings, not rate limits: set explicitly for a load generator that books
  // hundreds of slots from one address with a new email address each (tests prove the defaults).
  await sql`update availability_settings set max_pending_per_client = 1000, confirmation_emails_per_day = 3 where id = 1`;

  const clientToken = randomBytes(24).toString("hex");
  const coachToken = randomBytes(24).toString("hex");
  // The coach's session counts as having proved its second factor (a passkey), as production demands.
  await sql`insert into sessions (session_token, user_id, expires, second_factor_at) values
    (${clientToken}, ${volume.journalClientId}, now() + interval '1 day', null),
    (${coachToken}, ${volume.coachId}, now() + interval '1 day', now())`;
  const asClient = { cookie: `authjs.session-token=${clientToken}` };
  const asCoach = { cookie: `authjs.session-token=${coachToken}` };

  const today = new Date().toISOString().slice(0, 10);
  const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const article = `/artikel/${volume.articleSlugs[0]}`;
  const slotsPath = `/api/slots?from=${dayOffset(0)}&to=${dayOffset(59)}`;

  const ceilingTargets: Record<"static" | "query", { name: string; target: Target; base?: string }> = {
    static: { name: "static page", target: { path: STATIC_PAGE } },
    query: { name: "health, one query", target: { path: "/api/health" } },
  };
  const getTargets: { name: string; ceiling: "static" | "query"; target: Target; sequential: boolean }[] = [
    { name: "home page", ceiling: "static", target: { path: "/" }, sequential: true },
    { name: "self-check", ceiling: "static", target: { path: "/selbsttest" }, sequential: true },
    { name: "booking page", ceiling: "static", target: { path: "/erstgespraech" }, sequential: true },
    { name: "article page", ceiling: "static", target: { path: article }, sequential: true },
    { name: "article list", ceiling: "static", target: { path: "/artikel" }, sequential: true },
    { name: "free slots, 60 days", ceiling: "query", target: { path: slotsPath }, sequential: true },
    {
      name: "client dashboard, 5 years of entries",
      ceiling: "static",
      target: { path: "/dashboard", headers: asClient },
      sequential: true,
    },
    {
      name: "coach's client list, 2,000 clients",
      ceiling: "static",
      target: { path: "/coach/klienten", headers: asCoach },
      sequential: true,
    },
    {
      name: "journal API, one year",
      ceiling: "query",
      target: { path: `/api/journal?from=${dayOffset(-364)}&to=${today}`, headers: asClient },
      sequential: true,
    },
  ];

  // Every target answers 200 before anything is measured (and the article is rendered once).
  for (const t of [...Object.values(ceilingTargets).map((c) => c.target), ...getTargets.map((t) => t.target)]) {
    const response = await fetch(base + t.path, { headers: t.headers, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${t.path} answered ${response.status}`);
  }

  /** Waits until the server answers /api/health quickly again (the backlog of a load run is done). */
  const drain = async () => {
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      const t0 = performance.now();
      await fetch(`${base}/api/health`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      if (performance.now() - t0 < 100) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  // The true ceilings, serving the article's bytes (its HTML as the bench receives it).
  const articleHtml = await (await fetch(base + article)).text();
  log("building the bare Next app (bench/bare-next)");
  const bare = await startBareNext(articleHtml, String(Number(port) + 10), env);
  extraCeilings.push(bare);
  const plain = await startPlainHttp(articleHtml, String(Number(port) + 11));
  extraCeilings.push(plain);
  log(`article ${Buffer.byteLength(articleHtml)} bytes, bare Next page ${bare.bytes}, node:http ${plain.bytes}`);
  for (const c of [bare, plain]) await (await fetch(c.base + c.path)).arrayBuffer();
  const allCeilings: Record<CeilingKind, { name: string; target: Target; base?: string }> = {
    ...ceilingTargets,
    bareNext: { name: bare.name, target: { path: bare.path }, base: bare.base },
    plainHttp: { name: plain.name, target: { path: plain.path }, base: plain.base },
  };
  const ceilingKinds = Object.keys(allCeilings) as CeilingKind[];

  // The build, the seed and the bare app's build are done: let the machine settle before the first target.
  log("waiting for the one-minute load average to fall to 0.5 (at most 4 min)");
  await settle();
  const loadBefore = os.loadavg();
  log(`load average before the first target: ${loadBefore.map((x) => x.toFixed(2)).join(", ")}`);
  const measure = async (name: string, target: Target, at = base): Promise<LoadResult> => {
    await load(at, target, warmupSeconds, connections);
    await drain();
    const quiet = watchQuiet(dbName, loadBefore[0]!);
    const result = { ...(await load(at, target, seconds, connections)), quiet: quiet() };
    await drain();
    log(
      `${name.padEnd(40)} ${String(result.requestsPerSecond).padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms`,
      result.statuses,
      result.quiet.comparable ? "" : `NOT COMPARABLE: ${result.quiet.reason}`,
    );
    return result;
  };

  const ceilingRuns = Object.fromEntries(ceilingKinds.map((k) => [k, [] as LoadResult[]])) as Record<CeilingKind, LoadResult[]>;
  for (const kind of ceilingKinds)
    ceilingRuns[kind].push(await measure(`ceiling: ${allCeilings[kind].name}`, allCeilings[kind].target, allCeilings[kind].base));

  const targets: TargetResult[] = [];
  for (const t of getTargets) {
    // One at a time first, on an idle server: after a load run the server still works off
    // the requests autocannon stopped waiting for.
    const sequential = t.sequential ? await sample(base, t.target, samples, sampleSeconds) : undefined;
    // The dashboard also with ten clients at once, each waiting for its answer (issue 18: its p95 under load).
    const concurrent = t.name.startsWith("client dashboard") ? await concurrentSample(base, t.target, 10, seconds) : undefined;
    if (concurrent) log(`${t.name}, 10 at once`.padEnd(40), `p50 ${concurrent.p50} ms  p95 ${concurrent.p95} ms  (n ${concurrent.n})`);
    const result = await measure(t.name, t.target);
    targets.push({ name: t.name, path: t.target.path, ceiling: t.ceiling, load: result, sequential, concurrent });
  }

  // The same slots with three connected calendars of 2,000 busy times each (issue 16: the
  // one-at-a-time median within 20% of the figure without); removed again before the bookings.
  const busyRows = await seedCalendarBusy(sql, volume.coachId);
  {
    const name = `free slots, 60 days, 3 calendars (${busyRows.toLocaleString("en")} busy times)`;
    const target = { path: slotsPath };
    const sequential = await sample(base, target, samples, sampleSeconds);
    const result = await measure(name, target);
    targets.push({ name, path: slotsPath, ceiling: "query", load: result, sequential });
  }
  await removeCalendarBusy(sql);

  // Bookings: each request takes a different free slot, spaced an hour apart so that one
  // booking's buffers never cover the next one's slot; 201 = booked, 409 = slot taken.
  const slotsResponse = (await (await fetch(base + slotsPath)).json()) as { slots: { start: string }[] };
  const starts: string[] = [];
  let lastTaken = -Infinity;
  for (const slot of slotsResponse.slots) {
    const at = Date.parse(slot.start);
    if (at - lastTaken >= 60 * 60_000) {
      starts.push(slot.start);
      lastTaken = at;
    }
  }
  const warmupStarts = starts.splice(0, 5);
  let next = 0;
  const bookingBody = (start: string, i: number) =>
    JSON.stringify({ start, name: `Bench Besucher ${i}`, email: `besuch${i}@bench.example`, channel: "video", consent: true });
  for (const [i, start] of warmupStarts.entries()) {
    const response = await fetch(`${base}/api/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bookingBody(start, -1 - i),
    });
    await response.arrayBuffer();
  }
  const bookings = await load(
    base,
    {
      path: "/api/bookings",
      method: "POST",
      amount: starts.length,
      body: () => {
        const i = next++;
        return bookingBody(starts[i % starts.length]!, i);
      },
    },
    seconds,
    connections,
  );
  log(
    `bookings on ${starts.length} distinct slots`.padEnd(40),
    `${bookings.requestsPerSecond} req/s  p50 ${bookings.p50} ms  p99 ${bookings.p99} ms`,
    bookings.statuses,
  );
  targets.push({
    name: "booking, distinct free slots",
    path: "POST /api/bookings",
    ceiling: "query",
    load: bookings,
    note: `${starts.length} requests (one per free slot an hour apart in 60 days)`,
  });

  for (const kind of ceilingKinds)
    ceilingRuns[kind].push(await measure(`ceiling again: ${allCeilings[kind].name}`, allCeilings[kind].target, allCeilings[kind].base));
  const loadAfter = os.loadavg();

  const ceilings = {} as Results["ceilings"];
  for (const kind of ceilingKinds) {
    const runs = ceilingRuns[kind];
    ceilings[kind] = {
      name: allCeilings[kind].name,
      path: allCeilings[kind].target.path,
      runs,
      requestsPerSecond: round(runs.reduce((s, r) => s + r.requestsPerSecond, 0) / runs.length),
    };
  }
  const ratio = (t: TargetResult, kind: CeilingKind) => round(t.load.requestsPerSecond / ceilings[kind].requestsPerSecond, 2);
  for (const t of targets) {
    if (t.ceiling) t.ratio = ratio(t, t.ceiling);
    // Every page against the true ceilings too.
    if (t.ceiling === "static") t.trueRatios = { bareNext: ratio(t, "bareNext"), plainHttp: ratio(t, "plainHttp") };
  }

  log("page weight");
  const publicPages = ["/", article, "/artikel", "/erstgespraech", "/selbsttest"];
  const weights = await pageWeights(base, publicPages);

  let lighthouse: Results["lighthouse"];
  if (process.env.BENCH_SKIP_LIGHTHOUSE) lighthouse = { error: "skipped (BENCH_SKIP_LIGHTHOUSE)" };
  else {
    log("lighthouse");
    try {
      lighthouse = await runLighthouse(
        [
          ...["/", article, "/artikel", "/erstgespraech", "/selbsttest", "/impressum", "/datenschutz"].map((path) => ({ label: path, url: base + path })),
          // The bare Next app's page of the article's bytes: what the framework itself scores here.
          { label: `bare Next ${bare.path}`, url: bare.base + bare.path },
        ],
        lighthouseRuns,
      );
    } catch (error) {
      lighthouse = { error: error instanceof Error ? error.message : String(error) };
    }
  }

  const [{ version }] = (await sql`select version()`) as unknown as [{ version: string }];
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.cpus().length,
      ramGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      postgres: version.split(" on ")[0] ?? version,
      loadBefore: loadBefore.map((x) => round(x, 2)),
      loadAfter: loadAfter.map((x) => round(x, 2)),
    },
    settings: { seconds, connections, warmupSeconds, samples },
    volume: volume.counts,
    ceilings,
    targets,
    weights,
    lighthouse,
    goals: goals(targets, ceilings, weights, lighthouse),
  };
  writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
  writeReadme(results);
  console.log(`\n${markdown(results)}\n\nWritten: bench/results.json and the README's "Benchmark" section.`);
} finally {
  await stopServer();
  await sql.end();
  await new Promise((r) => setTimeout(r, 1000));
  if (!process.env.BENCH_KEEP_DB) await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}

function goals(targets: TargetResult[], ceilings: Results["ceilings"], weights: Results["weights"], lighthouse: Results["lighthouse"]): Goal[] {
  const byName = (name: string) => targets.find((t) => t.name.startsWith(name));
  const article = byName("article page");
  const home = byName("home page");
  const slots = byName("free slots, 60 days");
  const withCalendars = targets.find((t) => t.name.includes("3 calendars"));
  const dashboard = byName("client dashboard");
  /**
   * A goal's verdict, or "not measured" when its figures were taken on a machine that was not quiet:
   * the target's own, or any run of the ceiling it is divided by (a ratio is only as good as both);
   * or when the ceiling's runs before and after the targets differ by more than CEILING_SPREAD of
   * their mean: the machine's speed changed during the run (a quiet 2-core VM once gave the bare
   * Next page 818 and then 1,042 req/s), and the ratio would depend on which run one took.
   */
  const judged = (t: TargetResult | undefined, ceiling: CeilingKind, met: boolean | null, detail: string): Pick<Goal, "met" | "detail"> => {
    const runs = ceilings[ceiling].runs.map((run) => run.requestsPerSecond);
    const spread = (Math.max(...runs) - Math.min(...runs)) / ceilings[ceiling].requestsPerSecond;
    const loud = [
      ...(t?.load.quiet?.comparable === false ? [t.load.quiet.reason] : []),
      ...ceilings[ceiling].runs.filter((run) => run.quiet?.comparable === false).map((run) => `its ceiling: ${run.quiet!.reason}`),
      ...(spread > CEILING_SPREAD
        ? [`its ceiling moved during the run: ${runs.map((r) => Math.round(r)).join(" then ")} req/s (${Math.round(spread * 100)} % of their mean)`]
        : []),
    ];
    return loud.length ? { met: null, detail: `${detail}; not comparable: ${loud.join("; ")}` } : { met, detail };
  };
  const trueGoal = (t: TargetResult | undefined): Goal => ({
    goal: `${t?.name ?? "page"} ≥ 0.8 of the bare Next app's static page`,
    ...judged(t, "bareNext", t?.trueRatios ? t.trueRatios.bareNext >= 0.8 : null, t?.trueRatios ? `${t.trueRatios.bareNext} (node:http: ${t.trueRatios.plainHttp})` : "–"),
  });
  const list: Goal[] = [
    trueGoal(article),
    trueGoal(home),
    {
      goal: "article page ≥ 90% of the static ceiling",
      ...judged(article, "static", article?.ratio !== undefined ? article.ratio >= 0.9 : null, `${article?.ratio ?? "–"}`),
    },
    {
      goal: "/api/slots ≥ 50% of the one-query ceiling",
      ...judged(slots, "query", slots?.ratio !== undefined ? slots.ratio >= 0.5 : null, `${slots?.ratio ?? "–"}`),
    },
    {
      goal: "/api/slots with 3 calendars: one-at-a-time median within 20% of the figure without",
      met: slots?.sequential && withCalendars?.sequential ? withCalendars.sequential.p50 <= 1.2 * slots.sequential.p50 : null,
      detail: `${withCalendars?.sequential?.p50 ?? "–"} ms with, ${slots?.sequential?.p50 ?? "–"} ms without`,
    },
    {
      goal: "dashboard p95 < 150 ms (one request at a time)",
      met: dashboard?.sequential ? dashboard.sequential.p95 < 150 : null,
      detail: `${dashboard?.sequential?.p95 ?? "–"} ms (10 at once: p95 ${dashboard?.concurrent?.p95 ?? "–"} ms; under 50 connections: p97.5 ${dashboard?.load.p97_5 ?? "–"} ms)`,
    },
  ];
  if (weights) {
    const worst = weights.pages.reduce((a, b) => (b.overBaselineBytes > a.overBaselineBytes ? b : a));
    list.push({
      goal: "each public page's first-load JS within 30 KB gzip of a bare Next page",
      met: worst.overBaselineBytes <= 30 * 1024,
      detail: `largest: ${worst.path} +${(worst.overBaselineBytes / 1024).toFixed(1)} KB over the ${(weights.baseline.gzipBytes / 1024).toFixed(1)} KB baseline`,
    });
  }
  if (lighthouse && !("error" in lighthouse)) {
    const ours = lighthouse.filter((s) => !s.path.startsWith("bare Next"));
    const short = ours.filter((s) => s.performance < 98 || s.accessibility < 100 || s.bestPractices < 100 || s.seo < 100);
    list.push({
      goal: "Lighthouse ≥ 98 performance, 100 accessibility, best practices, SEO on every public page",
      met: short.length === 0,
      detail:
        short.length === 0
          ? "all pages"
          : short
              .map((s) => `${s.path}: ${s.performance}/${s.accessibility}/${s.bestPractices}/${s.seo} (${(s.failed ?? []).join(", ")})`)
              .join("; "),
    });
  } else
    list.push({
      goal: "Lighthouse ≥ 98 performance, 100 for the rest",
      met: null,
      detail: lighthouse && "error" in lighthouse ? lighthouse.error : "not run",
    });
  return list;
}
