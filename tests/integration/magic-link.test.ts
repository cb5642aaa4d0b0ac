import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { emailOutbox, users, verificationTokens } from "@/db/schema";
import { queueMagicLink } from "@/lib/auth/magic-link";
import { createSignInLink, readSignInLink } from "@/lib/auth/sign-in-link";
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
  it("queues a German sign-in email with the link to the confirmation page for an existing user", async () => {
    const url = "http://localhost:3000/api/auth/callback/resend?token=abc&email=anna%40example.com";
    await queueMagicLink({ identifier: "Anna@Example.com", url, token: "abc" });
    const rows = await database.db.select().from(emailOutbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to).toBe("anna@example.com");
    expect(rows[0]!.subject).toBe("Dein Anmeldelink für Rückenwind Coaching");
    expect(rows[0]!.text).toContain("Hallo Anna");
    expect(rows[0]!.text).toContain("http://localhost:3000/login/bestaetigen?token=abc&email=anna%40example.com");
    expect(rows[0]!.text).not.toContain("/api/auth/callback/");
    expect(rows[0]!.html).toContain("Jetzt anmelden");
  });

  it("sends nothing and creates no account for an unknown address", async () => {
    const before = await database.db.select().from(users);
    await queueMagicLink({ identifier: "stranger@example.com", url: "http://localhost/x?token=1", token: "1" });
    expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
    expect(await database.db.select().from(users)).toHaveLength(before.length);
  });

  it("reads a link without using it up, and only while it is good", async () => {
    const origin = "http://localhost:3000";
    const { url, token } = await createSignInLink(database.db, { email: "anna@example.com", origin, maxAgeSeconds: 3600 });
    expect(url.startsWith(`${origin}/login/bestaetigen?`)).toBe(true);
    const params = Object.fromEntries(new URL(url).searchParams);
    for (let i = 0; i < 3; i++) {
      expect(await readSignInLink(params, database.db)).toEqual({
        email: "anna@example.com",
        fields: { callbackUrl: "/login/weiter", token, email: "anna@example.com" },
      });
    }
    // Another address, another token, odd parameters: nothing.
    expect(await readSignInLink({ ...params, email: "ben@example.com" }, database.db)).toBeNull();
    expect(await readSignInLink({ ...params, token: "0".repeat(64) }, database.db)).toBeNull();
    for (const odd of [{ token: [token] }, { token: `${token}x` }, { email: "ANNA@example.com" }, { email: ["anna@example.com"] }, { token: undefined }]) {
      expect(await readSignInLink({ ...params, ...odd }, database.db)).toBeNull();
    }
    // A return address elsewhere becomes a path on this site.
    expect((await readSignInLink({ ...params, callbackUrl: "https://evil.example/x?y=1" }, database.db))?.fields.callbackUrl).toBe("/x?y=1");
    expect((await readSignInLink({ ...params, callbackUrl: "//evil.example" }, database.db))?.fields.callbackUrl).toBe("/");
    // Expired: nothing, though the row is still there.
    await database.db.update(verificationTokens).set({ expires: new Date(Date.now() - 60_000) }).where(eq(verificationTokens.identifier, "anna@example.com"));
    expect(await readSignInLink(params, database.db)).toBeNull();
  });
});
