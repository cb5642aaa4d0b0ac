// First-load JavaScript of a page: the <script src> files its HTML references, each fetched
// and gzipped with zlib (level 9), summed. Next 16 no longer prints these sizes after a build.
import { gzipSync } from "node:zlib";

export type PageWeight = { path: string; scripts: number; gzipBytes: number; overBaselineBytes: number };
export type WeightReport = {
  /** The scripts every measured page references (the framework and root layout chunks). */
  baseline: { scripts: number; gzipBytes: number; method: string };
  pages: PageWeight[];
};

async function scriptsOf(base: string, path: string): Promise<string[]> {
  const response = await fetch(base + path);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) sources.add(match[1]!.replaceAll("&amp;", "&"));
  return [...sources];
}

export async function pageWeights(base: string, paths: string[]): Promise<WeightReport> {
  const sizes = new Map<string, number>();
  const gzipSize = async (src: string) => {
    const known = sizes.get(src);
    if (known !== undefined) return known;
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const size = gzipSync(body, { level: 9 }).length;
    sizes.set(src, size);
    return size;
  };
  const perPage = new Map<string, string[]>();
  for (const path of paths) perPage.set(path, await scriptsOf(base, path));
  const lists = [...perPage.values()];
  const shared = lists[0]!.filter((src) => lists.every((list) => list.includes(src)));
  let baselineBytes = 0;
  for (const src of shared) baselineBytes += await gzipSize(src);
  const pages: PageWeight[] = [];
  for (const [path, scripts] of perPage) {
    let total = 0;
    for (const src of scripts) total += await gzipSize(src);
    pages.push({ path, scripts: scripts.length, gzipBytes: total, overBaselineBytes: total - baselineBytes });
  }
  return {
    baseline: {
      scripts: shared.length,
      gzipBytes: baselineBytes,
      method: "scripts referenced by every measured public page (framework runtime, React, root layout); a bare Next page loads at least these",
    },
    pages,
  };
}
