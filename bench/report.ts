// Turns bench/results.json into the terminal table and the README's "Benchmark" section.
//   npx tsx bench/report.ts   rewrites the README section from the last results
import { readFileSync, writeFileSync } from "node:fs";
import type { LighthouseScores } from "./lighthouse";
import type { LoadResult, Sample } from "./load";
import type { WeightReport } from "./weight";

export type CeilingKind = "static" | "query" | "bareNext" | "plainHttp";

export type TargetResult = {
  name: string;
  path: string;
  ceiling: "static" | "query" | null;
  load: LoadResult;
  sequential?: Sample;
  /** Latency with a few clients at once (each waits for its answer): the dashboard under 10 connections. */
  concurrent?: Sample & { concurrency: number };
  /** requests/s divided by the fitting ceiling's requests/s (mean of its runs before and after). */
  ratio?: number;
  /** A page's requests/s against the bare Next app's static page and against node:http (bench/ceilings.ts). */
  trueRatios?: { bareNext: number; plainHttp: number };
  note?: string;
};

export type Goal = { goal: string; met: boolean | null; detail: string };

export type Results = {
  date: string;
  machine: { cpu: string; cores: number; ramGb: number; node: string; postgres: string; loadBefore: number[]; loadAfter: number[] };
  settings: { seconds: number; connections: number; warmupSeconds: number; samples: number };
  volume: Record<string, number>;
  ceilings: Record<CeilingKind, { name: string; path: string; runs: LoadResult[]; requestsPerSecond: number }>;
  targets: TargetResult[];
  weights?: WeightReport;
  lighthouse?: LighthouseScores[] | { error: string };
  goals: Goal[];
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits));

/** The mark of figures taken while the machine was not quiet (bench/quiet.ts). */
function notComparable(runs: LoadResult[]): string {
  const loud = runs.filter((x) => x.quiet && !x.quiet.comparable);
  return loud.length ? `; **not comparable**: ${loud.map((x) => x.quiet!.reason).join("; ")}` : "";
}

