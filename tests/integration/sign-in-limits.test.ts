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
  return { ip: "203.0.113.1", sent: [] as string[], forwarded: [] as { type: string | null; body: string }[] };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-praxis-client-ip": request.ip }) }));
vi.mock("@/lib/auth", () => ({
  signIn: async (_provider: string, options: { email: string }) => {
    request.sent.push(options.email);
  },
  signOut: async () => {},
  handlers: {
    GET: async () => new Response(null, { status: 200 }),
    POST: async (forwarded: Request) => {
      request.forwarded.push({ type: forwarded.headers.get("content-type"), body: await forwarded.text() });
      return new Response(null, { status: 302, headers: { location: "/login/pruefen" } });
    },
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
  });

  it("counts every spelling of one address as that address: a comma suffix, full-width letters, upper case", async () => {
    request.ip = "203.0.113.5";
    for (let i = 0; i < 3; i++) expect((await postForm("cara@example.com")).status).toBe(302);
    const handedOn = request.forwarded.length;
    // Auth.js reads each of these as cara@example.com (its default normaliser, now ours too).
    for (const [i, spelling] of ["cara@example.com,x1", "cara@example.com,", "ｃａｒａ@example.com", "cara＠example.com", " CARA@Example.COM "].entries()) {
      request.ip = `198.51.100.${10 + i}`; // each from another address: only the email address's limit can refuse it
      const response = await postForm(spelling);
      expect(response.status, spelling).toBe(429);
    }
    expect(request.forwarded.length).toBe(handedOn);
  });

  it("refuses two email fields, a JSON body and other bodies Auth.js would read differently, before Auth.js sees them", async () => {
    request.ip = "203.0.113.6";
    for (let i = 0; i < 3; i++) expect((await postForm("dora@example.com")).status).toBe(302);
    const handedOn = request.forwarded.length;
    request.ip = "198.51.100.20";
    const twoFields = await post("application/x-www-form-urlencoded", "email=decoy%40example.com&email=dora%40example.com&csrfToken=x");
    expect(twoFields.status).toBe(400);
    expect(await twoFields.json()).toMatchObject({ error: "invalid" });
    const bodies: [string, string][] = [
      ["application/json", JSON.stringify({ email: "dora@example.com", csrfToken: "x" })],
      ["application/x-www-form-urlencoded; application/json", JSON.stringify({ email: "dora@example.com", csrfToken: "x" })],
      ["text/plain", "email=dora%40example.com&csrfToken=x"],
      ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\ndora@example.com\r\n--x--\r\n'],
    ];
    for (const [i, [type, body]] of bodies.entries()) {
      request.ip = `198.51.100.${21 + i}`;
      const response = await post(type, body);
      expect(response.status, type).toBeGreaterThanOrEqual(400);
      expect(response.status, type).toBeLessThan(500);
    }
    expect(request.forwarded.length).toBe(handedOn);
  });

  it("refuses an address Auth.js could not read, and hands Auth.js exactly the form that was counted", async () => {
    request.ip = "203.0.113.7";
    for (const bad of ['"x"@example.com', "a@b@example.com", "", "nobody"]) expect((await postForm(bad)).status, bad).toBe(400);
    const handedOn = request.forwarded.length;
    expect((await post("application/x-www-form-urlencoded; charset=UTF-8", "email=emil%40example.com&csrfToken=x")).status).toBe(302);
    expect(request.forwarded.slice(handedOn)).toEqual([{ type: "application/x-www-form-urlencoded", body: "email=emil%40example.com&csrfToken=x" }]);
  });

  it("stops reading a 150 MB body to any Auth.js endpoint shortly after 8 KB", async () => {
    request.ip = "203.0.113.8";
    const handedOn = request.forwarded.length;
    for (const path of ["/api/auth/signin/resend", "/api/auth/callback/resend", "/api/auth/signout"]) {
      const counter = { sent: 0 };
      const chunk = new TextEncoder().encode("email=".padEnd(16_384, "a"));
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (counter.sent >= 150 * 1024 * 1024) return controller.close();
          counter.sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const response = await route.POST(
        new NextRequest(`http://localhost:3000${path}`, {
          method: "POST",
          body,
          duplex: "half",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        } as ConstructorParameters<typeof NextRequest>[1]),
      );
      expect(response.status, path).toBe(413);
      expect(counter.sent, path).toBeLessThanOrEqual(8 * 1024 + 64 * 1024);
    }
    expect(request.forwarded.length).toBe(handedOn);
  });
});

function post(type: string, body: string, path = "/api/auth/signin/resend") {
  return route.POST(new NextRequest(`http://localhost:3000${path}`, { method: "POST", body, headers: { "content-type": type } }));
}

function postForm(email: string) {
  return post("application/x-www-form-urlencoded", new URLSearchParams({ email, csrfToken: "x" }).toString());
}
