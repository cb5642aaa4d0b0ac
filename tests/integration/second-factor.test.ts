import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emailOutbox, passkeys, recoveryCodes, sessions, users, webauthnChallenges } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { hasShortInteger, SoftwarePasskey } from "./helpers/authenticator";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The coach's second factor end to end below the browser: the passkey routes with real
 * signatures from a software authenticator, the recovery codes, the session rows and the guards,
 * in production mode (where the coach cannot skip it). The session lookup is the app's own
 * (lib/auth/session-adapter.ts) on the test database; only Auth.js's cookie handling is left out.
 */
const jar = vi.hoisted(() => ({ token: undefined as string | undefined, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0" }));
const mode = vi.hoisted(() => ({ production: true }));
vi.mock("@/lib/auth", () => ({
  auth: async () => {
    if (!jar.token) return null;
    const { withSessionDetails, secondFactorFacts } = await import("@/lib/auth/session-adapter");
    const { db } = await import("@/db");
    const found = await withSessionDetails({}, db).getSessionAndUser!(jar.token);
    if (!found) return null;
    const u = found.user as unknown as { id: string; role: "coach" | "client"; email: string; name: string | null };
    return { user: { id: u.id, role: u.role, email: u.email, name: u.name }, expires: found.session.expires.toISOString(), secondFactor: secondFactorFacts(found.session) };
  },
  signOut: async () => {},
}));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: () => (mode.production ? { ...original.env(), NODE_ENV: "production" as const, AUTH_SECRET: "test-secret" } : original.env()) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/lib/site-url", () => ({ siteOrigin: async () => "http://localhost:3000", staticSiteOrigin: () => "http://localhost:3000" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": jar.userAgent }),
  cookies: async () => ({ get: (name: string) => (jar.token ? { name, value: jar.token } : undefined) }),
}));

const registerOptions = await import("@/app/api/passkeys/register/options/route");
const registerVerify = await import("@/app/api/passkeys/register/verify/route");
const authOptions = await import("@/app/api/passkeys/authenticate/options/route");
const authVerify = await import("@/app/api/passkeys/authenticate/verify/route");
const actions = await import("@/lib/second-factor/actions");
const guards = await import("@/lib/auth/guards");
const { withSessionDetails } = await import("@/lib/auth/session-adapter");

const ORIGIN = "http://localhost:3000";
let database: TestDatabase;
let coach: { id: string };
let anna: { id: string };

const json = (path: string, body: unknown) =>
  new NextRequest(new URL(path, ORIGIN), { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

/** A new session of `userId`, as the magic link leaves it: no second factor yet. */
async function signInByLink(userId: string): Promise<string> {
  const token = `t-${crypto.randomUUID()}`;
  await withSessionDetails({}, database.db).createSession!({ sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) });
  jar.token = token;
  return token;
}
const sessionRow = async (token: string) => (await database.db.select().from(sessions).where(eq(sessions.sessionToken, token)))[0];

async function registerPasskey(key: SoftwarePasskey, name?: string) {
  const options = await registerOptions.POST();
  expect(options.status).toBe(200);
  const { options: creation } = await options.json();
  return registerVerify.POST(json("/api/passkeys/register/verify", { response: key.register(creation, ORIGIN), ...(name && { name }) }));
}
async function provePasskey(key: SoftwarePasskey, { origin = ORIGIN } = {}) {
  const options = await authOptions.POST();
  expect(options.status).toBe(200);
  const { options: request } = await options.json();
  return authVerify.POST(json("/api/passkeys/authenticate/verify", { response: key.authenticate(request, origin) }));
}
/** Whether the guards let this session do the coach's work. */
async function coachGuard(): Promise<string> {
  try {
    await guards.requireApiUser("coach");
    return "allowed";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
async function redeem(code: string) {
  try {
    return await actions.redeemRecoveryCodeAction({}, form({ code }));
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirected: digest.split(";")[2] };
    throw error;
  }
}
const securityMails = () => database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "security-notice"));

const coachKey = new SoftwarePasskey();
const annasKey = new SoftwarePasskey();
let codes: string[] = [];

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  coach = all.find((u) => u.email === "coach@example.com")!;
  anna = all.find((u) => u.email === "anna@example.com")!;
});
afterAll(() => database?.drop());
beforeEach(() => {
  mode.production = true;
  jar.token = undefined;
});

