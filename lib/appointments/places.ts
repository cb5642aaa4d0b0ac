import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, type Appointment } from "@/db/schema";
import { placeSchemaFor } from "@/lib/booking/places";
import { AppError } from "@/lib/http/errors";
import { announcePlaceChanged } from "@/lib/notifications/events";

/**
 * The coach sets where one consultation takes place (a video link, a note, an address; empty =
 * the channel's default again). Before confirmation the confirmation email will carry it; once
 * confirmed, a change raises the sequence and the visitor gets one update with the invitation
 * (same UID), in the same transaction.
 */
export async function setConsultationPlace(
  id: string,
  input: string,
  { origin }: { origin: string },
  db: Db = defaultDb,
): Promise<{ appointment: Appointment; announced: boolean }> {
  const [current] = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.kind, "consultation"),
        inArray(appointments.status, ["pending", "confirmed"]),
        gt(appointments.startAt, sql`now()`),
      ),
    );
  if (!current) throw new AppError("not_found", "Dieses Erstgespräch ist schon abgesagt oder vorbei.");
  const parsed = placeSchemaFor(current.channel).safeParse(input);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "Bitte prüfe den Ort.", { field: "location" });
  const location = parsed.data;
  if ((current.location ?? null) === location) return { appointment: current, announced: false };
  return db.transaction(async (tx) => {
    const confirmed = current.status === "confirmed";
    const [row] = await tx
      .update(appointments)
      .set({ location, updatedAt: sql`now()`, ...(confirmed ? { sequence: sql`${appointments.sequence} + 1` } : {}) })
      .where(and(eq(appointments.id, id), eq(appointments.status, current.status)))
      .returning();
    if (!row) throw new AppError("not_found", "Dieses Erstgespräch hat sich gerade geändert. Bitte lade die Seite neu.");
    if (confirmed) await announcePlaceChanged(tx, row, { origin });
    return { appointment: row, announced: confirmed };
  });
}
