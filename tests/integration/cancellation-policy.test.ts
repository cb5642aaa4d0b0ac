import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  appointments,
  billingAddresses,
  cancellationFees,
  cancellationPolicies,
  invoiceLines,
  policyAcceptances,
  practiceSettings,
  sessionPackages,
  sessionTypes,
  users,
  type Appointment,
} from "@/db/schema";
import { seedEssentials } from "@/db/seed";
import { draftFromSessions, unbilledSessions } from "@/lib/billing/drafts";
import { issueInvoice } from "@/lib/billing/issue";
import { sellPackage } from "@/lib/billing/packages";
import { billFee } from "@/lib/cancellation-policy/fees";
import { acceptPolicy, currentPolicy, policyToAccept, savePolicy } from "@/lib/cancellation-policy/policy";
import { deleteClientAccount, exportClientData } from "@/lib/clients/my-data";
import { theCoach } from "@/lib/settings/coach";
import { sqlState, useTestDatabase, type TestDatabase } from "./helpers/db";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));

/*
 * Late cancellation and no-show fees, on the database: only under a policy the client accepted
 * before the cancellation (or the missed start), the numbers of that version, a changed policy
 * asked for again, one fee however often the coach clicks, and the fee on the next draft. Times
 * are written by hand (January 2027, Berlin is UTC+1).
 */

let database: TestDatabase;
let coachId: string;
let typeId: string;
const POLICY = {
  text: "Absagen später als 24 Stunden vorher berechne ich mit 50 %, Nichterscheinen mit 100 %.",
  hoursBefore: 24,
  latePercent: 50,
  noShowPercent: 100,
};
const at = (iso: string) => new Date(iso);

async function client(email: string) {
  const [row] = await database.db.insert(users).values({ email, name: "Anna Beispiel", role: "client" }).returning({ id: users.id });
  await database.db
    .insert(billingAddresses)
    .values({ userId: row!.id, name: "Anna Beispiel", street: "Lindenweg 3", postalCode: "79098", city: "Freiburg" });
  return row!.id;
}

/** A 50-minute session of the client that ended as `facts` say. */
async function session(clientId: string, start: string, facts: Partial<Appointment>) {
  const startAt = at(start);
  const endAt = new Date(startAt.getTime() + 50 * 60_000);
  const [row] = await database.db
    .insert(appointments)
    .values({
      coachId,
      clientId,
      kind: "session",
      status: "confirmed",
      startAt,
      endAt,
      blockedFrom: startAt,
      blockedUntil: endAt,
      name: "Anna Beispiel",
      email: "anna@example.org",
      sessionTypeId: typeId,
      ...facts,
    })
    .returning({ id: appointments.id });
  return row!.id;
}
const lateCancelled = (clientId: string, start: string, cancelledAt: string) =>
  session(clientId, start, { status: "cancelled", cancelledBy: "client", cancelledAt: at(cancelledAt) });

const feesOfAppointment = (id: string) => database.db.select().from(cancellationFees).where(eq(cancellationFees.appointmentId, id));

let firstPolicyId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedEssentials(database.db, "coach@example.com");
  coachId = (await theCoach()).id;
  await database.db
    .update(practiceSettings)
    .set({
      coachName: "Mara Muster",
      street: "Hauptstraße 1",
      postalCode: "79098",
      city: "Freiburg",
      taxNumber: "06/123/45678",
      iban: "DE02 1203 0000 0000 2020 51",
      bic: "BYLADEM1001",
      accountHolder: "Mara Muster",
    })
    .where(eq(practiceSettings.id, 1));
  const [type] = await database.db
    .insert(sessionTypes)
    .values({ name: "Coaching", durationMinutes: 50, priceCents: 8999 })
    .returning({ id: sessionTypes.id });
  typeId = type!.id;
  firstPolicyId = (await savePolicy(POLICY, database.db, at("2026-12-01T09:00:00Z"))).policy.id;
});
afterAll(() => database.drop());

