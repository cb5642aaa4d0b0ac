import { eq, inArray } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, cancellationFees, type CancellationFee } from "@/db/schema";
import { drawCredit } from "@/lib/billing/packages";
import { AppError } from "@/lib/http/errors";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { isUuid } from "@/lib/sql/uuid";
import { practiceDate } from "@/lib/time/zone";
import { feeOffer, type FeeOffer, type NoFee } from "./offer";
import { acceptancesOf } from "./policy";

/*
 * Billing a fee: one click of the coach, never automatic. The fee row is unique per appointment
 * (a second click bills nothing more); it draws a package credit when the client has one left,
 * else it waits as an unbilled item for the next invoice draft (lib/billing/drafts.ts).
 */

const refusals: Record<NoFee, string> = {
  not_applicable:
    "Für diesen Termin gibt es kein Ausfallhonorar: nur für Sitzungen, die die Person kurzfristig abgesagt oder nicht wahrgenommen hat.",
  no_agreement:
    "Ohne vorher angenommene Absageregel gibt es kein Ausfallhonorar. Die Person hatte der Absageregel vor diesem Termin nicht zugestimmt.",
  in_time: "Die Absage kam rechtzeitig, so wie ihr es vereinbart habt: kein Ausfallhonorar.",
  zero: "Nach der vereinbarten Absageregel fällt hierfür kein Ausfallhonorar an (0 %).",
};

export type BilledFee = { fee: CancellationFee; created: boolean; packageId: string | null };

export async function billFee(clientId: string, appointmentId: string, db: Db = defaultDb): Promise<BilledFee> {
  if (!isUuid(appointmentId)) throw new AppError("not_found", "Diesen Termin gibt es nicht.");
  const { timeZone } = await loadPracticeSettings(db);
  return db.transaction(async (tx) => {
    const [appointment] = await tx.select().from(appointments).where(eq(appointments.id, appointmentId)).for("update");
    if (!appointment || appointment.clientId !== clientId) throw new AppError("not_found", "Diesen Termin gibt es nicht.");
    const [existing] = await tx.select().from(cancellationFees).where(eq(cancellationFees.appointmentId, appointmentId));
    if (existing) return { fee: existing, created: false, packageId: null };
    const offer = feeOffer(appointment, await acceptancesOf(clientId, tx));
    if (typeof offer === "string") throw new AppError("forbidden", refusals[offer]);
    const [fee] = await tx
      .insert(cancellationFees)
      .values({ appointmentId, kind: offer.kind, percent: offer.percent, policyId: offer.policyId })
      .onConflictDoNothing({ target: cancellationFees.appointmentId })
      .returning();
    if (!fee) {
      const [raced] = await tx.select().from(cancellationFees).where(eq(cancellationFees.appointmentId, appointmentId));
      return { fee: raced!, created: false, packageId: null };
    }
    const packageId = await drawCredit(tx, appointmentId, clientId, practiceDate(appointment.startAt, timeZone));
    return { fee, created: true, packageId };
  });
}

export type FeeState = { billed: CancellationFee } | { offer: FeeOffer } | null;

/** For the coach's list of a client's sessions: the fee billed, or the one that may be billed. */
export async function feeStatesFor(
  clientId: string,
  sessions: (Parameters<typeof feeOffer>[0] & { id: string })[],
  db: Db = defaultDb,
): Promise<Map<string, FeeState>> {
  const ids = sessions.map((s) => s.id);
  const [billed, accepted] = await Promise.all([
    ids.length ? db.select().from(cancellationFees).where(inArray(cancellationFees.appointmentId, ids)) : [],
    acceptancesOf(clientId, db),
  ]);
  const states = new Map<string, FeeState>();
  for (const s of sessions) {
    const fee = billed.find((b) => b.appointmentId === s.id);
    const offer = fee ? null : feeOffer(s, accepted);
    states.set(s.id, fee ? { billed: fee } : offer && typeof offer !== "string" ? { offer } : null);
  }
  return states;
}

/** A client's fees, for their export: what was billed for which appointment, under which version. */
export async function feesOf(clientId: string, db: Db = defaultDb) {
  return db
    .select({
      appointmentId: cancellationFees.appointmentId,
      kind: cancellationFees.kind,
      percent: cancellationFees.percent,
      policyId: cancellationFees.policyId,
      createdAt: cancellationFees.createdAt,
    })
    .from(cancellationFees)
    .innerJoin(appointments, eq(appointments.id, cancellationFees.appointmentId))
    .where(eq(appointments.clientId, clientId))
    .orderBy(cancellationFees.createdAt);
}
