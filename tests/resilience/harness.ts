// Shared pieces of the resilience scenarios: throw-away databases, app processes started the way
// production starts them (`npm start`, server/start.mjs, on the one build), a fake Resend and a private PostgreSQL.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { loopbackClient } from "../e2e/support/loopback";

export const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const CRON_SECRET = "resilience-cron-secret";
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A database of its own on the server behind `serverUrl`, dropped with `drop()`. */
export async function createDatabase(serverUrl = adminUrl): Promise<{ url: string; sql: postgres.Sql; drop: () => Promise<void> }> {
  const name = `praxis_r_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  return {
    url: url.toString(),
    sql,
    drop: async () => {
      await sql.end({ timeout: 2 }).catch(() => {});
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await admin.end({ timeout: 2 });
    },
  };
}

export type App = { port: number; url: string; process: ChildProcess; log: () => string; stop: () => Promise<void> };

/** server/start.mjs (what `npm start` runs) on a free port, in its own process group so that stopping it stops everything it started. */
export async function startApp(env: Record<string, string>): Promise<App> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "resilience-secret-not-for-production-0000000",
    AUTH_URL: url,
    SEED_DEMO: "1",
    CRON_SECRET,
    OUTBOX_POLL_SECONDS: "1",
    OUTBOX_RETRY_BASE_SECONDS: "1",
    RATE_LIMIT_BOOKINGS_PER_HOUR: "0",
    RESEND_API_KEY: undefined,
    RESEND_BASE_URL: undefined,
    ...env,
  };
  const child = spawn(process.execPath, ["server/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: childEnv as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Each chunk with the wall clock, so a failure in the log can be matched to a sample's time.
  const stamp = (d: Buffer) => (output += `[${new Date().toISOString()}] ${d}`);
  child.stdout!.on("data", stamp);
  child.stderr!.on("data", stamp);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`app did not become healthy:\n${output}`);
    }
    await sleep(300);
  }
  return { port, url, process: child, log: () => output, stop };
}

/** A fetch that never throws: network errors and timeouts come back as status 0. */
export async function request(
  url: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  try {
    const res = await fetch(url, { redirect: "manual", ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  } catch (error) {
    return { status: 0, headers: new Headers(), text: String(error), json: () => ({}) };
  }
}

export async function freeSlots(app: App, days = 45): Promise<string[]> {
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const res = await request(`${app.url}/api/slots?from=${from}&to=${to}`);
  if (res.status !== 200) throw new Error(`slots: ${res.status} ${res.text}`);
  return (res.json() as { slots: { start: string }[] }).slots.map((s) => s.start);
}

/**
 * The booking rules are settings in the database, not rate limits: a scenario that books many
 * times from one address sets them explicitly (the defaults are proven by the integration tests).
 */
export async function allowManyPendingBookings(sql: postgres.Sql) {
  await sql`update availability_settings set max_pending_per_client = 1000, confirmation_emails_per_day = 3 where id = 1`;
}

/**
 * Books a consultation; with `from`, from that loopback address (127.0.0.x, see STACK.md), so that
 * the server sees another client without any forged header.
 */
export async function book(app: App, start: string, n: number, from?: string) {
  const body = { start, name: `Test Person ${n}`, email: `person${n}@example.com`, channel: "video", consent: true };
  if (!from) return request(`${app.url}/api/bookings`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const res = await loopbackClient(app.url, from).post("/api/bookings", body);
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, String(value));
  return { status: res.status, headers, text: res.text, json: res.json };
}

export function cron(app: App) {
  return request(`${app.url}/api/cron/dispatch`, {
    method: "POST",
    headers: { authorization: `Bearer ${CRON_SECRET}` },
    timeoutMs: 30_000,
  });
}

/** Asks for a sign-in link through Auth.js's endpoint, as the login form does; returns where it redirects. */
export async function requestSignIn(app: App, email: string): Promise<{ status: number; location: string }> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${app.url}/api/auth/signin/resend`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${app.url}/dashboard` }),
  });
  return { status: res.status, location: res.headers.get("location") ?? "" };
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 300): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export type FakeMode = "ok" | "fail" | "hang" | "ratelimit";
export type FakeResend = {
  url: string;
  mode: FakeMode;
  /** Every request that reached the fake, with the answer it got. */
  requests: { to: string; subject: string; key: string | null; answer: number | "hung"; at: number }[];
  delivered: () => { to: string; subject: string; key: string | null }[];
  close: () => Promise<void>;
};

/** Resend's POST /emails (and /emails/batch), switchable to fail, hang or rate-limit. */
export async function startFakeResend(): Promise<FakeResend> {
  const fake: FakeResend = {
    url: "",
    mode: "ok",
    requests: [],
    delivered: () => fake.requests.filter((r) => r.answer === 200),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== "POST" || !["/emails", "/emails/batch"].includes(req.url ?? ""))
        return json(404, { statusCode: 404, name: "not_found", message: "Not found" });
      if (req.headers.authorization !== "Bearer re_test")
        return json(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
      const payloads = (() => {
        const parsed = JSON.parse(body) as { to: string | string[]; subject: string } | { to: string | string[]; subject: string }[];
        return Array.isArray(parsed) ? parsed : [parsed];
      })();
      const record = (answer: number | "hung") => {
        for (const p of payloads)
          fake.requests.push({ to: ([] as string[]).concat(p.to).join(","), subject: p.subject, key, answer, at: Date.now() });
      };
      switch (fake.mode) {
        case "hang":
          record("hung");
          return; // never answers; closeAllConnections ends it
        case "fail":
          record(500);
          return json(500, { statusCode: 500, name: "internal_server_error", message: "Injected outage" });
        case "ratelimit":
          record(429);
          return json(429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }, { "retry-after": "3" });
        default:
          record(200);
          return req.url === "/emails/batch"
            ? json(200, { data: payloads.map(() => ({ id: randomUUID() })) })
            : json(200, { id: randomUUID() });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return fake;
}

/**
 * A PostgreSQL cluster of our own (initdb as the postgres user), so restarting it disturbs nobody.
 * stop() and start() run pg_ctl in a child process and resolve when it has finished (-w: the server
 * is down, or accepts connections), so the test's own requests keep running meanwhile.
 */
export async function startPrivateCluster(): Promise<{
  url: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
}> {
  const bin = path.join("/usr/lib/postgresql", readdirSync("/usr/lib/postgresql").sort().at(-1)!, "bin");
  const dir = mkdtempSync(path.join(os.tmpdir(), "praxis-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const command = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
  const run = (cmd: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [file, argv] = command(cmd, args);
      const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout!.on("data", (d) => (output += d));
      child.stderr!.on("data", (d) => (output += d));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}: ${output}`))));
    });
  const port = await freePort();
  execFileSync(...command("initdb", ["-D", `${dir}/data`, "-U", "postgres", "-A", "trust", "--no-sync"]), { stdio: "pipe" });
  const start = () =>
    run("pg_ctl", [
      "-D",
      `${dir}/data`,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "-l",
      `${dir}/log`,
      "-w",
      "start",
    ]);
  const stop = () => run("pg_ctl", ["-D", `${dir}/data`, "-m", "fast", "-w", "stop"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    destroy: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each scenario adds its summary; the file is what RELIABILITY.md quotes. */
export function recordResult(scenario: string, summary: Record<string, unknown>) {
  const file = ".test-results/resilience.json";
  mkdirSync(".test-results", { recursive: true });
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  all[scenario] = { ...summary, finishedAt: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`\n[resilience] ${scenario}: ${JSON.stringify(summary)}`);
}
