import { eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { devMailbox, emailOutbox, users } from "@/db/schema";
import { MAX_ATTEMPTS } from "@/lib/email/backoff";
import { dispatchDueEmails, retryEmail } from "@/lib/email/dispatcher";
import { listMailbox } from "@/lib/email/mailbox";
import { enqueueEmail } from "@/lib/email/outbox";
import type { Transport } from "@/lib/email/transport";
import MagicLinkEmail from "@/emails/magic-link";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.delete(emailOutbox);
  await database.db.delete(devMailbox);
});

function email(n: number, to = `person${n}@example.com`) {
  return {
    template: "magic-link",
    to,
    subject: `Betreff ${n}`,
    body: createElement(MagicLinkEmail, { url: `http://localhost/link/${n}`, name: "Anna", practiceName: "Praxis", validMinutes: 60 }),
    dedupeKey: `test:${n}`,
  };
}

/** A transport that records what it was asked to send, and can be told to fail. */
function recordingTransport(options: { fail?: boolean; delayMs?: number } = {}) {
  const sent: string[] = [];
  const transport: Transport = {
    name: "mailbox",
    async send(message, key) {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.fail) throw new Error("provider down (503)");
      sent.push(key);
      return { messageId: `m-${key}` };
    },
  };
  return { transport, sent };
}

describe("outbox", () => {
  it("stores an email once per dedupe key, rendered to HTML and text", async () => {
    const first = await enqueueEmail(email(1));
    const second = await enqueueEmail(email(1));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await database.db.select().from(emailOutbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.html).toContain("http://localhost/link/1");
    expect(rows[0]!.text).toContain("http://localhost/link/1");
    expect(rows[0]!.text).not.toContain("<");
    expect(rows[0]!.status).toBe("queued");
  });

  it("queues nothing for an account that is gone by the time its email is written", async () => {
    // A sign-in link or a reminder read the account, then the account was deleted: no email to the erased address.
    await expect(enqueueEmail({ ...email(7, "gone@example.com"), toAccount: true })).rejects.toThrow("Dieses Konto gibt es nicht mehr.");
    expect(await database.db.select().from(emailOutbox)).toEqual([]);
    // The same address as an account: queued.
    await database.db.insert(users).values({ email: "gone@example.com", name: "Gerda", role: "client" });
    expect((await enqueueEmail({ ...email(7, " Gone@Example.com "), toAccount: true })).created).toBe(true);
  });

  it("lets no line break into a header, stored or sent, whatever a caller passes", async () => {
    await enqueueEmail({ ...email(5, "anna@example.com\r\nBcc: victim@example.com"), subject: "Neue Anfrage von Anna\r\nBcc: victim@example.com" });
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, "test:5"));
    for (const value of [row!.to, row!.subject, row!.from]) expect(value).not.toMatch(/[\r\n\u0000-\u001f]/);
    // A row that holds one anyway (older code, a hand-made insert) is cleaned on the way out.
    await database.db.update(emailOutbox).set({ subject: "Betreff\r\nBcc: victim@example.com", from: "Praxis <p@example.com>\nReply-To: x@example.com" }).where(eq(emailOutbox.id, row!.id));
    const seen: { from: string; to: string; subject: string }[] = [];
    const transport: Transport = {
      name: "mailbox",
      async send(message, key) {
        seen.push(message);
        return { messageId: `m-${key}` };
      },
    };
    expect(await dispatchDueEmails({ transport })).toMatchObject({ sent: 1 });
    expect(seen).toHaveLength(1);
    for (const value of [seen[0]!.from, seen[0]!.to, seen[0]!.subject]) expect(value).not.toMatch(/[\r\n\u0000-\u001f]/);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEmail(email(2), tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("delivers to the local mailbox exactly once, newest first", async () => {
    await enqueueEmail(email(3, "anna@example.com"));
    await enqueueEmail(email(4, "anna@example.com"));
    expect(await dispatchDueEmails()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await dispatchDueEmails()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const inbox = await listMailbox("ANNA@example.com");
    expect(inbox.map((m) => m.subject).sort()).toEqual(["Betreff 3", "Betreff 4"]);
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, "test:3"));
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("retries with backoff after a failure, then gives up and can be retried by hand", async () => {
    const { id } = await enqueueEmail(email(5));
    const failing = recordingTransport({ fail: true });
    expect(await dispatchDueEmails({ transport: failing.transport })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastError: "provider down (503)" });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // Not due yet: a second run leaves it alone.
    expect(await dispatchDueEmails({ transport: failing.transport })).toEqual({ sent: 0, retried: 0, failed: 0 });

    // Fast-forward through the remaining attempts.
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await database.db.update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, id));
      await dispatchDueEmails({ transport: failing.transport });
    }
    [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

    expect(await retryEmail(id)).toBe(true);
    const working = recordingTransport();
    expect(await dispatchDueEmails({ transport: working.transport })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(working.sent).toEqual([id]);
  });

  it("takes over an email whose sender died mid-send once the lease runs out", async () => {
    const { id } = await enqueueEmail(email(6));
    await database.db
      .update(emailOutbox)
      .set({ status: "sending", attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(emailOutbox.id, id));
    const working = recordingTransport();
    await dispatchDueEmails({ transport: working.transport });
    expect(working.sent).toEqual([id]);
  });

  it("sends each email once when several dispatchers run at the same time", async () => {
    const total = 40;
    for (let n = 100; n < 100 + total; n++) await enqueueEmail(email(n));
    const { transport, sent } = recordingTransport({ delayMs: 5 });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => dispatchDueEmails({ transport, batchSize: 5, maxBatches: 20 })),
    );
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(total);
    expect(sent).toHaveLength(total);
    expect(new Set(sent).size).toBe(total);
    const statuses = await database.db.select({ status: emailOutbox.status }).from(emailOutbox);
    expect(statuses.every((s) => s.status === "sent")).toBe(true);
  });
});