describe("no fee without an agreement made in advance", () => {
  it("refuses a late cancellation's fee when the client never accepted the policy, and bills nothing", async () => {
    const clientId = await client("ohne@example.org");
    const id = await lateCancelled(clientId, "2027-01-05T09:00:00Z", "2027-01-05T07:00:00Z");
    await expect(billFee(clientId, id)).rejects.toThrow("Ohne vorher angenommene Absageregel gibt es kein Ausfallhonorar");
    expect(await feesOfAppointment(id)).toEqual([]);
    expect(await unbilledSessions(clientId)).toEqual([]);
  });

  it("does not count an acceptance given after the cancellation", async () => {
    const clientId = await client("danach@example.org");
    const id = await lateCancelled(clientId, "2027-01-05T09:00:00Z", "2027-01-05T07:00:00Z");
    await acceptPolicy(clientId, firstPolicyId, database.db, at("2027-01-06T10:00:00Z"));
    await expect(billFee(clientId, id)).rejects.toThrow("Ohne vorher angenommene Absageregel");
  });

  it("bills nothing for a cancellation in time, or one the coach made", async () => {
    const clientId = await client("rechtzeitig@example.org");
    await acceptPolicy(clientId, firstPolicyId, database.db, at("2026-12-02T10:00:00Z"));
    const inTime = await lateCancelled(clientId, "2027-01-05T09:00:00Z", "2027-01-04T09:00:00Z"); // exactly 24 hours before
    await expect(billFee(clientId, inTime)).rejects.toThrow("Die Absage kam rechtzeitig");
    const byCoach = await session(clientId, "2027-01-06T09:00:00Z", {
      status: "cancelled",
      cancelledBy: "coach",
      cancelledAt: at("2027-01-06T08:00:00Z"),
    });
    await expect(billFee(clientId, byCoach)).rejects.toThrow("nur für Sitzungen, die die Person kurzfristig abgesagt");
    expect(await unbilledSessions(clientId)).toEqual([]);
  });

  it("refuses another client's appointment as unknown", async () => {
    const anna = await client("fremd-a@example.org");
    const ben = await client("fremd-b@example.org");
    await acceptPolicy(ben, firstPolicyId, database.db, at("2026-12-02T10:00:00Z"));
    const annas = await lateCancelled(anna, "2027-01-05T09:00:00Z", "2027-01-05T07:00:00Z");
    await expect(billFee(ben, annas)).rejects.toThrow("Diesen Termin gibt es nicht.");
  });
});

describe("a fee the client agreed to", () => {
  it("is 50 % of the session's price, rounded to the cent, and appears on the next draft with its own words", async () => {
    const clientId = await client("spaet@example.org");
    await acceptPolicy(clientId, firstPolicyId, database.db, at("2026-12-02T10:00:00Z"));
    const late = await lateCancelled(clientId, "2027-01-05T09:00:00Z", "2027-01-05T07:00:00Z");
    const missed = await session(clientId, "2027-01-12T09:00:00Z", { status: "no_show" });
    expect((await billFee(clientId, late)).created).toBe(true);
    expect((await billFee(clientId, missed)).created).toBe(true);
    const open = await unbilledSessions(clientId);
    expect(open.map((o) => [o.priceCents, o.fee])).toEqual([
      [4500, { kind: "late", percent: 50 }], // 89,99 € × 50 % = 44,995 € → 45,00 €
      [8999, { kind: "no_show", percent: 100 }],
    ]);
    const draftId = await draftFromSessions(clientId, undefined);
    const lines = await database.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, draftId)).orderBy(invoiceLines.position);
    expect(lines.map((l) => [l.description, l.serviceDate, l.grossCents])).toEqual([
      ["Ausfallhonorar: kurzfristig abgesagter Termin am 05.01.2027 (50 %)", "2027-01-05", 4500],
      ["Ausfallhonorar: nicht wahrgenommener Termin am 12.01.2027 (100 %)", "2027-01-12", 8999],
    ]);
    const issued = await issueInvoice(draftId, { now: at("2027-01-20T09:00:00Z") });
    expect(issued.grossCents).toBe(13499);
    // Claimed like a session: not offered again, and a second draft of the same fee cannot be issued.
    expect(await unbilledSessions(clientId)).toEqual([]);
  });

  it("bills once however often the coach clicks, also at the same moment", async () => {
    const clientId = await client("doppelt@example.org");
    await acceptPolicy(clientId, firstPolicyId, database.db, at("2026-12-02T10:00:00Z"));
    const id = await lateCancelled(clientId, "2027-01-05T09:00:00Z", "2027-01-05T07:00:00Z");
    const results = await Promise.all([billFee(clientId, id), billFee(clientId, id), billFee(clientId, id)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await feesOfAppointment(id)).toHaveLength(1);
    expect((await billFee(clientId, id)).created).toBe(false);
    expect(await unbilledSessions(clientId)).toHaveLength(1);
    const twice = database.db.insert(cancellationFees).values({ appointmentId: id, kind: "late", percent: 50, policyId: firstPolicyId });
    await expect(twice).rejects.toSatisfy((e) => sqlState(e) === "23505");
  });

  it("draws a package credit when the client has one, and is then not billed on its own", async () => {
    const clientId = await client("paket@example.org");
    await acceptPolicy(clientId, firstPolicyId, database.db, at("2026-12-02T10:00:00Z"));
    const pkg = await sellPackage({ clientId, title: "8 Sitzungen", sessions: 8, priceCents: 64000, expiresOn: null });
    const id = await session(clientId, "2027-01-12T09:00:00Z", { status: "no_show" });
    expect((await billFee(clientId, id)).packageId).toBe(pkg.id);
    const [row] = await database.db.select().from(sessionPackages).where(eq(sessionPackages.id, pkg.id));
    expect(row!.used).toBe(1);
    expect(await unbilledSessions(clientId)).toEqual([]);
  });
});

