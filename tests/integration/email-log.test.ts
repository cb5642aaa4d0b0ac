import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emailOutbox } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "client" | "coach"; email: string } }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
  signOut: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));

const { retryEmailAction } = await import("@/lib/email/actions");
const { listOutboxEmails, EMAIL_LOG_PAGE_SIZE } = await import("@/lib/email/log");
const { attentionCounts } = await import("@/lib/coach/agenda");
const countFailedEmails = async () => (await attentionCounts()).failedEmails;

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(emailOutbox);
  session.user = null;
});

type Status = "queued" | "sending" | "sent" | "failed";
async function row(n: number, status: Status, minutesAgo = n) {
  const [r] = await database.db
    .insert(emailOutbox)
    .values({
      dedupeKey: `log:${n}`,
      template: "magic-link",
      to: `p${n}@example.com`,
      from: "praxis@example.com",
      subject: `Betreff ${n}`,
      html: "<p>x</p>",
      text: "x",
      status,
      attempts: status === "failed" ? 6 : 1,
      lastError: status === "failed" ? "provider down (503)" : null,
      nextAttemptAt: new Date(Date.now() + 3600_000),
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    })
    .returning();
  return r!;
}

function form(id: string) {
  const data = new FormData();
  data.set("id", id);
  return data;
}

describe("email log", () => {
  it("lists newest first, filters by status, pages by 50 and counts failures", async () => {
    for (let i = 0; i < 55; i++) await row(i, i % 5 === 0 ? "failed" : "sent");
    const first = await listOutboxEmails();
    expect(first).toMatchObject({ total: 55, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(EMAIL_LOG_PAGE_SIZE);
    expect(first.rows[0]!.subject).toBe("Betreff 0");
    const second = await listOutboxEmails({ page: 2 });
    expect(second.rows.map((r) => r.subject)).toEqual(["Betreff 50", "Betreff 51", "Betreff 52", "Betreff 53", "Betreff 54"]);
    expect((await listOutboxEmails({ page: 99 })).page).toBe(2);
    const failed = await listOutboxEmails({ status: "failed" });
    expect(failed.total).toBe(11);
    expect(failed.rows.every((r) => r.status === "failed" && r.lastError === "provider down (503)")).toBe(true);
    expect(await countFailedEmails()).toBe(11);
  });

  it("requeues a failed email on the coach's retry, and leaves every other status alone", async () => {
    const failed = await row(1, "failed");
    const others = await Promise.all([row(2, "sent"), row(3, "queued"), row(4, "sending")]);

    session.user = { id: "c", role: "coach", email: "coach@example.com" };
    await retryEmailAction(form(failed.id));
    const [requeued] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, failed.id));
    expect(requeued).toMatchObject({ status: "queued", attempts: 0, lastError: null });
    expect(requeued!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await countFailedEmails()).toBe(0);

    for (const other of others) await retryEmailAction(form(other.id));
    const after = await database.db
      .select()
      .from(emailOutbox)
      .where(
        inArray(
          emailOutbox.id,
          others.map((o) => o.id),
        ),
      );
    for (const o of others)
      expect(after.find((a) => a.id === o.id)).toMatchObject({ status: o.status, attempts: o.attempts, nextAttemptAt: o.nextAttemptAt });
  });

  it("refuses the retry to anyone but the coach", async () => {
    const failed = await row(1, "failed");
    await expect(retryEmailAction(form(failed.id))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;401" });
    session.user = { id: "a", role: "client", email: "anna@example.com" };
    await expect(retryEmailAction(form(failed.id))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    const [still] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, failed.id));
    expect(still!.status).toBe("failed");
  });
});
