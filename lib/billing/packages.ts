import { and, asc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, billingClaims, packageCredits, sessionPackages, type SessionPackage } from "@/db/schema";

/*
 * Session packages ("8 Sitzungen"): the coach sells one to a client; each completed session (or a
 * billed late cancellation or no-show) draws one credit. The database keeps `used` between 0 and
 * `sessions`, and an appointment draws at most one credit (package_credits' key), so no race
 * overdraws a package or draws twice. A session billed on its own invoice draws none.
 */

export type PackageInput = { clientId: string; title: string; sessions: number; priceCents: number; expiresOn: string | null };

export async function sellPackage(input: PackageInput, db: Db = defaultDb): Promise<SessionPackage> {
  const [row] = await db.insert(sessionPackages).values(input).returning();
  return row!;
}

/**
 * Draws one credit for an appointment from the client's oldest package that has one left and has
 * not expired on `today` (practice date), inside the caller's transaction. Returns the package
 * drawn from, or null when the client has none (the session is then billed on its own).
 * The appointment row is locked first, as issuing an invoice locks it, so a session is never
 * both on an invoice and on a package.
 */
export async function drawCredit(tx: Db, appointmentId: string, clientId: string, today: string): Promise<string | null> {
  await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, appointmentId)).for("update");
  const [claimed] = await tx.select({ id: billingClaims.id }).from(billingClaims).where(eq(billingClaims.appointmentId, appointmentId));
  if (claimed) return null;
  const [drawn] = await tx
    .select({ packageId: packageCredits.packageId })
    .from(packageCredits)
    .where(eq(packageCredits.appointmentId, appointmentId));
  if (drawn) return drawn.packageId;
  const candidate = tx
    .select({ id: sessionPackages.id })
    .from(sessionPackages)
    .where(
      and(
        eq(sessionPackages.clientId, clientId),
        lt(sessionPackages.used, sessionPackages.sessions),
        or(isNull(sessionPackages.expiresOn), gte(sessionPackages.expiresOn, today)),
      ),
    )
    .orderBy(asc(sessionPackages.createdAt), asc(sessionPackages.id))
    .limit(1)
    .for("update");
  const [row] = await tx
    .update(sessionPackages)
    .set({ used: sql`${sessionPackages.used} + 1` })
    .where(and(eq(sessionPackages.id, sql`(${candidate})`), lt(sessionPackages.used, sessionPackages.sessions)))
    .returning({ id: sessionPackages.id });
  if (!row) return null;
  await tx.insert(packageCredits).values({ appointmentId, packageId: row.id });
  return row.id;
}
