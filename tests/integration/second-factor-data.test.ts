import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passkeys, recoveryCodes, sessions, users, webauthnChallenges } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { deleteClientAccount, exportClientData } from "@/lib/clients/my-data";
import { replaceRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/* A client's passkeys, recovery codes and sessions are theirs: in the export (never a secret), gone with the account. */
let database: TestDatabase;
let anna: { id: string };
let ben: { id: string };
const annasToken = "annas-session-token-not-for-the-export";

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  anna = all.find((u) => u.email === "anna@example.com")!;
  ben = all.find((u) => u.email === "ben@example.com")!;
  await database.db.insert(sessions).values([
    { sessionToken: annasToken, userId: anna.id, expires: new Date(Date.now() + 86_400_000), userAgent: "Annas Firefox", secondFactorAt: new Date() },
    { sessionToken: "bens-token", userId: ben.id, expires: new Date(Date.now() + 86_400_000), userAgent: "Bens Safari" },
  ]);
  await database.db.insert(passkeys).values([
    { userId: anna.id, credentialId: "YW5uYQ", publicKey: "AQ", deviceType: "multiDevice", name: "Annas Handy", transports: ["internal"] },
    { userId: ben.id, credentialId: "YmVu", publicKey: "AQ", deviceType: "singleDevice", name: "Bens Schlüssel" },
  ]);
  await database.db.transaction((tx) => replaceRecoveryCodes(tx, anna.id));
  await database.db.insert(webauthnChallenges).values({ sessionToken: annasToken, purpose: "authenticate", challenge: "c", expiresAt: new Date(Date.now() + 60_000) });
});
afterAll(() => database?.drop());

describe("a client's sign-in data", () => {
  it("is in the export: passkeys, sessions and recovery codes, without tokens or code hashes", async () => {
    const data = await exportClientData(anna.id);
    expect(data.passkeys).toEqual([expect.objectContaining({ name: "Annas Handy", deviceType: "multiDevice", transports: ["internal"] })]);
    expect(data.sessions).toEqual([expect.objectContaining({ userAgent: "Annas Firefox", secondFactorAt: expect.any(Date) })]);
    expect(data.recoveryCodes).toHaveLength(10);
    const text = JSON.stringify(data);
    expect(text).not.toContain(annasToken);
    const hashes = (await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, anna.id))).map((r) => r.codeHash);
    for (const hash of hashes) expect(text).not.toContain(hash);
    expect(text).not.toContain("Bens");
  });

  it("goes with the account", async () => {
    await deleteClientAccount(anna.id, "http://localhost:3000");
    expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, anna.id))).toEqual([]);
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, anna.id))).toEqual([]);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, anna.id))).toEqual([]);
    expect(await database.db.select().from(webauthnChallenges).where(inArray(webauthnChallenges.sessionToken, [annasToken]))).toEqual([]);
    expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, ben.id))).toHaveLength(1);
  });
});
