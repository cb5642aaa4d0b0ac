import { sql } from "drizzle-orm";
import { check, customType, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";

/** Raw bytes: postgres.js answers a Buffer, PGlite a Uint8Array; both take either. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * An image the coach uploaded for an article (lib/images): decoded and re-encoded, so nothing of
 * the original file (its EXIF, its GPS position) is kept. Its size is that of its largest variant.
 * Held in the database, so every instance serves it and every backup holds it.
 */
export const images = pgTable(
  "images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("images_size", sql`${t.width} > 0 and ${t.height} > 0`)],
);
export type Image = typeof images.$inferSelect;

/** One width of an image as WebP, served at /bilder/<id>/<width>.webp. */
export const imageVariants = pgTable(
  "image_variants",
  {
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width] }), check("image_variants_size", sql`${t.width} > 0 and ${t.height} > 0`)],
);