export function markdown(r: Results): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(
    `Measured ${r.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.postgres}; ` +
      `load average ${m.loadBefore.map((x) => x.toFixed(1)).join(" / ")} before, ${m.loadAfter.map((x) => x.toFixed(1)).join(" / ")} after ` +
      `(the load generator shares the machine). autocannon ${r.settings.connections} connections, ${r.settings.seconds} s per target after ${r.settings.warmupSeconds} s warm-up; ` +
      `one-at-a-time p50/p95 from up to ${r.settings.samples} sequential requests (n) on an idle server, before the load run.`,
  );
  lines.push("");
  lines.push(
    "| target | req/s | p50 ms | p99 ms | one at a time p50 / p95 ms (n) | response | ratio to ceiling | vs bare Next / node:http | statuses |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const [kind, c] of Object.entries(r.ceilings)) {
    const last = c.runs[c.runs.length - 1]!;
    lines.push(
      `| **ceiling (${kind})**: ${c.name} \`${c.path}\` | ${fmt(c.requestsPerSecond)} (${c.runs.map((x) => fmt(x.requestsPerSecond)).join(", ")}) | ${fmt(last.p50)} | ${fmt(last.p99)} | | | 1.00 | | ${statuses(last)}${notComparable(c.runs)} |`,
    );
  }
  for (const t of r.targets) {
    lines.push(
      `| ${t.name} \`${t.path}\` | ${fmt(t.load.requestsPerSecond)} | ${fmt(t.load.p50)} | ${fmt(t.load.p99)} | ${t.sequential ? `${fmt(t.sequential.p50, 1)} / ${fmt(t.sequential.p95, 1)} (${t.sequential.n})` : "–"} | ${t.sequential ? kb(t.sequential.responseBytes) : "–"} | ${t.ratio === undefined ? "–" : `${t.ratio.toFixed(2)} (${t.ceiling})`} | ${t.trueRatios ? `${t.trueRatios.bareNext.toFixed(2)} / ${t.trueRatios.plainHttp.toFixed(2)}` : "–"} | ${statuses(t.load)}${t.note ? `; ${t.note}` : ""}${notComparable([t.load])} |`,
    );
  }
  const concurrent = r.targets.filter((t) => t.concurrent);
  if (concurrent.length) {
    lines.push("");
    lines.push("| target, clients at once (each waits for its answer) | n | p50 ms | p95 ms | p99 ms |");
    lines.push("|---|---:|---:|---:|---:|");
    for (const t of concurrent)
      lines.push(`| ${t.name}, ${t.concurrent!.concurrency} at once | ${t.concurrent!.n} | ${fmt(t.concurrent!.p50, 1)} | ${fmt(t.concurrent!.p95, 1)} | ${fmt(t.concurrent!.p99, 1)} |`);
  }
  if (r.weights) {
    lines.push("");
    lines.push(`First-load JavaScript (gzip level 9 of every \`<script src>\` in the HTML). Baseline ${kb(r.weights.baseline.gzipBytes)} in ${r.weights.baseline.scripts} files: ${r.weights.baseline.method}.`);
    lines.push("");
    lines.push("| page | scripts | gzip | over baseline |");
    lines.push("|---|---:|---:|---:|");
    for (const p of r.weights.pages) lines.push(`| \`${p.path}\` | ${p.scripts} | ${kb(p.gzipBytes)} | ${kb(p.overBaselineBytes)} |`);
  }
  if (r.lighthouse) {
    lines.push("");
    if ("error" in r.lighthouse) lines.push(`Lighthouse did not run: ${r.lighthouse.error}`);
    else {
      lines.push(
        "| Lighthouse 13 (mobile), median run | performance (all runs) | accessibility | best practices | SEO | LCP ms: TTFB / load delay / load time / render delay | LCP element |",
      );
      lines.push("|---|---:|---:|---:|---:|---|---|");
      for (const s of r.lighthouse) {
        const l = s.lcp;
        const lcp = l ? `${l.ms}: ${l.ttfb} / ${l.loadDelay} / ${l.loadTime} / ${l.renderDelay}` : "–";
        const element = l ? `\`${l.element.replace(/\|/g, "\\|")}\`` : "–";
        const runs = s.performanceRuns && s.performanceRuns.length > 1 ? ` (${s.performanceRuns.join(", ")})` : "";
        lines.push(`| \`${s.path}\` | ${s.performance}${runs} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${lcp} | ${element} |`);
      }
    }
  }
  lines.push("");
  lines.push("| goal | met | figure |");
  lines.push("|---|---|---|");
  for (const g of r.goals) lines.push(`| ${g.goal} | ${g.met === null ? "not measured" : g.met ? "yes" : "**no**"} | ${g.detail} |`);
  return lines.join("\n");
}

function statuses(l: LoadResult) {
  const parts = Object.entries(l.statuses).map(([code, n]) => `${code}: ${n}`);
  if (l.errors) parts.push(`errors: ${l.errors}`);
  if (l.timeouts) parts.push(`timeouts: ${l.timeouts}`);
  return parts.join(", ");
}

const START = "<!-- bench:start (written by bench/report.ts from bench/results.json) -->";
const END = "<!-- bench:end -->";

/** Replaces the text between the markers in the README's "Benchmark" section. */
export function writeReadme(r: Results, readmePath = "README.md") {
  const readme = readFileSync(readmePath, "utf8");
  const block = `${START}\n${markdown(r)}\n${END}`;
  const at = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (at === -1 || end === -1) throw new Error(`${readmePath} has no bench markers`);
  writeFileSync(readmePath, readme.slice(0, at) + block + readme.slice(end + END.length));
}

if (process.argv[1]?.endsWith("report.ts")) {
  const results = JSON.parse(readFileSync("bench/results.json", "utf8")) as Results;
  writeReadme(results);
  console.log(markdown(results));
}
