import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, users } from "@/db/schema";
import { sendMagicLink } from "@/lib/auth/magic-link";
import { seedDemo } from "@/db/seed";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
});
afterAll(() => database.drop());
beforeEach(() => database.db.delete(emailOutbox));

describe("magic link", () => {
  it("queues a German sign-in email with the link for an existing user", async () => {
    const url = "http://localhost:3000/api/auth/callback/resend?token=abc&email=anna%40example.com";
    await sendMagicLink({ identifier: "Anna@Example.com", url, token: "abc" });
    const rows = await database.db.select().from(emailOutbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to).toBe("anna@example.com");
    expect(rows[0]!.subject).toBe("Dein Anmeldelink für Rückenwind Coaching");
    expect(rows[0]!.text).toContain("Hallo Anna");
    expect(rows[0]!.text).toContain(url);
    expect(rows[0]!.html).toContain("Jetzt anmelden");
  });

  it("sends nothing and creates no account for an unknown address", async () => {
    const before = await database.db.select().from(users);
    await sendMagicLink({ identifier: "stranger@example.com", url: "http://localhost/x?token=1", token: "1" });
    expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
    expect(await database.db.select().from(users)).toHaveLength(before.length);
  });
});
