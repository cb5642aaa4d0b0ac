// Load and latency measurement: autocannon for throughput and tail latency under 50
// connections, plus a one-at-a-time sample for p95 (autocannon reports p90, p97.5 and p99).
import autocannon from "autocannon";
import type { Quiet } from "./quiet";

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  /** Requests per status code, e.g. { "200": 12000 }. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  total: number;
  seconds: number;
  /** Whether the machine was quiet during the run (set by bench/run.ts). */
  quiet?: Quiet;
};

export type Sample = { n: number; p50: number; p95: number; p99: number; responseBytes: number };

export type Target = {
  path: string;
  headers?: Record<string, string>;
  /** For POST targets: a fresh body for each request; return undefined when out of inputs. */
  body?: () => string | undefined;
  method?: "GET" | "POST";
  /** A fixed number of requests instead of a duration (for inputs that run out). */
  amount?: number;
};

export async function load(base: string, target: Target, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    amount: target.amount,
    timeout: 30,
    requests: [
      {
        method: target.method ?? "GET",
        path: target.path,
        headers: { ...(target.method === "POST" ? { "content-type": "application/json" } : {}), ...target.headers },
        // autocannon calls setupRequest whenever the key exists, so it is left out for GETs.
        ...(target.body && {
          setupRequest: (request: autocannon.Request) => {
            const body = target.body!();
            return body === undefined ? request : { ...request, body };
          },
        }),
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = Number((stat as { count: number | string }).count);
  return {
    requestsPerSecond: round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
    seconds: result.duration,
  };
}

/** Up to n requests one after the other (fewer past maxSeconds); the wall time of each, body read. */
export async function sample(base: string, target: Target, n: number, maxSeconds = Infinity): Promise<Sample> {
  const times: number[] = [];
  let responseBytes = 0;
  const until = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < n && (i < 10 || performance.now() < until); i++) {
    const t0 = performance.now();
    const response = await fetch(base + target.path, { headers: target.headers, redirect: "manual" });
    responseBytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
    times.push(performance.now() - t0);
  }
  return { n: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), responseBytes };
}

/** `concurrency` clients, each sending its next request when the last is answered, for `seconds`: latency percentiles over all. */
export async function concurrentSample(base: string, target: Target, concurrency: number, seconds: number): Promise<Sample & { concurrency: number }> {
  const times: number[] = [];
  let responseBytes = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const response = await fetch(base + target.path, { headers: target.headers, redirect: "manual" });
      responseBytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return {
    concurrency,
    n: times.length,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    responseBytes,
  };
}

export function percentile(xs: number[], p: number): number {
  const sorted = xs.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
