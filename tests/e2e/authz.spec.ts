import { expect, test, type APIRequestContext, type APIResponse, type BrowserContext } from "@playwright/test";
import { pages, pendingSecondFactorHttp, routes, type HttpOutcome, type Ids, type Person, type Probe } from "../authz/matrix";
import { signIn } from "./support/app";
import { COACH_EMAIL, COACH_STATE } from "./support/coach";

/*
 * Every page and route of tests/authz/matrix.ts asked over HTTP of the production server as
 * anonymous, Anna, Ben and the coach; the matrix's completeness against app/ is checked by
 * tests/integration/authz-matrix.test.ts. Anna goes last so that her own DELETE comes after
 * everyone else has tried it.
 */
const order: Person[] = ["anonymous", "ben", "coach", "anna"];
const emails = { anna: "anna@example.com", ben: "ben@example.com" } as const;

let contexts: Record<Person, APIRequestContext>;
/** The coach after the magic link, before the passkey. */
let pendingCoach: APIRequestContext;
const browserContexts: BrowserContext[] = [];
let ids: Ids;

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const signedIn = async (email: string, landing = /\/(dashboard|coach)/) => {
    const context = await browser.newContext({ baseURL });
    browserContexts.push(context);
    const page = await context.newPage();
    await signIn(page, email);
    await page.waitForURL(landing);
    await page.close();
    return context.request;
  };
  const coach = await browser.newContext({ baseURL, storageState: COACH_STATE });
  browserContexts.push(coach);
  contexts = {
    anonymous: await playwright.request.newContext({ baseURL }),
    anna: await signedIn(emails.anna),
    ben: await signedIn(emails.ben),
    coach: coach.request,
  };
  pendingCoach = await signedIn(COACH_EMAIL, /\/login\/zweiter-faktor/);
  const userId = async (who: Person) => (await (await contexts[who].get("/api/auth/session")).json()).user.id as string;
  // A fresh entry of Anna's, so that deleting it leaves the demo journal as it was.
  let annasEntry = "";
  for (let attempt = 0; !annasEntry && attempt < 5; attempt++) {
    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
    const response = await contexts.anna.post("/api/journal", {
      data: { entryDate: `2003-02-${day}`, pain: 2, stress: 3, notes: "authz" },
    });
    if (response.status() === 201) annasEntry = (await response.json()).entry.id;
  }
  expect(annasEntry, "Anna's journal entry for the probes").toBeTruthy();
  const articleId = (await (await contexts.coach.get("/coach/artikel")).text()).match(/\/coach\/artikel\/([0-9a-f-]{36})"/)?.[1];
  const articleSlug = (await (await contexts.anonymous.get("/artikel")).text()).match(/href="\/artikel\/([a-z0-9-]+)"/)?.[1];
  expect(articleId && articleSlug, "a demo article").toBeTruthy();
  ids = {
    anna: await userId("anna"),
    ben: await userId("ben"),
    coach: await userId("coach"),
    annasEntry,
    unknown: "00000000-0000-4000-8000-000000000000",
    articleId: articleId!,
    articleSlug: articleSlug!,
  };
});

test.afterAll(async () => {
  // Close what this file opened; the signed-in request contexts belong to their browser contexts.
  await contexts?.anonymous.dispose();
  for (const context of browserContexts) await context.close();
});

async function ask(who: Person | "pendingCoach", probe: Probe): Promise<APIResponse> {
  const body = probe.body?.(ids);
  return (who === "pendingCoach" ? pendingCoach : contexts[who]).fetch(probe.path(ids), {
    method: probe.method ?? "GET",
    headers: probe.headers,
    // A string is sent as it is (a form); anything else as JSON.
    data: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    maxRedirects: 0,
  });
}

function matches(who: Person | "pendingCoach", expected: HttpOutcome, response: APIResponse): boolean {
  const location = response.headers()["location"] ?? "";
  const redirected = [302, 303, 307, 308].includes(response.status());
  if (expected === "login") return redirected && /^(https?:\/\/[^/]+)?\/login(\?|$)/.test(location);
  if (expected === "second-factor") return redirected && /^(https?:\/\/[^/]+)?\/login\/zweiter-faktor(\?|$)/.test(location);
  if (expected === "home") return redirected && new RegExp(`^(https?://[^/]+)?/${who === "coach" ? "coach" : "dashboard"}$`).test(location);
  return response.status() === expected;
}

/**
 * The page answers served from the static cache, which cannot carry a nonce and so may allow
 * 'unsafe-inline' scripts (see lib/http/csp.ts): the public pages, the article pages (a missing
 * article or list page is answered under the same path) and the bench's static page. Written out
 * here, not asked of the code under test; and each such answer must say it came from that cache.
 */
