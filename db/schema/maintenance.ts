import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * When each periodic job last ran (e.g. "daily-purge"). A run claims its row with one
 * conditional upsert, so two instances never do the same day's work twice.
 */
export const maintenanceRuns = pgTable("maintenance_runs", {
  job: text("job").primaryKey(),
  lastRunAt: timestamp("last_run_at", { mode: "date", withTimezone: true }).notNull(),
});
