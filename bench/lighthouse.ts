// Lighthouse 12 through its Node API, on Debian's chromium (no browser download here).
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

type Table = { type: string; items: Record<string, unknown>[] };

/** Reads the breakdown from the audit "largest-contentful-paint-element" (a list: the element's table, then the phases' table). */
function lcpBreakdown(audits: Record<string, { numericValue?: number; details?: unknown }>): LcpBreakdown | undefined {
  const details = audits["largest-contentful-paint-element"]?.details as { items?: Table[] } | undefined;
  const [elementTable, phaseTable] = details?.items ?? [];
  const node = elementTable?.items[0]?.node as { nodeLabel?: string; snippet?: string } | undefined;
  const phase = (name: string) => Math.round(Number(phaseTable?.items.find((i) => i.phase === name)?.timing ?? 0));
  const ms = audits["largest-contentful-paint"]?.numericValue;
  if (ms === undefined) return undefined;
  return {
    ms: Math.round(ms),
    element: (node?.snippet ?? node?.nodeLabel ?? "?").slice(0, 80),
    ttfb: phase("TTFB"),
    loadDelay: phase("Load Delay"),
    loadTime: phase("Load Time"),
    renderDelay: phase("Render Delay"),
  };
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

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
