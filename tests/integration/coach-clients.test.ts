import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, articleComments, articles, emailOutbox, journalEntries, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { listClients, setClientStatus } from "@/lib/clients/coach-view";
import { inviteClient, inviteClientSchema, resendInvitation } from "@/lib/clients/invitations";
import { agendaBetween, attentionCounts } from "@/lib/coach/agenda";
import { addDays, mondayOf } from "@/lib/time/dates";
import { practiceDate, practiceWeek } from "@/lib/time/zone";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
let coachId: string;
let benId: string;
const origin = "http://localhost:3000";
const tz = "Europe/Berlin";

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  coachId = all.find((u) => u.role === "coach")!.id;
  benId = all.find((u) => u.email === "ben@example.com")!.id;
});
afterAll(() => database.drop());

const invitations = (to: string) => database.db.select().from(emailOutbox).where(eq(emailOutbox.to, to));

describe("inviting a client", () => {
  it("creates the account once and queues an invitation with a sign-in link", async () => {
    const input = inviteClientSchema.parse({ name: " Clara Neu ", email: "Clara.Neu@Example.com" });
    const first = await inviteClient(input, origin);
    expect(first).toMatchObject({
      created: true,
      user: { email: "clara.neu@example.com", name: "Clara Neu", role: "client", clientStatus: "active" },
    });
    const again = await inviteClient(input, origin);
    expect(again.created).toBe(false);
    expect(again.user.id).toBe(first.user.id);
    expect(await database.db.select().from(users).where(eq(users.email, "clara.neu@example.com"))).toHaveLength(1);
    const mails = await invitations("clara.neu@example.com");
    // Inviting an existing client again sends a new invitation with a new link.
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).not.toEqual(mails[1]!.text);
    expect(mails[0]!.text).toMatch(/\/login\/bestaetigen\?/);
  });

  it("refuses the practice's own address, bad input and unknown ids", async () => {
    await expect(inviteClient(inviteClientSchema.parse({ name: "Ich", email: "coach@example.com" }), origin)).rejects.toMatchObject({
      code: "conflict",
    });
    for (const bad of [
      {},
      { name: "", email: "x@example.com" },
      { name: "Ok Name", email: "nope" },
      { name: "Ok Name", email: "a@example.com", role: "coach" },
    ]) {
      expect(inviteClientSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    await expect(resendInvitation(coachId, origin)).rejects.toMatchObject({ code: "not_found" });
    await expect(resendInvitation("not-a-uuid", origin)).rejects.toMatchObject({ code: "not_found" });
    expect((await database.db.select().from(users).where(eq(users.id, coachId)))[0]!.role).toBe("coach");
  });
});

describe("the client list", () => {
  it("shows status, next appointment, last entry and the pain trend, and filters", async () => {
    const today = practiceDate(new Date(), tz);
    const entries = [
      ...[20, 18, 16].map((d) => ({ userId: benId, entryDate: addDays(today, -d), pain: 8, stress: 5 })),
      ...[5, 3, 1].map((d) => ({ userId: benId, entryDate: addDays(today, -d), pain: 5, stress: 5 })),
    ];
    await database.db.insert(journalEntries).values(entries);
    const start = new Date(Date.now() + 3 * 86_400_000);
    const end = new Date(start.getTime() + 50 * 60_000);
    await database.db.insert(appointments).values({
      coachId,
      clientId: benId,
      kind: "session",
      status: "confirmed",
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Ben",
      email: "ben@example.com",
    });

    const ben = (await listClients()).rows.find((c) => c.id === benId)!;
    expect(ben).toMatchObject({ status: "active", lastEntry: addDays(today, -1), recentPain: 5, painChange: -3 });
    expect(ben.nextSession?.getTime()).toBe(start.getTime());

    expect((await listClients({ q: "schröder" })).rows.map((c) => c.id)).toEqual([benId]);
    expect(await listClients({ q: "%" })).toMatchObject({ rows: [], total: 0, pages: 1 });
    await setClientStatus(benId, "paused");
    expect((await listClients({ status: "paused" })).rows.map((c) => c.id)).toEqual([benId]);
    expect((await listClients({ status: "active" })).rows.map((c) => c.id)).not.toContain(benId);
    await expect(setClientStatus(coachId, "finished")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the client list in pages", () => {
  it("shows 50 at a time, in name order, each client once", async () => {
    await database.db
      .insert(users)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          email: `viele${i}@example.com`,
          name: `Zz Viele ${String(i).padStart(2, "0")}`,
          role: "client" as const,
        })),
      );
    const first = await listClients({}, 1);
    const second = await listClients({}, 2);
    expect(first.rows).toHaveLength(50);
    expect(first.total).toBe(first.rows.length + second.rows.length);
    expect(first.pages).toBe(2);
    const ids = [...first.rows, ...second.rows].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.rows.at(-1)!.name).toBe("Zz Viele 59");
  });
});

describe("the agenda", () => {
  it("lists the week's appointments and counts what needs attention", async () => {
    const monday = mondayOf(practiceDate(new Date(), tz));
    const week = practiceWeek(monday, tz);
    expect(week.days).toHaveLength(7);
    expect(new Date(`${monday}T12:00:00Z`).getUTCDay()).toBe(1);
    const inWeek = await agendaBetween(week.from, week.until);
    for (const item of inWeek) expect(item.startAt >= week.from && item.startAt < week.until).toBe(true);

    const before = await attentionCounts();
    const start = new Date(Date.now() + 5 * 86_400_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    await database.db.insert(appointments).values({
      coachId,
      kind: "consultation",
      status: "pending",
      startAt: start,
      endAt: end,
      blockedFrom: start,
      blockedUntil: end,
      name: "Paula Pending",
      email: "paula@example.com",
      pendingExpiresAt: new Date(Date.now() + 3600_000),
    });
    // A consultation that has taken place waits for the coach's note; the pending one above waits for the visitor.
    const held = new Date(Date.now() - 3 * 86_400_000 - 17 * 60_000);
    const heldEnd = new Date(held.getTime() + 30 * 60_000);
    await database.db.insert(appointments).values({
      coachId,
      kind: "consultation",
      status: "confirmed",
      startAt: held,
      endAt: heldEnd,
      blockedFrom: held,
      blockedUntil: heldEnd,
      name: "Hanna Gehalten",
      email: "hanna@example.com",
    });
    const [article] = await database.db.select({ id: articles.id }).from(articles).limit(1);
    await database.db
      .insert(articleComments)
      .values({ articleId: article!.id, authorName: "Leser", body: "Danke!", consentAt: new Date() });
    const [mail] = await invitations("clara.neu@example.com");
    await database.db.update(emailOutbox).set({ status: "failed", lastError: "boom" }).where(eq(emailOutbox.id, mail!.id));
    expect(await attentionCounts()).toEqual({
      consultationsToRecord: before.consultationsToRecord + 1,
      sessionsToRecord: before.sessionsToRecord,
      pendingComments: before.pendingComments + 1,
      failedEmails: before.failedEmails + 1,
    });
    const shown = await agendaBetween(new Date(start.getTime() - 1), new Date(end.getTime()));
    expect(shown.map((a) => a.name)).toContain("Paula Pending");
  });
});
