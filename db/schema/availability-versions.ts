import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable } from "drizzle-orm/pg-core";

/**
 * One row, counting every committed change to what the free slots are made of (hours, overrides,
 * appointments, calendar busy times, the practice zone). Triggers bump it (migration
 * 0026_slots_version_triggers), so no writer can forget; /api/slots reads only this number and
 * answers from its cache while it is unchanged. It starts at the database's creation time in ms,
 * so a recreated database never repeats a number an instance has cached under.
 */
export const availabilityVersions = pgTable(
  "availability_versions",
  {
    id: integer("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("availability_versions_one_row", sql`${t.id} = 1`)],
);
