import { and, asc, eq, inArray, isNotNull, notExists, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import {
  appointments,
  billingAddresses,
  billingClaims,
  cancellationFees,
  invoiceLines,
  invoices,
  packageCredits,
  practiceSettings,
  sessionPackages,
  sessionTypes,
  users,
} from "@/db/schema";
import { feeCents, feeDescription } from "@/lib/cancellation-policy/offer";
import { AppError } from "@/lib/http/errors";
import { practiceDate } from "@/lib/time/zone";

/*
 * Drafts: what the coach reviews before issuing. A draft is made from a client's unbilled
 * sessions or from one package; its lines carry the price of the moment. Nothing is claimed
 * yet: issuing claims (lib/billing/issue.ts), so two drafts of one session are harmless and the
 * second to be issued is refused. A late cancellation or no-show fee the coach billed
 * (lib/cancellation-policy) is an item like a session: its appointment is claimed the same way.
 */

export type UnbilledSession = {
  id: string;
  startAt: Date;
  durationMinutes: number;
  /** What the line bills: the session's price, or for a fee its percent of that price. */
  priceCents: number;
  typeName: string | null;
  /** A billed late cancellation or no-show, else null (a held session). */
  fee: { kind: "late" | "no_show"; percent: number } | null;
};

/** Completed sessions and billed fees of a client that no issued invoice and no package credit covers. */
export async function unbilledSessions(clientId: string, db: Db = defaultDb): Promise<UnbilledSession[]> {
  const rows = await db
    .select({
      id: appointments.id,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      priceCents: sql<number>`coalesce(${sessionTypes.priceCents}, 0)`,
      typeName: sessionTypes.name,
      feeKind: cancellationFees.kind,
      feePercent: cancellationFees.percent,
    })
    .from(appointments)
    .leftJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
    .leftJoin(cancellationFees, eq(cancellationFees.appointmentId, appointments.id))
    .where(
      and(
        eq(appointments.clientId, clientId),
        eq(appointments.kind, "session"),
        or(
          eq(appointments.status, "completed"),
          and(inArray(appointments.status, ["cancelled", "no_show"]), isNotNull(cancellationFees.appointmentId)),
        ),
        notExists(
          db
            .select({ x: sql`1` })
            .from(billingClaims)
            .where(eq(billingClaims.appointmentId, appointments.id)),
        ),
        notExists(
          db
            .select({ x: sql`1` })
            .from(packageCredits)
            .where(eq(packageCredits.appointmentId, appointments.id)),
        ),
      ),
    )
    .orderBy(asc(appointments.startAt));
  return rows.map((r) => {
    const fee = r.feeKind && r.feePercent !== null ? { kind: r.feeKind, percent: r.feePercent } : null;
    return {
      id: r.id,
      startAt: r.startAt,
      durationMinutes: Math.round((r.endAt.getTime() - r.startAt.getTime()) / 60_000),
      priceCents: fee ? feeCents(Number(r.priceCents), fee.percent) : Number(r.priceCents),
      typeName: r.typeName,
      fee,
    };
  });
}

/** The line's wording: a session, or a fee with its date in the practice zone. */
export function itemDescription(item: UnbilledSession, timeZone: string): string {
  return item.fee
    ? feeDescription(item.fee.kind, item.fee.percent, practiceDate(item.startAt, timeZone))
    : sessionDescription(item.durationMinutes);
}

/** The one wording of a session on an invoice: what was done and how long, no health terms. */
export function sessionDescription(durationMinutes: number): string {
  return `Coaching-Sitzung (${durationMinutes} Minuten)`;
}

async function clientWithAddress(clientId: string, db: Db) {
  const [row] = await db
    .select({ id: users.id, address: billingAddresses.userId })
    .from(users)
    .leftJoin(billingAddresses, eq(billingAddresses.userId, users.id))
    .where(and(eq(users.id, clientId), eq(users.role, "client")));
  if (!row) throw new AppError("not_found", "Diese Klient*in gibt es nicht.");
  if (!row.address)
    throw new AppError("invalid", "Bitte hinterlege zuerst eine Rechnungsadresse für diese Person (Name, Straße, PLZ und Ort).");
}

/** A draft of the chosen sessions (all unbilled ones when `appointmentIds` is omitted). Returns its id. */
export async function draftFromSessions(clientId: string, appointmentIds: string[] | undefined, db: Db = defaultDb): Promise<string> {
  await clientWithAddress(clientId, db);
  const open = await unbilledSessions(clientId, db);
  const chosen = appointmentIds ? open.filter((s) => appointmentIds.includes(s.id)) : open;
  if (appointmentIds && chosen.length !== new Set(appointmentIds).size)
    throw new AppError("conflict", "Mindestens eine dieser Sitzungen ist schon abgerechnet oder nicht abrechenbar.");
  if (chosen.length === 0)
    throw new AppError("invalid", "Es gibt keine abgeschlossenen Sitzungen oder Ausfallhonorare, die noch nicht abgerechnet sind.");
  const [settings] = await db.select({ timeZone: practiceSettings.timeZone }).from(practiceSettings).where(eq(practiceSettings.id, 1));
  const zone = settings?.timeZone ?? "Europe/Berlin";
  return db.transaction(async (tx) => {
    const [invoice] = await tx.insert(invoices).values({ clientId }).returning({ id: invoices.id });
    await tx.insert(invoiceLines).values(
      chosen.map((s, i) => ({
        invoiceId: invoice!.id,
        position: i + 1,
        description: itemDescription(s, zone),
        serviceDate: practiceDate(s.startAt, zone),
        grossCents: s.priceCents,
        appointmentId: s.id,
      })),
    );
    return invoice!.id;
  });
}

/** A draft for a package the coach sold; its service date is the day it was sold. */
export async function draftFromPackage(packageId: string, db: Db = defaultDb): Promise<string> {
  const [pkg] = await db.select().from(sessionPackages).where(eq(sessionPackages.id, packageId));
  if (!pkg) throw new AppError("not_found", "Dieses Paket gibt es nicht.");
  await clientWithAddress(pkg.clientId, db);
  const [settings] = await db.select({ timeZone: practiceSettings.timeZone }).from(practiceSettings).where(eq(practiceSettings.id, 1));
  return db.transaction(async (tx) => {
    const [invoice] = await tx.insert(invoices).values({ clientId: pkg.clientId }).returning({ id: invoices.id });
    await tx.insert(invoiceLines).values({
      invoiceId: invoice!.id,
      position: 1,
      description: `Paket: ${pkg.title} (${pkg.sessions} Coaching-Sitzungen)`,
      serviceDate: practiceDate(pkg.createdAt, settings?.timeZone ?? "Europe/Berlin"),
      grossCents: pkg.priceCents,
      packageId: pkg.id,
    });
    return invoice!.id;
  });
}