describe("the coach's first sign-in in production", () => {
  it("is refused by the coach's guards until a passkey is set up, which the magic link alone may do once", async () => {
    const token = await signInByLink(coach.id);
    expect(await coachGuard()).toBe("second_factor_required");
    await expect(guards.requireRole("coach", "/coach")).rejects.toMatchObject({ digest: expect.stringContaining("/login/zweiter-faktor?callbackUrl=%2Fcoach") });

    const response = await registerPasskey(coachKey, "Laptop");
    expect(response.status).toBe(201);
    const body = await response.json();
    codes = body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);

    expect((await sessionRow(token))!.secondFactorAt).toBeInstanceOf(Date);
    expect(await coachGuard()).toBe("allowed");
    const stored = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, coach.id));
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace("-", ""));
    }
    expect(await database.db.select().from(webauthnChallenges)).toEqual([]);
    const [key] = await database.db.select().from(passkeys).where(eq(passkeys.userId, coach.id));
    expect(key).toMatchObject({ name: "Laptop", credentialId: coachKey.id });
  });

  it("sends a security email for the new passkey that holds no code and no credential", async () => {
    const mails = await securityMails();
    expect(mails.map((m) => m.subject)).toEqual(["Neuer Passkey für dein Konto (Rückenwind Coaching)"]);
    expect(mails[0]!.to).toBe("coach@example.com");
    const text = `${mails[0]!.html}\n${mails[0]!.text}`;
    for (const code of codes) expect(text).not.toContain(code);
    expect(text).not.toContain(coachKey.id);
    expect(text).toContain("/coach/einstellungen#anmeldung");
  });
});

describe("a later sign-in of the coach", () => {
  it("proves the passkey, which records the second factor on that session alone", async () => {
    const other = await signInByLink(coach.id);
    const token = await signInByLink(coach.id);
    expect(await coachGuard()).toBe("second_factor_required");
    const response = await provePasskey(coachKey);
    expect(response.status).toBe(200);
    expect((await sessionRow(token))!.secondFactorAt).toBeInstanceOf(Date);
    expect((await sessionRow(other))!.secondFactorAt).toBeNull();
    expect(await coachGuard()).toBe("allowed");
    const [key] = await database.db.select().from(passkeys).where(eq(passkeys.userId, coach.id));
    expect(key!.counter).toBe(coachKey.counter);
    expect(key!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("proves a passkey whose signature has a short r or s (about one signature in 128; refused by @simplewebauthn/server 9 as it comes)", async () => {
    const token = await signInByLink(coach.id);
    const { options } = await (await authOptions.POST()).json();
    const assertion = coachKey.authenticate(options, ORIGIN, { shortInteger: true });
    expect(hasShortInteger(Buffer.from(assertion.response.signature, "base64url"))).toBe(true);
    expect((await authVerify.POST(json("/api/passkeys/authenticate/verify", { response: assertion }))).status).toBe(200);
    expect((await sessionRow(token))!.secondFactorAt).toBeInstanceOf(Date);
  });

  it("cannot reuse a challenge, an old assertion, another origin or another person's passkey", async () => {
    const token = await signInByLink(coach.id);
    const { options } = await (await authOptions.POST()).json();
    const assertion = coachKey.authenticate(options, ORIGIN);
    expect((await authVerify.POST(json("/api/passkeys/authenticate/verify", { response: assertion }))).status).toBe(200);
    // The challenge is gone: the same answer again is refused.
    expect((await authVerify.POST(json("/api/passkeys/authenticate/verify", { response: assertion }))).status).toBe(400);

    const fresh = await signInByLink(coach.id);
    await authOptions.POST();
    expect((await authVerify.POST(json("/api/passkeys/authenticate/verify", { response: assertion }))).status).toBe(400);
    expect((await provePasskey(coachKey, { origin: "http://evil.example" })).status).toBe(400);
    // Anna's own passkey (clients may add one) does not prove the coach's session.
    await signInByLink(anna.id);
    expect((await registerPasskey(annasKey)).status).toBe(201);
    jar.token = fresh;
    expect((await provePasskey(annasKey)).status).toBe(400);
    expect((await sessionRow(fresh))!.secondFactorAt).toBeNull();
    expect((await sessionRow(token))!.secondFactorAt).toBeInstanceOf(Date);
  });

  it("refuses an expired challenge", async () => {
    const token = await signInByLink(coach.id);
    const { options } = await (await authOptions.POST()).json();
    await database.db.update(webauthnChallenges).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(webauthnChallenges.sessionToken, token));
    const response = await authVerify.POST(json("/api/passkeys/authenticate/verify", { response: coachKey.authenticate(options, ORIGIN) }));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/abgelaufen/);
    expect((await sessionRow(token))!.secondFactorAt).toBeNull();
  });

  it("adds a further passkey only from a session that proved its second factor", async () => {
    await signInByLink(coach.id);
    const second = new SoftwarePasskey();
    const refused = await registerOptions.POST();
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe("second_factor_required");
    expect((await registerVerify.POST(json("/api/passkeys/register/verify", { response: second.register({ challenge: "x", rp: {} }, ORIGIN) }))).status).toBe(401);

    expect((await provePasskey(coachKey)).status).toBe(200);
    const added = await registerPasskey(second, "Handy");
    expect(added.status).toBe(201);
    expect((await added.json()).recoveryCodes).toBeUndefined();
    expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, coach.id))).toHaveLength(2);
    // The same authenticator twice is refused.
    expect((await registerPasskey(second)).status).toBe(409);
  });
});

