import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Every time the coach looks at a client's health data: who, what, when. The client sees it. */
export const healthDataViews = pgTable(
  "health_data_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    viewerId: text("viewer_id").references(() => users.id, { onDelete: "set null" }),
    viewerName: text("viewer_name").notNull(),
    what: text("what").notNull(),
    viewedAt: timestamp("viewed_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("health_data_views_client_idx").on(t.clientId, t.viewedAt)],
);
