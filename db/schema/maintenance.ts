import { bigserial, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * When each periodic job last ran (e.g. "daily-purge"). A run claims its row with one
 * conditional upsert, so two instances never do the same day's work twice.
 */
export const maintenanceRuns = pgTable("maintenance_runs", {
  job: text("job").primaryKey(),
  lastRunAt: timestamp("last_run_at", { mode: "date", withTimezone: true }).notNull(),
});

/**
 * Which cache tags (Next's page and data cache) were revalidated, shared by every instance:
 * server/cache-handler.mjs writes a row when the coach changes something a cached page shows and
 * reads the rows newer than the last one it saw (by `version`), so every instance drops its copy
 * of those pages within a second. One row per tag, so the table stays as small as the site.
 */
export const cacheRevalidations = pgTable("cache_revalidations", {
  tag: text("tag").primaryKey(),
  version: bigserial("version", { mode: "number" }).notNull(),
});
