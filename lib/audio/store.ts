import { createHash } from "node:crypto";
import { and, eq, exists, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { audioFiles, exercises } from "@/db/schema";
import { openToClient } from "@/lib/practice/visibility";
import { isUuid } from "@/lib/sql/uuid";
import type { AudioType } from "./detect";

export type StoredAudio = { id: string; contentType: AudioType; byteSize: number };

/** Stores the bytes of a checked recording; the coach who uploaded it owns it. */
export async function saveAudio(bytes: Uint8Array, contentType: AudioType, uploadedBy: string, db: Db = defaultDb): Promise<StoredAudio> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const [row] = await db
    .insert(audioFiles)
    .values({ contentType, byteSize: bytes.byteLength, sha256, data: bytes, uploadedBy })
    .returning({ id: audioFiles.id });
  return { id: row!.id, contentType, byteSize: bytes.byteLength };
}

export async function audioExists(id: string, db: Db = defaultDb): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [row] = await db.select({ id: audioFiles.id }).from(audioFiles).where(eq(audioFiles.id, id));
  return Boolean(row);
}

export type AudioMeta = { id: string; contentType: string; sha256: string; byteSize: number };

/**
 * A recording for `viewer`, without its bytes: the coach hears every one; a client those of an
 * exercise they may open (the library's, or their own homework: openToClient). Null for anything else.
 */
export async function audioFor(
  id: string,
  viewer: { id: string; role: "client" | "coach" },
  db: Db = defaultDb,
): Promise<AudioMeta | null> {
  if (!isUuid(id)) return null;
  const open = exists(
    db
      .select({ id: exercises.id })
      .from(exercises)
      .where(and(eq(exercises.audioId, audioFiles.id), openToClient(db, viewer.id))),
  );
  const [row] = await db
    .select({ id: audioFiles.id, contentType: audioFiles.contentType, sha256: audioFiles.sha256, byteSize: audioFiles.byteSize })
    .from(audioFiles)
    .where(viewer.role === "coach" ? eq(audioFiles.id, id) : and(eq(audioFiles.id, id), open));
  return row ?? null;
}

/**
 * Bytes `start` to `end` (inclusive, 0-based) of a recording, cut out by PostgreSQL: a phone's many
 * small Range requests never read the whole file (up to 30 MB) into the server's memory.
 */
export async function audioBytes(id: string, start: number, end: number, db: Db = defaultDb): Promise<Uint8Array> {
  const [row] = await db
    .select({ part: sql<Uint8Array>`substring(${audioFiles.data} from ${start + 1} for ${end - start + 1})` })
    .from(audioFiles)
    .where(eq(audioFiles.id, id));
  return row ? new Uint8Array(row.part) : new Uint8Array(0);
}
