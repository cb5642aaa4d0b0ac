import { and, desc, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { cancellationPolicies, policyAcceptances, type CancellationPolicy } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import type { PolicyInput } from "./schemas";

/*
 * The practice's cancellation policy: versions, never changed (the database refuses), the newest
 * is current. Saving what differs from the current version makes a new one, which every client
 * is asked to accept at their next visit of the dashboard; an unchanged save makes none.
 */

export async function currentPolicy(db: Db = defaultDb): Promise<CancellationPolicy | null> {
  const [row] = await db
    .select()
    .from(cancellationPolicies)
    .orderBy(desc(cancellationPolicies.createdAt), desc(cancellationPolicies.id))
    .limit(1);
  return row ?? null;
}

function same(policy: CancellationPolicy, input: PolicyInput): boolean {
  return (
    policy.text === input.text &&
    policy.hoursBefore === input.hoursBefore &&
    policy.latePercent === input.latePercent &&
    policy.noShowPercent === input.noShowPercent
  );
}

/** Saves the policy as a new version unless it equals the current one. */
export async function savePolicy(
  input: PolicyInput,
  db: Db = defaultDb,
  now: Date = new Date(),
): Promise<{ policy: CancellationPolicy; created: boolean }> {
  const current = await currentPolicy(db);
  if (current && same(current, input)) return { policy: current, created: false };
  const [row] = await db
    .insert(cancellationPolicies)
    .values({ ...input, createdAt: now })
    .returning();
  return { policy: row!, created: true };
}

/** The current version when the client has not accepted it yet (the dashboard then asks), else null. */
export async function policyToAccept(userId: string, db: Db = defaultDb): Promise<CancellationPolicy | null> {
  const current = await currentPolicy(db);
  if (!current) return null;
  const [accepted] = await db
    .select({ id: policyAcceptances.id })
    .from(policyAcceptances)
    .where(and(eq(policyAcceptances.userId, userId), eq(policyAcceptances.policyId, current.id)));
  return accepted ? null : current;
}

/**
 * The client accepts the version they read, recorded with its text. A version that is no longer
 * current is refused (they read the old text); accepting twice records once.
 */
export async function acceptPolicy(userId: string, policyId: string, db: Db = defaultDb, now: Date = new Date()): Promise<void> {
  const current = await currentPolicy(db);
  if (!current || current.id !== policyId)
    throw new AppError("conflict", "Die Absageregel hat sich gerade geändert. Bitte lies die neue Fassung und stimme ihr dann zu.");
  await db
    .insert(policyAcceptances)
    .values({ userId, policyId, textAccepted: current.text, acceptedAt: now })
    .onConflictDoNothing({ target: [policyAcceptances.userId, policyAcceptances.policyId] });
}

export type AcceptedPolicy = Pick<CancellationPolicy, "hoursBefore" | "latePercent" | "noShowPercent"> & {
  policyId: string;
  acceptedAt: Date;
  textAccepted: string;
};

/** Every version a client accepted, oldest first, with the numbers of that version. */
export async function acceptancesOf(userId: string, db: Db = defaultDb): Promise<AcceptedPolicy[]> {
  return db
    .select({
      policyId: policyAcceptances.policyId,
      acceptedAt: policyAcceptances.acceptedAt,
      textAccepted: policyAcceptances.textAccepted,
      hoursBefore: cancellationPolicies.hoursBefore,
      latePercent: cancellationPolicies.latePercent,
      noShowPercent: cancellationPolicies.noShowPercent,
    })
    .from(policyAcceptances)
    .innerJoin(cancellationPolicies, eq(cancellationPolicies.id, policyAcceptances.policyId))
    .where(eq(policyAcceptances.userId, userId))
    .orderBy(policyAcceptances.acceptedAt);
}