describe("a changed policy", () => {
  it("is a new version the client is asked to accept; until then the version they accepted applies", async () => {
    const clientId = await client("neu@example.org");
    await acceptPolicy(clientId, firstPolicyId, database.db, at("2026-12-02T10:00:00Z"));
    expect(await policyToAccept(clientId)).toBeNull();
    // Saving the same again makes no version; a change does.
    expect((await savePolicy(POLICY, database.db, at("2027-01-01T09:00:00Z"))).created).toBe(false);
    const changed = { ...POLICY, text: "Absagen später als 48 Stunden vorher berechne ich mit 80 %.", hoursBefore: 48, latePercent: 80 };
    const second = await savePolicy(changed, database.db, at("2027-02-01T09:00:00Z"));
    expect(second.created).toBe(true);
    expect((await policyToAccept(clientId))?.id).toBe(second.policy.id);
    // The old version can no longer be accepted: the client read a text that is not current.
    await expect(acceptPolicy(clientId, firstPolicyId)).rejects.toThrow("Die Absageregel hat sich gerade geändert");

    // Cancelled 30 hours before, after the change but before accepting it: under the accepted
    // version (24 hours) that was in time, whatever the new one says.
    const before = await lateCancelled(clientId, "2027-02-10T12:00:00Z", "2027-02-09T06:00:00Z");
    await expect(billFee(clientId, before)).rejects.toThrow("Die Absage kam rechtzeitig");
    const stillOld = await lateCancelled(clientId, "2027-02-11T12:00:00Z", "2027-02-11T10:00:00Z");
    expect((await billFee(clientId, stillOld)).fee.percent).toBe(50);

    await acceptPolicy(clientId, second.policy.id, database.db, at("2027-02-12T09:00:00Z"));
    expect(await policyToAccept(clientId)).toBeNull();
    const underNew = await lateCancelled(clientId, "2027-02-20T12:00:00Z", "2027-02-19T06:00:00Z"); // 30 hours: late under 48
    const billed = await billFee(clientId, underNew);
    expect([billed.fee.percent, billed.fee.policyId]).toEqual([80, second.policy.id]);
    const [accepted] = await database.db
      .select()
      .from(policyAcceptances)
      .where(sql`${policyAcceptances.userId} = ${clientId} and ${policyAcceptances.policyId} = ${second.policy.id}`);
    expect(accepted!.textAccepted).toBe(changed.text);
  });

  it("never changes an existing version or an acceptance: the database refuses", async () => {
    const update = database.db.update(cancellationPolicies).set({ latePercent: 100 }).where(eq(cancellationPolicies.id, firstPolicyId));
    await expect(update).rejects.toSatisfy((e) => sqlState(e) === "23514");
    const remove = database.db.delete(cancellationPolicies).where(eq(cancellationPolicies.id, firstPolicyId));
    await expect(remove).rejects.toSatisfy((e) => sqlState(e) === "23514");
    const edit = database.db.update(policyAcceptances).set({ textAccepted: "anders" });
    await expect(edit).rejects.toSatisfy((e) => sqlState(e) === "23514");
  });
});

describe("the client's data", () => {
  it("exports acceptances with their text and the fees, and erases both with the account", async () => {
    const clientId = await client("daten@example.org");
    const current = (await currentPolicy())!;
    await acceptPolicy(clientId, current.id, database.db, at("2027-03-01T10:00:00Z"));
    const id = await session(clientId, "2027-03-10T09:00:00Z", { status: "no_show" });
    await billFee(clientId, id);
    const exported = await exportClientData(clientId);
    expect(exported.cancellationPolicy.acceptances.map((a) => [a.textAccepted, a.acceptedAt.toISOString()])).toEqual([
      [current.text, "2027-03-01T10:00:00.000Z"],
    ]);
    expect(exported.cancellationPolicy.fees.map((f) => [f.appointmentId, f.kind, f.percent])).toEqual([[id, "no_show", 100]]);
    await deleteClientAccount(clientId, "http://localhost:3000");
    expect(await database.db.select().from(policyAcceptances).where(eq(policyAcceptances.userId, clientId))).toEqual([]);
    expect(await feesOfAppointment(id)).toEqual([]);
  });
});
