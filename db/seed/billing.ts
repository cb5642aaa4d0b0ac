import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, billingAddresses, practiceSettings, sessionTypes } from "../schema";

/** The 50-minute session type of seedEssentials. */
const COACHING_TYPE = "00000000-0000-4000-8000-000000000050";
/** Anna's two held sessions, not yet billed: the billing journey (tests/e2e/billing.spec.ts) bills them. */
export const ANNAS_UNBILLED_SESSIONS = ["00000000-0000-4000-8000-0000000b0001", "00000000-0000-4000-8000-0000000b0002"] as const;

/**
 * The demo practice's money facts: small business (§ 19 UStG), a made-up tax number, the
 * well-known test IBAN, an address; 90 € for a coaching session; Anna's invoice address and two
 * completed sessions in the past. Written once: a coach's own entries are never overwritten.
 */
export async function seedBilling(db: Db, annaId: string, coachId: string, now = new Date()) {
  await db
    .update(practiceSettings)
    .set({
      taxMode: "small_business",
      taxNumber: "27/123/45678",
      iban: "DE89370400440532013000",
      bic: "COBADEFFXXX",
      accountHolder: "Mara Lindner",
      street: sql`case when ${practiceSettings.street} = '' then 'Lindenstraße 12' else ${practiceSettings.street} end`,
      postalCode: sql`case when ${practiceSettings.postalCode} = '' then '10969' else ${practiceSettings.postalCode} end`,
      city: sql`case when ${practiceSettings.city} = '' then 'Berlin' else ${practiceSettings.city} end`,
    })
    .where(and(eq(practiceSettings.id, 1), eq(practiceSettings.iban, "")));
  await db
    .update(sessionTypes)
    .set({ priceCents: 9000 })
    .where(and(eq(sessionTypes.id, COACHING_TYPE), eq(sessionTypes.priceCents, 0)));
  await db
    .insert(billingAddresses)
    .values({ userId: annaId, name: "Anna Keller", street: "Hauptstraße 5", postalCode: "10827", city: "Berlin" })
    .onConflictDoNothing();
  const day = 24 * 60 * 60 * 1000;
  const sessions = ANNAS_UNBILLED_SESSIONS.map((id, i) => {
    // 17 and 10 days ago at 06:00 UTC (7 or 8 o'clock in Berlin): before any test's own appointments.
    const start = new Date(Math.floor(now.getTime() / day) * day - (17 - 7 * i) * day + 6 * 60 * 60 * 1000);
    const end = new Date(start.getTime() + 50 * 60 * 1000);
    return {
      id,
      coachId,
      clientId: annaId,
      kind: "session" as const,
      status: "completed" as const,
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Anna Keller",
      email: "anna@example.com",
      channel: "video" as const,
      sessionTypeId: COACHING_TYPE,
      confirmedAt: start,
    };
  });
  await db.insert(appointments).values(sessions).onConflictDoNothing();
}