const fromStaticCache = (path: string) =>
  [
    "/",
    "/artikel",
    "/artikel/seite/2",
    "/artikel/seite/0",
    "/artikel/seite/%3Cb%3E",
    `/artikel/${ids.articleSlug}`,
    "/artikel/gibt-es-nicht",
    "/artikel/%00%E2%80%AE",
    "/selbsttest",
    "/erstgespraech",
    "/impressum",
    "/datenschutz",
    "/bench/statisch",
  ].includes(path);

/** The foundation's security headers, on every page answer: content, redirect or refusal alike. */
function missingSecurityHeaders(where: string, response: APIResponse): string[] {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  const expected: [string, boolean][] = [
    ["a Content-Security-Policy with frame-ancestors 'none'", csp.includes("frame-ancestors 'none'") && csp.includes("default-src 'self'")],
    // Pages from the static cache cannot carry a nonce (see lib/http/csp.ts); all others must not allow inline scripts.
    [
      "no 'unsafe-inline' scripts",
      (fromStaticCache(new URL(response.url()).pathname) && Boolean(h["x-nextjs-cache"])) || !/script-src[^;]*'unsafe-inline'/.test(csp),
    ],
    ["no 'unsafe-eval'", !csp.includes("'unsafe-eval'")],
    ["X-Content-Type-Options: nosniff", h["x-content-type-options"] === "nosniff"],
    ["Referrer-Policy", h["referrer-policy"] === "strict-origin-when-cross-origin"],
    ["Permissions-Policy", (h["permissions-policy"] ?? "").includes("camera=()")],
    ["Strict-Transport-Security", (h["strict-transport-security"] ?? "").includes("max-age=")],
  ];
  return expected.filter(([, ok]) => !ok).map(([what]) => `${where}: missing ${what}`);
}

async function check(kind: string, table: Record<string, Probe[]>) {
  const failures: string[] = [];
  let asked = 0;
  for (const [key, probes] of Object.entries(table)) {
    for (const probe of probes) {
      for (const who of order) {
        const response = await ask(who, probe);
        asked++;
        const expected = probe.expect[who];
        const where = `${kind} ${key}: ${probe.method ?? "GET"} ${probe.path(ids)} as ${who}`;
        if (!matches(who, expected, response)) {
          failures.push(`${where}: expected ${expected}, got ${response.status()} ${response.headers()["location"] ?? ""}`);
        }
        if (kind === "page") failures.push(...missingSecurityHeaders(where, response));
        if (probe.secretOf && who !== probe.secretOf.owner) {
          const body = await response.text();
          for (const secret of probe.secretOf.text(ids)) if (body.includes(secret)) failures.push(`${where}: the answer holds ${secret}`);
        }
      }
    }
  }
  return { failures, asked };
}

test("every page answers each person as the matrix says, with the security headers", async () => {
  const { failures, asked } = await check("page", pages);
  expect(asked).toBeGreaterThan(100);
  expect(failures).toEqual([]);
});

test("every route answers each person as the matrix says, and never with another person's data", async () => {
  const { failures, asked } = await check("route", routes);
  expect(asked).toBeGreaterThan(80);
  expect(failures).toEqual([]);
});

test("the coach signed in by magic link alone gets what an anonymous visitor gets, and the second-factor page instead of sign-in", async () => {
  // What a stolen mailbox opens: nothing behind a guard, on every page and route of the matrix.
  const failures: string[] = [];
  let asked = 0;
  for (const [kind, table] of [
    ["page", pages],
    ["route", routes],
  ] as const) {
    for (const [key, probes] of Object.entries(table)) {
      for (const probe of probes) {
        const expected = pendingSecondFactorHttp(kind, key, probe);
        const response = await ask("pendingCoach", probe);
        asked++;
        if (!matches("pendingCoach", expected, response)) {
          failures.push(`${kind} ${key}: ${probe.method ?? "GET"} ${probe.path(ids)}: expected ${expected}, got ${response.status()} ${response.headers()["location"] ?? ""}`);
        }
        if (kind === "page") failures.push(...missingSecurityHeaders(`${key} (magic link only)`, response));
        if (probe.secretOf) {
          const body = await response.text();
          for (const secret of probe.secretOf.text(ids)) if (body.includes(secret)) failures.push(`${kind} ${key}: the answer holds ${secret}`);
        }
      }
    }
  }
  expect(asked).toBeGreaterThan(60);
  expect(failures).toEqual([]);
});
