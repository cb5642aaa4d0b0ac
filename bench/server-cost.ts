// `npm run bench:server`: what the production server (server/start.mjs, which sets each request's
// client address from its socket) costs against a bare `next start`, on the same build, database
// and machine, in one run. Alternates the two (bare, ours, ours, bare, …) so that a change in the
// machine's load shows as a spread rather than as a difference. Asserts nothing; prints the figures
// and writes bench/server-cost.json.
//
//   BENCH_SKIP_BUILD=1 BENCH_SECONDS=8 BENCH_CONNECTIONS=50 BENCH_ROUNDS=2 BENCH_PORT=3300
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { load, round, type LoadResult } from "./load";

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = process.env.BENCH_PORT ?? "3300";
const base = `http://localhost:${port}`;
const targets = { "static page": process.env.BENCH_STATIC_PAGE ?? "/bench/statisch", "health, one query": "/api/health" };

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
  SEED_DEMO: "1",
};
delete env.RESEND_API_KEY;
const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

if (!process.env.BENCH_SKIP_BUILD) {
  log("next build");
  const build = spawnSync("./node_modules/.bin/next", ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const servers = {
  "next start": ["./node_modules/.bin/next", ["start", "-p", port, "-H", "localhost"]],
  "server/start.mjs": [process.execPath, ["server/start.mjs", "-p", port, "-H", "localhost"]],
} as const;
type ServerName = keyof typeof servers;

async function withServer<T>(name: ServerName, run: () => Promise<T>): Promise<T> {
  const [command, args] = servers[name];
  // Its own process group: stopping `next start` by its pid alone leaves next-server (STACK.md).
  const child: ChildProcess = spawn(command, [...args], { stdio: ["ignore", "ignore", "inherit"], env, detached: true });
  try {
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error(`${name} did not come up`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const path of Object.values(targets)) await (await fetch(base + path)).arrayBuffer();
    return await run();
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  }
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const runs: { server: ServerName; target: string; result: LoadResult }[] = [];
const loadBefore = os.loadavg();
try {
  for (let r = 0; r < rounds; r++) {
    // Each round the other one goes first, so that neither always meets the warmer or the busier machine.
    const order = Object.keys(servers) as ServerName[];
    for (const name of r % 2 ? order.reverse() : order) {
      await withServer(name, async () => {
        for (const [target, path] of Object.entries(targets)) {
          await load(base, { path }, Math.min(2, seconds), connections);
          const result = await load(base, { path }, seconds, connections);
          log(`${name.padEnd(18)} ${target.padEnd(18)} ${String(result.requestsPerSecond).padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms`, result.statuses);
          runs.push({ server: name, target, result });
        }
      });
    }
  }
} finally {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
const loadAfter = os.loadavg();

const summary = Object.keys(targets).map((target) => {
  const of = (server: ServerName) => runs.filter((r) => r.server === server && r.target === target).map((r) => r.result);
  const mean = (xs: LoadResult[], key: "requestsPerSecond" | "p99") => round(xs.reduce((s, x) => s + x[key], 0) / xs.length);
  const bare = of("next start");
  const ours = of("server/start.mjs");
  // Each round's two runs are neighbours in time: their ratio is less at the mercy of the machine's load than the means.
  const pairs = bare.map((b, i) => ours[i]!.requestsPerSecond / b.requestsPerSecond).sort((x, y) => x - y);
  return {
    target,
    bare: { requestsPerSecond: mean(bare, "requestsPerSecond"), p99: mean(bare, "p99"), runs: bare.map((x) => x.requestsPerSecond) },
    ours: { requestsPerSecond: mean(ours, "requestsPerSecond"), p99: mean(ours, "p99"), runs: ours.map((x) => x.requestsPerSecond) },
    ratio: round(mean(ours, "requestsPerSecond") / mean(bare, "requestsPerSecond"), 3),
    medianRoundRatio: round(pairs[Math.floor((pairs.length - 1) / 2)]! / 2 + pairs[Math.ceil((pairs.length - 1) / 2)]! / 2, 3),
  };
});
const results = {
  date: new Date().toISOString(),
  machine: { cores: os.cpus().length, node: process.version, loadBefore: loadBefore.map((x) => round(x, 2)), loadAfter: loadAfter.map((x) => round(x, 2)) },
  settings: { seconds, connections, rounds },
  summary,
};
writeFileSync("bench/server-cost.json", `${JSON.stringify(results, null, 2)}\n`);
console.log("\n| target | next start req/s (p99) | server/start.mjs req/s (p99) | ratio of means | median ratio per round |\n|---|---|---|---|---|");
for (const s of summary)
  console.log(`| ${s.target} | ${s.bare.requestsPerSecond} (${s.bare.p99} ms) | ${s.ours.requestsPerSecond} (${s.ours.p99} ms) | ${s.ratio} | ${s.medianRoundRatio} |`);
console.log(`\nload average before ${results.machine.loadBefore.join(" ")}, after ${results.machine.loadAfter.join(" ")}. Written: bench/server-cost.json`);