describe("recovery codes", () => {
  it("each works once, typed loosely, and tells the owner", async () => {
    const first = await signInByLink(coach.id);
    const loose = ` ${codes[0]!.toLowerCase().replace("-", " ")} `;
    expect(await redeem(loose)).toEqual({ redirected: "/coach" });
    expect((await sessionRow(first))!.secondFactorAt).toBeInstanceOf(Date);

    const second = await signInByLink(coach.id);
    expect(await redeem(codes[0]!)).toEqual({ message: "Dieser Code passt nicht oder wurde schon benutzt." });
    expect((await sessionRow(second))!.secondFactorAt).toBeNull();
    expect(await coachGuard()).toBe("second_factor_required");

    const mail = (await securityMails()).find((m) => m.subject.startsWith("Anmeldung mit einem Wiederherstellungscode"));
    expect(mail?.text).toContain("noch 9 unbenutzte Codes");
    for (const code of codes) expect(`${mail!.html}${mail!.text}`).not.toContain(code);
  });

  it("renewing voids every old code", async () => {
    await signInByLink(coach.id);
    expect(await redeem(codes[1]!)).toEqual({ redirected: "/coach" });
    const renewed = await actions.renewRecoveryCodesAction({}, new FormData());
    expect(renewed.codes).toHaveLength(10);
    expect(renewed.codes!.some((c) => codes.includes(c))).toBe(false);

    await signInByLink(coach.id);
    expect(await redeem(codes[2]!)).toEqual({ message: "Dieser Code passt nicht oder wurde schon benutzt." });
    expect(await redeem(renewed.codes![0]!)).toEqual({ redirected: "/coach" });
    codes = renewed.codes!.slice(1);
  });

  it("allows ten tries an hour per person, then refuses even the right code", async () => {
    await database.db.execute(sql`delete from rate_limits`);
    await signInByLink(coach.id);
    for (let i = 0; i < 10; i++) expect(await redeem("AAAAA-AAAAA")).toEqual({ message: "Dieser Code passt nicht oder wurde schon benutzt." });
    expect((await redeem(codes[0]!)) as { message?: string }).toMatchObject({ message: expect.stringMatching(/Zu viele Versuche/) });
    expect(await coachGuard()).toBe("second_factor_required");
    await database.db.execute(sql`delete from rate_limits`);
  });
});

