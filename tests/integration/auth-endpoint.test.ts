import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailOutbox, sessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * Auth.js's own endpoint, for real, on the test database: what a sign-in request does before its
 * answer, and what the session endpoint answers. Only Next's request scope is stood in for: the
 * request headers, and `after()`, whose callbacks are kept and run when the test says the
 * response is out.
 */
const scope = vi.hoisted(() => ({ cookie: "", deferred: [] as (() => unknown)[], recording: false, statements: [] as string[] }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "Vitest", cookie: scope.cookie }),
  cookies: async () => ({
    get: (name: string) => {
      const value = scope.cookie.match(new RegExp(`(?:^|; )${name.replace(/\./g, "\\.")}=([^;]*)`))?.[1];
      return value ? { name, value } : undefined;
    },
    getAll: () => [],
    set: () => {},
    has: () => false,
  }),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => void scope.deferred.push(task),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));

const route = await import("@/app/api/auth/[...nextauth]/route");
const { auth } = await import("@/lib/auth");
const { NextRequest } = await import("next/server");

const ORIGIN = "http://localhost:3000";
let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase({
    logger: {
      logQuery: (query) => {
        if (scope.recording) scope.statements.push(query);
      },
    },
  });
  await seedDemo(database.db, "coach@example.com");
});
afterAll(() => database.drop());

/** A browser's request for a link: the CSRF token first (cookie and field), then the form. */
async function requestLink(email: string): Promise<{ response: Response; statements: string[] }> {
  const csrf = await route.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  scope.statements = [];
  scope.recording = true;
  try {
    const response = await route.POST(
      new NextRequest(`${ORIGIN}/api/auth/signin/resend`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ email, csrfToken, callbackUrl: `${ORIGIN}/login/weiter` }),
      }),
    );
    return { response, statements: scope.statements };
  } finally {
    scope.recording = false;
  }
}

async function runDeferred() {
  while (scope.deferred.length) await scope.deferred.shift()!();
}

describe("asking for a sign-in link", () => {
  it("runs the same statements before the answer for a client's address and for an unknown one; the client's email follows after", async () => {
    await requestLink(`warm-up-${randomUUID()}@example.com`);
    await runDeferred();
    await database.db.delete(emailOutbox);

    const known = await requestLink("anna@example.com");
    const knownDeferred = scope.deferred.length;
    expect(await database.db.select().from(emailOutbox)).toEqual([]); // nothing queued before the answer
    await runDeferred();
    const unknown = await requestLink(`stranger-${randomUUID()}@example.com`);
    await runDeferred();

    for (const { response } of [known, unknown]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/\/verify-request\?provider=resend|\/login\/pruefen/);
    }
    expect(known.statements.length).toBeGreaterThan(0);
    expect(known.statements).toEqual(unknown.statements);
    expect(knownDeferred).toBeGreaterThan(0);

    const mail = await database.db.select().from(emailOutbox);
    expect(mail.map((m) => m.to)).toEqual(["anna@example.com"]);
    // The link opens the page that asks for a click, not Auth.js's callback.
    expect(mail[0]!.text).toMatch(/http:\/\/localhost:3000\/login\/bestaetigen\?callbackUrl=[^\s]*&token=[^&\s]+&email=anna%40example\.com/);
    expect(mail[0]!.text).not.toContain("/api/auth/callback/");
  });
});

describe("the session endpoint", () => {
  it("tells the browser who is signed in and nothing of the session row; the server still knows the role and the second factor", async () => {
    const [coach] = await database.db.select().from(users).where(eq(users.email, "coach@example.com"));
    const sessionToken = `token-${randomUUID()}`;
    const secondFactorAt = new Date("2026-11-30T10:00:00Z");
    await database.db.insert(sessions).values({
      sessionToken,
      userId: coach!.id,
      expires: new Date(Date.now() + 86_400_000),
      userAgent: "Mozilla/5.0 SecretBrowser/1.0",
      secondFactorAt,
    });
    scope.cookie = `authjs.session-token=${sessionToken}`;
    try {
      const response = await route.GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: scope.cookie } }));
      expect(response.status).toBe(200);
      const text = await response.text();
      const [row] = await database.db.select().from(sessions).where(eq(sessions.sessionToken, sessionToken));
      for (const detail of [sessionToken, row!.id, "SecretBrowser", secondFactorAt.toISOString(), row!.createdAt.toISOString(), row!.lastSeenAt.toISOString()]) {
        expect(text, detail).not.toContain(detail);
      }
      const body = JSON.parse(text);
      expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
      expect(body.user).toEqual({ id: coach!.id, name: coach!.name, email: "coach@example.com", role: "coach" });

      const session = await auth();
      expect(session?.user.role).toBe("coach");
      expect(session?.secondFactor).toEqual({ verified: true, enrolled: false });
      expect(JSON.stringify(session)).not.toContain(sessionToken);
    } finally {
      scope.cookie = "";
    }
  });
});
