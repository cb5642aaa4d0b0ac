// Issue 13 item 6: when a cached page is out of date, decided by one rule on every instance
// (server/cache-handler.mjs). Each case is run against Next's own file-system cache as well, to show
// the failure the handler exists for: the coach's change is saved, and the next visitor still gets
// the page from before it.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

const require = createRequire(import.meta.url);
type Handler = {
  get(key: string, ctx: object): Promise<{ value: { html?: string } | null } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string[]): Promise<void>;
};
type HandlerClass = new (ctx: object) => Handler;
const NextFileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default as HandlerClass;

let database: TestDatabase | undefined;
let Shared: HandlerClass;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase("postgres");
    process.env.DATABASE_URL = database.url;
  }
  Shared = (await import("../../server/cache-handler.mjs")).default as HandlerClass;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await database?.drop();
});
afterEach(() => vi.restoreAllMocks());

/** A cache in memory only: an empty disk, nothing written there. */
const notFound = () => Object.assign(new Error("not found"), { code: "ENOENT" });
const emptyDisk = {
  existsSync: () => false,
  readFile: () => Promise.reject(notFound()),
  stat: () => Promise.reject(notFound()),
  readFileSync: () => {
    throw notFound();
  },
};
const make = (Kind: HandlerClass) =>
  new Kind({ fs: emptyDisk, serverDistDir: "/nonexistent", flushToDisk: false, maxMemoryCacheSize: 10_000_000, revalidatedTags: [] });

let n = 0;
/** A fresh page key with its own path tag, as Next stores an article page. */
function page() {
  n += 1;
  const path = `/artikel/seite-${n}-${Math.random().toString(36).slice(2)}`;
  const key = `/route-cache/APP_PAGE/test/$${path}`;
  const tag = `_N_T_${path}`;
  const value = (html: string) => ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(html),
    headers: { "x-next-cache-tags": `_N_T_/layout,${tag}` },
    status: 200,
  });
  return { key, tag, value };
}
const ctx = { kind: "APP_PAGE", isFallback: false, isRoutePPREnabled: false };
const setCtx = { cacheControl: { revalidate: 300, expire: undefined }, isRoutePPREnabled: false, isFallback: false };

/** Date.now() under the test's control, one millisecond a step unless told otherwise. */
function clock(start: number) {
  let now = start;
  vi.spyOn(Date, "now").mockImplementation(() => now);
  return { tick: (ms = 1) => (now += ms) };
}

const html = async (cache: Handler, key: string) => (await cache.get(key, ctx))?.value?.html ?? null;

describe.each([
  ["Next's own cache", () => NextFileSystemCache, false],
  ["the shared-revalidation handler", () => Shared, true],
] as const)("%s", (_name, kind, isOurs) => {
  test("a page whose render began before the coach's change is not served after it", async () => {
    const cache = make(kind());
    const { key, tag, value } = page();
    const time = clock(Date.now());
    expect(await html(cache, key)).toBeNull(); // a visitor's request: the render begins
    time.tick();
    await cache.revalidateTag([tag]); // the coach saves while it runs
    time.tick();
    await cache.set(key, value("before the change"), setCtx); // the render, from the data before, is stored
    time.tick();
    expect(await html(cache, key)).toBe(isOurs ? null : "before the change");
  });

  test("right after the coach's change, with the wall clock 5 s ahead of the process's performance clock", async () => {
    const cache = make(kind());
    const { key, tag, value } = page();
    await cache.set(key, value("before the change"), setCtx);
    expect(await html(cache, key)).toBe("before the change");
    // The wall clock was stepped forward after the process started (NTP, a paused VM).
    const ahead = performance.timeOrigin + performance.now() + 5_000;
    const time = clock(ahead);
    await cache.revalidateTag([tag]);
    time.tick(50);
    expect(await html(cache, key)).toBe(isOurs ? null : "before the change");
  });
});

describe("what the build made (it has no database)", () => {
  /** A served instance over a build folder whose prerender manifest, its last file, was written at `finished`. */
  function servedAfterBuild(finished: Date) {
    const dist = mkdtempSync(path.join(os.tmpdir(), "praxis-build-"));
    mkdirSync(path.join(dist, "server"));
    writeFileSync(path.join(dist, "prerender-manifest.json"), "{}");
    utimesSync(path.join(dist, "prerender-manifest.json"), finished, finished);
    return new Shared({
      fs: emptyDisk,
      serverDistDir: path.join(dist, "server"),
      flushToDisk: false,
      maxMemoryCacheSize: 10_000_000,
      revalidatedTags: [],
    });
  }

  test("a page the build rendered is never served: the first request renders it from the database", async () => {
    const cache = servedAfterBuild(new Date(Date.now() + 60_000));
    const { key, value } = page();
    await cache.set(key, value("the build's fallback content"), setCtx); // stored before the build finished
    expect(await html(cache, key)).toBeNull();
  });

  test("a page rendered after the build is served", async () => {
    const cache = servedAfterBuild(new Date(Date.now() - 60_000));
    const { key, value } = page();
    await cache.set(key, value("from the database"), setCtx);
    expect(await html(cache, key)).toBe("from the database");
  });
});

test("a not-found page (an address anyone can make up) is not kept", async () => {
  const cache = make(Shared);
  const { key, value } = page();
  await cache.set(key, { ...value("Diese Seite gibt es nicht"), status: 404 }, setCtx);
  expect(await html(cache, key)).toBeNull();
  await cache.set(key, value("the article"), setCtx);
  expect(await html(cache, key)).toBe("the article");
});

describe.runIf(process.env.TEST_DATABASE_URL)("across instances (PostgreSQL)", () => {
  test("a revalidation another instance wrote is followed within a second", async () => {
    const cache = make(Shared);
    const { key, tag, value } = page();
    const time = clock(Date.now() + 60_000);
    await cache.set(key, value("before the change"), setCtx);
    time.tick(1_001);
    expect(await html(cache, key)).toBe("before the change");
    // Another instance's revalidation, as its handler writes it.
    await database!.db.execute(sql`insert into cache_revalidations (tag) values (${tag})
      on conflict (tag) do update set version = nextval(pg_get_serial_sequence('cache_revalidations', 'version'))`);
    time.tick(1_001);
    expect(await html(cache, key)).toBeNull();
    // Rendered again after that, it is served.
    time.tick();
    await cache.set(key, value("after the change"), setCtx);
    time.tick(1_001);
    expect(await html(cache, key)).toBe("after the change");
  });

  test("its own revalidations are written for the other instances", async () => {
    const cache = make(Shared);
    const { tag } = page();
    await cache.revalidateTag([tag]);
    const rows = (await database!.db.execute(sql`select tag from cache_revalidations where tag = ${tag}`)) as unknown as { tag: string }[];
    expect(rows.map((r) => r.tag)).toEqual([tag]);
  });
});
