// Lighthouse 12 through its Node API, on Debian's chromium (no browser download here).
// Default (mobile, simulated throttling) settings, the four scored categories only.
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from "../scripts/chromium";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type LighthouseScores = { path: string; performance: number; accessibility: number; bestPractices: number; seo: number; failed?: string[] };

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
      });
    }
    return results;
  } finally {
    await chrome.kill();
  }
}
