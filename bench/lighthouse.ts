// Lighthouse 13 through its Node API, on Debian's chromium (no browser download here).
// Default (mobile, simulated throttling) settings, the four scored categories only.
//
// One run of a page is not a figure: the simulated LCP and TBT scale what the unthrottled run took
// on this machine's CPU, and on a 2-core virtual machine that varies by half from one run to the
// next (Lighthouse's own CPU benchmark read 1,650 to 2,600 within minutes; the bare Next page
// scored 94 to 99). So each page runs several times, in rounds over all pages (a slow minute of the
// machine falls on every page alike, not on one page's runs), each round in a fresh Chrome after one
// warm-up run that counts nothing (its first navigation pays its start-up), and the figure is the median
// run as Lighthouse defines it (computeMedianRun, "Lighthouse variability" in its docs), with the
// range of the performance scores beside it.
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from "../scripts/chromium";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type RunnerResult } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

/** Largest Contentful Paint, its element and its four phases (Lighthouse's own breakdown, in ms). */
export type LcpBreakdown = { ms: number; element: string; ttfb: number; loadDelay: number; loadTime: number; renderDelay: number };
export type LighthouseScores = {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  failed?: string[];
  lcp?: LcpBreakdown;
  /** The performance score of every run, lowest first (the median run's is `performance`). */
  performanceRuns?: number[];
};

export type LighthousePage = { label: string; url: string };

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

type Details = { type: string; items?: Record<string, unknown>[] };

/**
 * Reads the breakdown from the insight "lcp-breakdown-insight" (a list: the subparts' table, then
 * the element). Its subparts are what the trace observed, unthrottled: time to first byte, then
 * for an image the resource's load delay and load time, then the element's render delay. The LCP
 * figure beside them is the simulated one the score uses.
 */
function lcpBreakdown(audits: Record<string, { numericValue?: number; details?: unknown }>): LcpBreakdown | undefined {
  const ms = audits["largest-contentful-paint"]?.numericValue;
  if (ms === undefined) return undefined;
  const parts = (audits["lcp-breakdown-insight"]?.details as { items?: Details[] } | undefined)?.items ?? [];
  const table = parts.find((p) => p.type === "table")?.items ?? [];
  const node = parts.find((p) => p.type === "node") as { snippet?: string; nodeLabel?: string } | undefined;
  const part = (name: string) => Math.round(Number(table.find((i) => i.subpart === name)?.duration ?? 0));
  return {
    ms: Math.round(ms),
    element: `${node?.snippet ?? "?"} ${node?.nodeLabel ?? ""}`.slice(0, 90),
    ttfb: part("timeToFirstByte"),
    loadDelay: part("resourceLoadDelay"),
    loadTime: part("resourceLoadDuration"),
    renderDelay: part("elementRenderDelay"),
  };
}

type Lhr = RunnerResult["lhr"];

function scores(label: string, lhr: Lhr): LighthouseScores {
  const c = lhr.categories;
  const score = (id: string) => Math.round((c[id]?.score ?? 0) * 100);
  // The audits that cost points, so a score below the goal says why.
  const failed = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric" || a.scoreDisplayMode === "metricSavings"))
    .filter((a) => CATEGORIES.some((id) => c[id]?.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0)))
    .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)})`);
  return {
    path: label,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    failed,
    lcp: lcpBreakdown(lhr.audits),
  };
}

/** Each page `runs` times (in rounds over all pages, after one warm-up), reported by its median run. */
export async function runLighthouse(pages: LighthousePage[], runs: number): Promise<LighthouseScores[]> {
  const results = pages.map((page) => ({ page, lhrs: [] as Lhr[] }));
  // A fresh Chrome for each round, as Lighthouse's own CLI starts one per run: one Chrome for all
  // forty runs once died in the middle (ECONNREFUSED on its port), which lost the whole report.
  for (let round = 0; round < runs; round++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? SYSTEM_CHROMIUM,
      chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
    });
    const once = async (url: string) => {
      const run = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      return run.lhr;
    };
    try {
      if (pages[0]) await once(pages[0].url);
      for (const { page, lhrs } of results) lhrs.push(await once(page.url));
    } finally {
      await chrome.kill();
    }
  }
  return results.map(({ page, lhrs }) => ({
    ...scores(page.label, computeMedianRun(lhrs)),
    performanceRuns: lhrs.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100)).sort((a, b) => a - b),
  }));
}
