import { and, asc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { images, imageVariants } from "@/db/schema";
import { isUuid } from "@/lib/sql/uuid";
import type { ImageInfo } from "./paths";
import type { ProcessedImage } from "./pipeline";

/** Stores an image with all its variants in one transaction. */
export async function saveImage(image: ProcessedImage, db: Db = defaultDb): Promise<ImageInfo> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(images).values({ width: image.width, height: image.height }).returning({ id: images.id });
    await tx.insert(imageVariants).values(image.variants.map((v) => ({ imageId: row!.id, ...v })));
    return { id: row!.id, width: image.width, height: image.height, widths: image.variants.map((v) => v.width) };
  });
}

/** The bytes of one variant, or null for an unknown image or width. */
export async function imageVariant(id: string, width: number, db: Db = defaultDb): Promise<Uint8Array | null> {
  if (!isUuid(id) || !Number.isSafeInteger(width)) return null;
  const [row] = await db
    .select({ data: imageVariants.data })
    .from(imageVariants)
    .where(and(eq(imageVariants.imageId, id), eq(imageVariants.width, width)));
  return row ? new Uint8Array(row.data) : null;
}

/** Size and widths of the given images (unknown ids are left out). */
export async function imageInfos(ids: string[], db: Db = defaultDb): Promise<ImageInfo[]> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ id: images.id, width: images.width, height: images.height, variant: imageVariants.width })
    .from(images)
    .innerJoin(imageVariants, eq(imageVariants.imageId, images.id))
    .where(inArray(images.id, wanted))
    .orderBy(asc(imageVariants.width));
  const byId = new Map<string, ImageInfo>();
  for (const r of rows) {
    const info = byId.get(r.id) ?? { id: r.id, width: r.width, height: r.height, widths: [] };
    info.widths.push(r.variant);
    byId.set(r.id, info);
  }
  return [...byId.values()];
}
