// Lighthouse 13 through its Node API, on Debian's chromium (no browser download here).
// Default (mobile, simulated throttling) settings, the four scored categories only.
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from "../scripts/chromium";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

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
};

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

export async function runLighthouse(base: string, paths: string[]): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? SYSTEM_CHROMIUM,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    const results: LighthouseScores[] = [];
    for (const path of paths) {
      const run = await lighthouse(base + path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      const c = run.lhr.categories;
      const score = (id: string) => Math.round((c[id]?.score ?? 0) * 100);
      // The audits that cost points, so a score below the goal says why.
      const failed = Object.values(run.lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric" || a.scoreDisplayMode === "metricSavings"))
        .filter((a) => CATEGORIES.some((id) => c[id]?.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0)))
        .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)})`);
      results.push({
        path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        failed,
        lcp: lcpBreakdown(run.lhr.audits),
      });
    }
    return results;
  } finally {
    await chrome.kill();
  }
}
