import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Fixed-window counters, kept in the database so that every app instance sees the same count. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { mode: "date", withTimezone: true }).notNull(),
  count: integer("count").notNull(),
  /** The rule's window: the daily purge deletes a row once its window has passed. */
  windowSeconds: integer("window_seconds").notNull().default(3600),
});
