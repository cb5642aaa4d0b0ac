/**
 * Next's page and data cache (next.config.ts `cacheHandler`): Next's own file-system cache, with one
 * rule added for when a cached entry is out of date, so that every instance follows it.
 *
 * Why: `revalidatePath`/`updateTag` reach only the instance that called them, and Next decides
 * "revalidated after this entry was made" by comparing `Date.now()` of the revalidation with the
 * performance clock (`performance.timeOrigin + performance.now()`), which drift apart when the wall
 * clock is stepped: right after a change, a page rendered before it could still be served.
 *
 * The rule, with no clock at all: this process numbers what it learns in order (`step()`), so
 * "before" and "after" cannot be confused by a stepped clock or two events in one millisecond.
 * - an entry counts as rendered when this instance decided to render it (the miss or the stale hit
 *   that started the render), not when the render finished: a change that lands during a render
 *   expires its result; an entry this process did not render (read from disk) counts as older than
 *   anything it has learned;
 * - a tag counts as revalidated when this instance revalidated it, or when it read another
 *   instance's revalidation from `cache_revalidations` (checked at most once a second, and never
 *   holding a request longer than 200 ms; with the database away, what this instance knows applies);
 * - an entry is dropped (a blocking render) when one of its tags was revalidated after it was rendered.
 * Without DATABASE_URL (the embedded database: one process) and during the build nothing is shared.
 *
 * And one rule for what the build made: the build has no database, so a page it prerendered (and any
 * cached read it made) holds fallback content. A served instance never uses such an entry: it
 * counts as missing, and the first request renders the page from the database (see builtAt()).
 *
 * It extends Next's internal FileSystemCache of the exact version in package.json (STACK.md).
 */
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import postgres from "postgres";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

const TAGS_HEADER = "x-next-cache-tags";
const SYNC_EVERY_MS = 1000;
const SYNC_WAIT_MS = 200;

let steps = 0;
/** The next number in this process's order of events. */
const step = () => ++steps;
/** tag → the step at which this instance learned it was revalidated */
const revalidatedAt = new Map();
/** cache key → the step at which this instance decided to render it again (until the render is stored) */
const renderPending = new Map();
/** cache key → the step at which the render that made the stored entry was decided */
const renderedAt = new Map();

let sql;
function database() {
  // The build renders with no database to share with; the served instances share through it.
  if (!process.env.DATABASE_URL || process.env.NEXT_PHASE === "phase-production-build") return null;
  sql ??= postgres(process.env.DATABASE_URL, {
    max: 1,
    idle_timeout: 30,
    connect_timeout: 2,
    backoff: 0,
    onnotice: () => {},
  });
  return sql;
}

let seenVersion = 0;
let lastSync = 0;
let syncing = null;
let warned = false;

async function readSharedRevalidations() {
  const db = database();
  if (!db) return;
  const rows = await db`select tag, version from cache_revalidations where version > ${seenVersion} order by version`;
  const learnedAt = step();
  for (const row of rows) {
    revalidatedAt.set(row.tag, learnedAt);
    seenVersion = Math.max(seenVersion, Number(row.version));
  }
}

/** Learns other instances' revalidations: at most once a second, waiting at most SYNC_WAIT_MS. */
function syncShared() {
  if (!database()) return undefined;
  if (!syncing && Date.now() - lastSync >= SYNC_EVERY_MS) {
    lastSync = Date.now();
    syncing = readSharedRevalidations()
      .then(() => {
        warned = false;
      })
      .catch((error) => {
        if (!warned) console.warn("cache: could not read shared revalidations:", error.message);
        warned = true;
      })
      .finally(() => {
        syncing = null;
      });
  }
  if (!syncing) return undefined;
  return Promise.race([syncing, new Promise((resolve) => setTimeout(resolve, SYNC_WAIT_MS).unref())]);
}

function tagsOf(data, ctx) {
  const value = data.value;
  if (value?.kind === "FETCH") return [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" ? header.split(",") : [];
}

/** serverDistDir → when its build finished (null: no build there) */
const buildFinishedAt = new Map();
/**
 * When the build finished: the prerender manifest is the last file it writes, after every page it
 * prerendered. Null during the build itself and where there is no build (next dev).
 */
function builtAt(serverDistDir) {
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  if (!buildFinishedAt.has(serverDistDir)) {
    let at = null;
    try {
      // Never later than now: a manifest dated in the future (a build machine's clock ahead) would
      // otherwise make every entry this server renders count as the build's.
      at = Math.min(statSync(path.join(serverDistDir, "..", "prerender-manifest.json")).mtimeMs, Date.now());
    } catch {
      // no build in that folder
    }
    buildFinishedAt.set(serverDistDir, at);
  }
  return buildFinishedAt.get(serverDistDir);
}

function markRender(key) {
  if (!renderPending.has(key)) renderPending.set(key, step());
}

export default class SharedRevalidationCache extends FileSystemCache {
  async get(key, ctx) {
    await syncShared();
    const data = await super.get(key, ctx);
    if (!data?.value) {
      markRender(key);
      return data;
    }
    const built = builtAt(this.serverDistDir);
    if (built !== null && data.lastModified <= built) {
      markRender(key);
      return null;
    }
    const rendered = renderedAt.get(key) ?? 0;
    if (tagsOf(data, ctx).some((tag) => (revalidatedAt.get(tag) ?? -1) > rendered)) {
      markRender(key);
      return null;
    }
    // Past its lifetime, Next serves it once more and renders it again in the background.
    const lifetime = data.cacheControl?.revalidate;
    if (typeof lifetime === "number" && data.lastModified + lifetime * 1000 < Date.now()) markRender(key);
    return data;
  }

  async set(key, data, ctx) {
    // A page that is not there (an article address anyone can make up) is not kept: each would
    // add files on disk and entries here, without bound.
    if (data?.kind === "APP_PAGE" && data.status === 404) {
      renderPending.delete(key);
      renderedAt.delete(key);
      return;
    }
    renderedAt.set(key, renderPending.get(key) ?? step());
    renderPending.delete(key);
    return super.set(key, data, ctx);
  }

  async revalidateTag(tags, durations) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    const at = step();
    for (const tag of list) revalidatedAt.set(tag, at);
    await super.revalidateTag(list, durations);
    const db = database();
    if (!db || list.length === 0) return;
    try {
      await db`insert into cache_revalidations ${db(list.map((tag) => ({ tag })))}
        on conflict (tag) do update set version = nextval(pg_get_serial_sequence('cache_revalidations', 'version'))`;
    } catch (error) {
      console.warn("cache: could not share a revalidation:", error.message);
    }
  }
}