describe("devices and sessions", () => {
  it("lists the person's sessions with browser and second factor, and ends other ones but never someone else's", async () => {
    jar.userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1";
    const phone = await signInByLink(coach.id);
    jar.userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0";
    const annas = await signInByLink(anna.id);
    const laptop = await signInByLink(coach.id);
    expect((await provePasskey(coachKey)).status).toBe(200);
    const { listSessions, describeUserAgent } = await import("@/lib/second-factor/sessions");
    const list = await listSessions(coach.id, laptop);
    const phoneItem = list.find((s) => s.userAgent?.includes("iPhone"))!;
    expect(describeUserAgent(phoneItem.userAgent)).toBe("Safari unter iOS");
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(phone);

    const annasId = (await sessionRow(annas))!.id;
    await actions.endSessionAction(form({ id: annasId }));
    expect(await sessionRow(annas)).toBeDefined();
    const own = (await sessionRow(laptop))!.id;
    await actions.endSessionAction(form({ id: own }));
    expect(await sessionRow(laptop)).toBeDefined();
    await actions.endSessionAction(form({ id: phoneItem.id }));
    expect(await sessionRow(phone)).toBeUndefined();
  });

  it("removes the last passkey only after the warning, and the recovery codes with it", async () => {
    await signInByLink(anna.id);
    expect(await guards.sessionState()).toMatchObject({ secondFactor: "pending" });
    expect((await provePasskey(annasKey)).status).toBe(200);
    const [annas] = await database.db.select().from(passkeys).where(eq(passkeys.userId, anna.id));
    expect(await actions.removePasskeyAction({}, form({ id: annas!.id }))).toEqual({ confirmLast: true });
    expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, anna.id))).toHaveLength(1);
    expect(await actions.removePasskeyAction({}, form({ id: annas!.id, confirmLast: "ja" }))).toMatchObject({ ok: expect.any(String) });
    expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, anna.id))).toEqual([]);
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, anna.id))).toEqual([]);
    // Without a passkey Anna is back to the magic link alone: a new session needs nothing more.
    await signInByLink(anna.id);
    expect((await guards.sessionState())?.secondFactor).toBe("off");
  });

  it("records the browser of a new session and moves 'last seen' at most every five minutes", async () => {
    const token = await signInByLink(coach.id);
    expect((await sessionRow(token))!.userAgent).toContain("Chrome/131.0");
    await database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '2 minutes'` }).where(eq(sessions.sessionToken, token));
    const twoMinutes = (await sessionRow(token))!.lastSeenAt;
    await withSessionDetails({}, database.db).getSessionAndUser!(token);
    expect((await sessionRow(token))!.lastSeenAt).toEqual(twoMinutes);
    await database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '6 minutes'` }).where(eq(sessions.sessionToken, token));
    await withSessionDetails({}, database.db).getSessionAndUser!(token);
    expect(Date.now() - (await sessionRow(token))!.lastSeenAt.getTime()).toBeLessThan(60_000);
  });
});

describe("clients", () => {
  it("keep the magic link alone until they add a passkey, and then prove it too", async () => {
    await signInByLink(anna.id);
    expect((await guards.sessionState())?.secondFactor).toBe("off");
    expect(await guards.requireApiUser("client")).toMatchObject({ id: anna.id });
    const key = new SoftwarePasskey();
    expect((await registerPasskey(key)).status).toBe(201);
    await signInByLink(anna.id);
    await expect(guards.requireApiUser("client")).rejects.toMatchObject({ code: "second_factor_required" });
    expect((await provePasskey(key)).status).toBe(200);
    expect(await guards.requireApiUser("client")).toMatchObject({ id: anna.id });
  });
});

describe("the operator's reset for lost passkeys and codes", () => {
  it("removes every passkey and code of the account, ends its sessions, tells the owner, and the next sign-in sets up a new passkey", async () => {
    const { resetSecondFactor } = await import("@/lib/second-factor/reset");
    const before = await signInByLink(coach.id);
    expect(await resetSecondFactor(" Coach@Example.com ", { origin: ORIGIN })).toMatchObject({ email: "coach@example.com", passkeys: 2, recoveryCodes: 10 });
    expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, coach.id))).toEqual([]);
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, coach.id))).toEqual([]);
    expect(await sessionRow(before)).toBeUndefined();
    expect((await securityMails()).some((m) => m.subject.startsWith("Zweiter Faktor zurückgesetzt"))).toBe(true);
    expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, anna.id))).toHaveLength(1);
    expect(await resetSecondFactor("niemand@example.com", { origin: ORIGIN })).toBeNull();

    await signInByLink(coach.id);
    expect(await guards.sessionState()).toMatchObject({ secondFactor: "pending", enrolled: false });
    const response = await registerPasskey(new SoftwarePasskey());
    expect(response.status).toBe(201);
    expect((await response.json()).recoveryCodes).toHaveLength(10);
  });
});

describe("in development", () => {
  it("lets the coach in without a second factor, marked as skipped", async () => {
    mode.production = false;
    await signInByLink(coach.id);
    expect((await guards.sessionState())?.secondFactor).toBe("skipped");
    expect(await coachGuard()).toBe("allowed");
  });
});
