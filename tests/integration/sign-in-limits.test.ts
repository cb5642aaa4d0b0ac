import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * Sign-in links are limited per email address and per requesting address, in PostgreSQL. The
 * form action and Auth.js's own endpoint count against the same limits. Auth.js itself is
 * replaced here (its email is tested elsewhere); the limits, headers and database are real.
 */
const request = vi.hoisted(() => {
  process.env.RATE_LIMIT_SIGNIN_PER_ADDRESS_PER_HOUR = "3";
  process.env.RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR = "5";
  // As server/start.mjs does: it marks the process and writes each request's socket address into its header.
  (globalThis as Record<symbol, unknown>)[Symbol.for("praxis.client-address-header")] = true;
  return { ip: "203.0.113.1", sent: [] as string[] };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-praxis-client-ip": request.ip }) }));
vi.mock("@/lib/auth", () => ({
  signIn: async (_provider: string, options: { email: string }) => {
    request.sent.push(options.email);
  },
  signOut: async () => {},
  handlers: {
    GET: async () => new Response(null, { status: 200 }),
    POST: async () => new Response(null, { status: 302, headers: { location: "/login/pruefen" } }),
  },
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

const { requestMagicLink } = await import("@/lib/auth/actions");
const route = await import("@/app/api/auth/[...nextauth]/route");
const { NextRequest } = await import("next/server");

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.drop());

function form(email: string) {
  const data = new FormData();
  data.set("email", email);
  return data;
}

async function ask(email: string) {
  try {
    return await requestMagicLink({}, form(email));
  } catch (error) {
    if ((error as Error).message === "NEXT_REDIRECT") return { redirected: true };
    throw error;
  }
}

describe("sign-in link limits", () => {
  it("allows a few links per address, then asks to wait, for known and unknown addresses alike", async () => {
    request.ip = "203.0.113.1";
    for (let i = 0; i < 3; i++) expect(await ask("anna@example.com")).toEqual({ redirected: true });
    const refused = await ask("ANNA@example.com ");
    expect(refused).toMatchObject({ error: expect.stringMatching(/viele Anmeldelinks/) });
    expect(request.sent.filter((e) => e === "anna@example.com")).toHaveLength(3);
  });

  it("limits one requesting address across email addresses, and not another", async () => {
    request.ip = "203.0.113.2";
    for (let i = 0; i < 5; i++) expect(await ask(`person${i}@example.com`)).toEqual({ redirected: true });
    expect(await ask("someone-else@example.com")).toMatchObject({ error: expect.stringMatching(/Zu viele Anmeldeversuche von hier/) });
    request.ip = "203.0.113.3";
    expect(await ask("someone-else@example.com")).toEqual({ redirected: true });
  });

  it("answers Auth.js's own endpoint with 429 and Retry-After once a limit is used up", async () => {
    request.ip = "203.0.113.4";
    const post = (email: string) =>
      route.POST(
        new NextRequest("http://localhost:3000/api/auth/signin/resend", {
          method: "POST",
          body: new URLSearchParams({ email, csrfToken: "x" }),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      );
    for (let i = 0; i < 3; i++) expect((await post("ben@example.com")).status).toBe(302);
    const limited = await post("ben@example.com");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    // A body that is not a form is still counted and handed to Auth.js, never a 500.
    const odd = await route.POST(
      new NextRequest("http://localhost:3000/api/auth/signin/resend", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(odd.status).toBeLessThan(500);
  });
});
