/*
 * The authorisation matrix: one entry for every page, route handler and server action of the
 * app, with what each of four people gets. tests/integration/authz-matrix.test.ts discovers the
 * app's pages, routes and actions from the file system and fails on any without an entry here,
 * then calls every action as each person; tests/e2e/authz.spec.ts asks the production server for
 * every page and route as each person. A new page, route or action therefore needs a line here.
 */

export const people = ["anonymous", "anna", "ben", "coach"] as const;
export type Person = (typeof people)[number];

/** Real ids, made or looked up during setup. `unknown` is a well-formed uuid of nothing. */
export type Ids = {
  anna: string;
  ben: string;
  coach: string;
  annasEntry: string;
  unknown: string;
  articleId: string;
  articleSlug: string;
};

/**
 * An HTTP outcome: a status, "login" (a redirect to /login), "home" (a redirect to the
 * person's own start page, /dashboard or /coach) or "second-factor" (a redirect to the page that
 * asks for the passkey or a recovery code, /login/zweiter-faktor).
 */
export type HttpOutcome = number | "login" | "home" | "second-factor";
export type Probe = {
  path: (ids: Ids) => string;
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: (ids: Ids) => unknown;
  headers?: Record<string, string>;
  expect: Record<Person, HttpOutcome>;
  /** Text that must not appear in any person's answer except the owner's (e.g. A's ids for B). */
  secretOf?: { owner: Person; text: (ids: Ids) => string[] };
  /**
   * What a signed-in session still owing its second factor (the coach right after the magic link)
   * gets, where it differs from the rule in pendingSecondFactorHttp: the steps that complete it.
   */
  pendingSecondFactor?: HttpOutcome;
};

const all = (outcome: HttpOutcome): Record<Person, HttpOutcome> => ({ anonymous: outcome, anna: outcome, ben: outcome, coach: outcome });
/** Client pages: anonymous to sign-in, the coach a 403. */
const clientPage = { anonymous: "login", anna: 200, ben: 200, coach: 403 } as const;
/** Coach pages: anonymous to sign-in, clients a 403. */
const coachPage = { anonymous: "login", anna: 403, ben: 403, coach: 200 } as const;
const coachPageMissing = { anonymous: "login", anna: 403, ben: 403, coach: 404 } as const;

const annasData = { owner: "anna", text: (ids: Ids) => [ids.annasEntry, "anna@example.com"] } as const;
/** A built-in exercise (lib/practice/builtin-exercises.ts): its id is fixed, on every installation. */
const BUILTIN_EXERCISE = "00000000-0000-4000-8000-00000000e001";

/** Pages, keyed by their URL pattern as the app directory spells it (groups removed). */
export const pages: Record<string, Probe[]> = {
  "/": [{ path: () => "/", expect: all(200) }],
  "/artikel": [{ path: () => "/artikel", expect: all(200) }],
  "/artikel/[slug]": [
    { path: (ids) => `/artikel/${ids.articleSlug}`, expect: all(200) },
    { path: () => "/artikel/gibt-es-nicht", expect: all(404) },
    { path: () => "/artikel/%00%E2%80%AE", expect: all(404) },
  ],
  // The list's later pages: the demo's four articles fill one page, so page 2 is past the last.
  "/artikel/seite/[seite]": [
    { path: () => "/artikel/seite/2", expect: all(404) },
    { path: () => "/artikel/seite/0", expect: all(404) },
    { path: () => "/artikel/seite/%3Cb%3E", expect: all(404) },
  ],
  "/datenschutz": [{ path: () => "/datenschutz", expect: all(200) }],
  "/impressum": [{ path: () => "/impressum", expect: all(200) }],
  // The benchmark's static ceiling: a prerendered page with no data.
  "/bench/statisch": [{ path: () => "/bench/statisch", expect: all(200) }],
  "/erstgespraech": [{ path: () => "/erstgespraech?userId=x&clientId=y", expect: all(200) }],
  "/selbsttest": [{ path: () => "/selbsttest", expect: all(200) }],
  "/termin/[token]": [
    { path: () => "/termin/nicht-echt", expect: all(404) },
    { path: () => `/termin/${"A".repeat(43)}`, expect: all(404) },
  ],
  "/termin/bestaetigen/[token]": [{ path: () => "/termin/bestaetigen/nicht-echt", expect: all(200) }],
  // A booking request's own page: only its token opens it.
  "/termin/anfrage/[token]": [
    { path: () => "/termin/anfrage/nicht-echt", expect: all(404) },
    { path: () => `/termin/anfrage/${"A".repeat(43)}`, expect: all(404) },
  ],
  "/login": [{ path: () => "/login", expect: { anonymous: 200, anna: "home", ben: "home", coach: "home" } }],
  "/login/fehler": [{ path: () => "/login/fehler", expect: all(200) }],
  "/login/pruefen": [{ path: () => "/login/pruefen", expect: all(200) }],
  // A wrong or used link: the calm message for everyone, nothing of any account.
  "/login/bestaetigen": [
    { path: () => `/login/bestaetigen?token=${"0".repeat(64)}&email=anna%40example.com`, expect: all(200) },
    { path: () => "/login/bestaetigen?token=%00&email=%E2%80%AE&callbackUrl=https%3A%2F%2Fevil.example", expect: all(200) },
  ],
  "/login/weiter": [{ path: () => "/login/weiter", expect: { anonymous: "login", anna: "home", ben: "home", coach: "home" } }],
  "/login/zweiter-faktor": [
    {
      path: () => "/login/zweiter-faktor?callbackUrl=https%3A%2F%2Fevil.example",
      expect: { anonymous: "login", anna: "home", ben: "home", coach: "home" },
      pendingSecondFactor: 200,
    },
  ],
  // The local mailbox: the e2e server runs with DEV_MAILBOX=1; production without it answers 404.
  "/dev/mail": [{ path: () => "/dev/mail", expect: all(200) }],
  // The reminder email's "abbestellen" link: opening it changes nothing, whoever opens it.
  "/erinnerung/abmelden": [
    { path: () => "/erinnerung/abmelden?token=nicht-echt", expect: all(200) },
    { path: (ids) => `/erinnerung/abmelden?token=${ids.unknown}.${"A".repeat(43)}`, expect: all(200) },
  ],

  "/dashboard": [{ path: () => "/dashboard", expect: clientPage }],
  "/dashboard/daten": [{ path: () => "/dashboard/daten", expect: clientPage, secretOf: annasData }],
  // The client's own invoices, packages and invoice address: no id in the URL to try.
  "/dashboard/rechnungen": [{ path: (ids) => `/dashboard/rechnungen?userId=${ids.ben}&clientId=${ids.ben}`, expect: clientPage }],
  "/dashboard/selbsttest": [{ path: () => "/dashboard/selbsttest", expect: clientPage }],
  "/dashboard/tagebuch": [
    { path: () => "/dashboard/tagebuch", expect: clientPage },
    { path: (ids) => `/dashboard/tagebuch?userId=${ids.anna}&clientId=${ids.anna}`, expect: clientPage, secretOf: annasData },
  ],
  // The journal form alone: the page the service worker keeps for offline use.
  "/dashboard/tagebuch/neu": [{ path: (ids) => `/dashboard/tagebuch/neu?userId=${ids.anna}`, expect: clientPage }],
  "/dashboard/termine": [{ path: (ids) => `/dashboard/termine?userId=${ids.anna}`, expect: clientPage }],
  "/dashboard/fortschritt": [{ path: (ids) => `/dashboard/fortschritt?userId=${ids.anna}&clientId=${ids.anna}`, expect: clientPage }],
  "/dashboard/sicherheit": [{ path: () => "/dashboard/sicherheit", expect: clientPage, secretOf: annasData }],
  // Practice: the library and the client's own homework; an exercise page with the client's own logs.
  "/dashboard/uebungen": [{ path: (ids) => `/dashboard/uebungen?userId=${ids.anna}`, expect: clientPage, secretOf: annasData }],
  "/dashboard/uebungen/[id]": [
    { path: () => `/dashboard/uebungen/${BUILTIN_EXERCISE}`, expect: clientPage, secretOf: annasData },
    { path: (ids) => `/dashboard/uebungen/${ids.unknown}`, expect: { anonymous: "login", anna: 404, ben: 404, coach: 403 } },
    { path: () => "/dashboard/uebungen/kein-uuid", expect: { anonymous: "login", anna: 404, ben: 404, coach: 403 } },
  ],
  // Evidence of safety: the client's own list; it takes no id.
  "/dashboard/beobachtungen": [{ path: (ids) => `/dashboard/beobachtungen?userId=${ids.anna}`, expect: clientPage, secretOf: annasData }],

  "/coach": [{ path: () => "/coach", expect: coachPage }],
  "/coach/artikel": [{ path: () => "/coach/artikel", expect: coachPage }],
  "/coach/artikel/neu": [{ path: () => "/coach/artikel/neu", expect: coachPage }],
  "/coach/artikel/[id]": [
    { path: (ids) => `/coach/artikel/${ids.articleId}`, expect: coachPage },
    { path: (ids) => `/coach/artikel/${ids.unknown}`, expect: coachPageMissing },
    { path: () => "/coach/artikel/kein-uuid", expect: coachPageMissing },
  ],
  "/coach/artikel/[id]/vorschau": [
    { path: (ids) => `/coach/artikel/${ids.articleId}/vorschau`, expect: coachPage },
    { path: (ids) => `/coach/artikel/${ids.unknown}/vorschau`, expect: coachPageMissing },
  ],
  "/coach/einstellungen": [{ path: () => "/coach/einstellungen", expect: coachPage }],
  "/coach/emails": [{ path: () => "/coach/emails", expect: coachPage }],
  // Aggregates only: no client's data, so no access-log row.
  "/coach/ergebnisse": [{ path: () => "/coach/ergebnisse", expect: coachPage }],
  "/coach/klienten": [{ path: () => "/coach/klienten", expect: coachPage }],
  "/coach/klienten/[id]": [
    { path: (ids) => `/coach/klienten/${ids.anna}`, expect: coachPage },
    { path: (ids) => `/coach/klienten/${ids.unknown}`, expect: coachPageMissing },
    // The coach is not a client: no record page for the coach's own account.
    { path: (ids) => `/coach/klienten/${ids.coach}`, expect: coachPageMissing },
    { path: () => `/coach/klienten/${"-".repeat(36)}`, expect: coachPageMissing },
  ],
  "/coach/kommentare": [{ path: () => "/coach/kommentare", expect: coachPage }],
  // Billing data, not health data: no access-log row (the client page, which shows health data, writes one).
  "/coach/rechnungen": [
    { path: () => "/coach/rechnungen", expect: coachPage },
    { path: () => "/coach/rechnungen?status=%00&status=paid", expect: coachPage },
  ],
  "/coach/rechnungen/[id]": [
    { path: (ids) => `/coach/rechnungen/${ids.unknown}`, expect: coachPageMissing },
    { path: () => "/coach/rechnungen/kein-uuid", expect: coachPageMissing },
  ],
  "/coach/termine": [{ path: () => "/coach/termine", expect: coachPage }],
  "/coach/uebungen": [{ path: () => "/coach/uebungen", expect: coachPage }],
  "/coach/uebungen/[id]": [
    { path: () => `/coach/uebungen/${BUILTIN_EXERCISE}`, expect: coachPage },
    { path: (ids) => `/coach/uebungen/${ids.unknown}`, expect: coachPageMissing },
    { path: () => "/coach/uebungen/kein-uuid", expect: coachPageMissing },
  ],
  "/coach/verfuegbarkeit": [{ path: () => "/coach/verfuegbarkeit", expect: coachPage }],
};

const json = { "content-type": "application/json" };
const clientApi = { anonymous: 401, anna: 200, ben: 200, coach: 403 } as const;
/** Under /dashboard the proxy sends visitors without a session cookie to sign-in before the handler runs. */
const clientDownload = { anonymous: "login", anna: 200, ben: 200, coach: 403 } as const;

/** Route handlers, keyed by "METHOD pattern". */
export const routes: Record<string, Probe[]> = {
  "GET /api/auth/[...nextauth]": [
    { path: () => "/api/auth/csrf", expect: all(200) },
    // The browser's view of the session: who is signed in, never the session token.
    { path: () => "/api/auth/session", expect: all(200) },
  ],
  "POST /api/auth/[...nextauth]": [
    // Without the CSRF token Auth.js refuses the sign-in request (a redirect to its error page).
    {
      path: () => "/api/auth/signin/resend",
      method: "POST",
      body: () => "email=anna%40example.com",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      expect: all(302),
    },
    // Anything but a single-valued form is refused before Auth.js reads it (it would parse JSON).
    { path: () => "/api/auth/signin/resend", method: "POST", body: () => ({ email: "anna@example.com" }), headers: json, expect: all(400) },
  ],
  "GET /api/health": [{ path: () => "/api/health", expect: all(200) }],
  "GET /feed.xml": [{ path: () => "/feed.xml", expect: all(200) }],
  // One-click unsubscribe: the token alone decides, and a wrong one does nothing for anyone.
  "POST /api/erinnerungen/abmelden": [
    {
      path: (ids) => `/api/erinnerungen/abmelden?token=${ids.unknown}.${"A".repeat(43)}`,
      method: "POST",
      body: () => "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      expect: all(404),
    },
  ],
  "GET /api/dev/mail": [{ path: () => `/api/dev/mail?to=${"x".repeat(300)}`, expect: all(400) }],
  "POST /api/cron/dispatch": [
    { path: () => "/api/cron/dispatch", method: "POST", expect: all(401) },
    { path: () => "/api/cron/dispatch", method: "POST", headers: { authorization: "Bearer falsch" }, expect: all(401) },
  ],
  "GET /api/kalender/[file]": [
    { path: () => "/api/kalender/nicht-echt.ics", expect: all(404) },
    { path: (ids) => `/api/kalender/${ids.coach}.ics`, expect: all(404) },
  ],
  "GET /api/slots": [
    { path: () => "/api/slots?from=2026-12-01&to=2026-12-07", expect: all(200) },
    { path: () => "/api/slots?from=2026-02-30&to=2026-03-02", expect: all(400) },
    { path: () => "/api/slots?from=9999-12-30&to=9999-12-31", expect: all(400) },
  ],
  "POST /api/bookings": [
    {
      path: () => "/api/bookings",
      method: "POST",
      body: (ids) => ({ clientId: ids.anna, userId: ids.anna }),
      headers: json,
      expect: all(400),
    },
  ],
  "GET /api/journal": [
    { path: () => "/api/journal", expect: clientApi },
    { path: (ids) => `/api/journal?userId=${ids.anna}&clientId=${ids.anna}`, expect: clientApi, secretOf: annasData },
  ],
  "POST /api/journal": [
    {
      path: () => "/api/journal",
      method: "POST",
      body: (ids) => ({ userId: ids.anna, entryDate: "2026-11-20", pain: 1, stress: 1 }),
      headers: json,
      expect: { anonymous: 401, anna: 400, ben: 400, coach: 403 },
    },
  ],
  "GET /api/journal/[id]": [
    { path: (ids) => `/api/journal/${ids.annasEntry}`, expect: { anonymous: 401, anna: 200, ben: 404, coach: 403 }, secretOf: annasData },
    { path: (ids) => `/api/journal/${ids.unknown}`, expect: { anonymous: 401, anna: 404, ben: 404, coach: 403 } },
    { path: () => `/api/journal/${"-".repeat(36)}`, expect: { anonymous: 401, anna: 404, ben: 404, coach: 403 } },
    { path: () => "/api/journal/%00%E2%80%AE", expect: { anonymous: 401, anna: 404, ben: 404, coach: 403 } },
  ],
  "PATCH /api/journal/[id]": [
    {
      path: (ids) => `/api/journal/${ids.annasEntry}`,
      method: "PATCH",
      body: () => ({}),
      headers: json,
      expect: { anonymous: 401, anna: 200, ben: 404, coach: 403 },
      secretOf: annasData,
    },
    {
      path: (ids) => `/api/journal/${ids.annasEntry}`,
      method: "PATCH",
      body: (ids) => ({ userId: ids.ben, notes: "von Ben" }),
      headers: json,
      expect: { anonymous: 401, anna: 400, ben: 400, coach: 403 },
    },
  ],
  "DELETE /api/journal/[id]": [
    { path: (ids) => `/api/journal/${ids.unknown}`, method: "DELETE", expect: { anonymous: 401, anna: 404, ben: 404, coach: 403 } },
    // Anna's own entry goes last (people are asked in the order anonymous, ben, coach, anna).
    { path: (ids) => `/api/journal/${ids.annasEntry}`, method: "DELETE", expect: { anonymous: 401, anna: 204, ben: 404, coach: 403 } },
  ],
  // The passkey ceremonies: for any signed-in session, also one that still owes its second factor.
  // Starting a registration is open to whoever has no passkey yet (anna, ben); the coach (with
  // one, and proved) may add another; without the second factor a further one is refused.
  "POST /api/passkeys/register/options": [
    {
      path: () => "/api/passkeys/register/options",
      method: "POST",
      body: (ids) => ({ userId: ids.anna }),
      headers: json,
      expect: { anonymous: 401, anna: 200, ben: 200, coach: 200 },
    },
  ],
  "POST /api/passkeys/register/verify": [
    {
      path: () => "/api/passkeys/register/verify",
      method: "POST",
      body: (ids) => ({
        userId: ids.anna,
        response: { id: "x", rawId: "x", type: "public-key", response: { clientDataJSON: "e30", attestationObject: "AA" } },
      }),
      headers: json,
      expect: { anonymous: 401, anna: 400, ben: 400, coach: 400 },
    },
  ],
  "POST /api/passkeys/authenticate/options": [
    {
      path: () => "/api/passkeys/authenticate/options",
      method: "POST",
      headers: json,
      expect: { anonymous: 401, anna: 400, ben: 400, coach: 200 },
      pendingSecondFactor: 200,
    },
  ],
  "POST /api/passkeys/authenticate/verify": [
    {
      path: () => "/api/passkeys/authenticate/verify",
      method: "POST",
      body: () => ({
        response: {
          id: "eA",
          rawId: "eA",
          type: "public-key",
          response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
        },
      }),
      headers: json,
      expect: { anonymous: 401, anna: 400, ben: 400, coach: 400 },
      pendingSecondFactor: 400,
    },
  ],
  // The coach's image upload: a raw image body. A few bytes of text are no image (415 once allowed in).
  "POST /api/images": [
    {
      path: () => "/api/images",
      method: "POST",
      body: () => "kein Bild",
      headers: { "content-type": "image/jpeg" },
      expect: { anonymous: 401, anna: 403, ben: 403, coach: 415 },
    },
  ],
  // Uploaded images are public files; unknown ones and unknown widths are 404 for everyone.
  "GET /bilder/[id]/[file]": [
    { path: (ids) => `/bilder/${ids.unknown}/960.webp`, expect: all(404) },
    { path: () => "/bilder/kein-bild/960.webp", expect: all(404) },
    { path: (ids) => `/bilder/${ids.unknown}/960.png`, expect: all(404) },
  ],
  "GET /dashboard/daten/export.json": [{ path: () => "/dashboard/daten/export.json", expect: clientDownload, secretOf: annasData }],
  // The report for the doctor: the client's own (no id), and the coach's for a client (logged).
  "GET /dashboard/bericht.pdf": [
    { path: (ids) => `/dashboard/bericht.pdf?clientId=${ids.anna}`, expect: clientDownload, secretOf: annasData },
    { path: () => "/dashboard/bericht.pdf?von=2026-02-30", expect: { anonymous: "login", anna: 400, ben: 400, coach: 403 } },
  ],
  "GET /coach/klienten/[id]/bericht.pdf": [
    { path: (ids) => `/coach/klienten/${ids.anna}/bericht.pdf`, expect: { anonymous: "login", anna: 403, ben: 403, coach: 200 } },
    { path: (ids) => `/coach/klienten/${ids.unknown}/bericht.pdf`, expect: { anonymous: "login", anna: 403, ben: 403, coach: 404 } },
    { path: (ids) => `/coach/klienten/${ids.coach}/bericht.pdf`, expect: { anonymous: "login", anna: 403, ben: 403, coach: 404 } },
  ],
  // The export for the tax advisor: the coach's alone; a period that is no period is a 400.
  "GET /coach/rechnungen/export.csv": [
    { path: () => "/coach/rechnungen/export.csv?von=2027-01-01&bis=2027-12-31", expect: coachPage },
    {
      path: () => "/coach/rechnungen/export.csv?von=2010-01-01&bis=2027-12-31",
      expect: { anonymous: "login", anna: 403, ben: 403, coach: 400 },
    },
  ],
  "GET /coach/rechnungen/export.zip": [
    { path: () => "/coach/rechnungen/export.zip?von=2027-01-01&bis=2027-12-31", expect: coachPage },
    {
      path: () => "/coach/rechnungen/export.zip?von=2027-02-30&bis=2027-12-31",
      expect: { anonymous: "login", anna: 403, ben: 403, coach: 400 },
    },
  ],
  // Invoice PDFs (lib/billing/download.ts): the client's own issued invoices only, any for the
  // coach; someone else's, a draft, an unknown or a malformed id is a 404 (ownership on
  // PostgreSQL in tests/integration/invoice-routes.test.ts).
  "GET /dashboard/rechnungen/[id]/pdf": [
    { path: (ids) => `/dashboard/rechnungen/${ids.unknown}/pdf`, expect: { anonymous: "login", anna: 404, ben: 404, coach: 403 } },
    { path: () => "/dashboard/rechnungen/kein-uuid/pdf", expect: { anonymous: "login", anna: 404, ben: 404, coach: 403 } },
  ],
  "GET /coach/rechnungen/[id]/pdf": [
    { path: (ids) => `/coach/rechnungen/${ids.unknown}/pdf`, expect: { anonymous: "login", anna: 403, ben: 403, coach: 404 } },
    { path: () => "/coach/rechnungen/%00%E2%80%AE/pdf", expect: { anonymous: "login", anna: 403, ben: 403, coach: 404 } },
  ],
  "GET /dashboard/daten/tagebuch.csv": [{ path: () => "/dashboard/daten/tagebuch.csv", expect: clientDownload }],
  "GET /dashboard/daten/uebungen.csv": [{ path: () => "/dashboard/daten/uebungen.csv", expect: clientDownload }],
  // The coach's recording upload: a raw audio body. Text is no audio (415 once allowed in).
  "POST /api/audio": [
    {
      path: () => "/api/audio",
      method: "POST",
      body: () => "keine Aufnahme",
      headers: { "content-type": "audio/mpeg" },
      expect: { anonymous: 401, anna: 403, ben: 403, coach: 415 },
    },
  ],
  // Recordings are the coach's voice: signed-in people only; unknown ones are 404.
  "GET /audio/[id]": [
    { path: (ids) => `/audio/${ids.unknown}`, expect: { anonymous: 401, anna: 404, ben: 404, coach: 404 } },
    { path: () => "/audio/kein-uuid", headers: { range: "bytes=0-1" }, expect: { anonymous: 401, anna: 404, ben: 404, coach: 404 } },
  ],
  "GET /dashboard/daten/fortschritt.csv": [{ path: () => "/dashboard/daten/fortschritt.csv", expect: clientDownload }],
  // Each client's own check-ins: Anna's seeded answers reach Anna only (Ben has none, so his list is empty).
  "GET /api/outcomes": [
    {
      path: (ids) => `/api/outcomes?userId=${ids.anna}&clientId=${ids.anna}`,
      expect: clientApi,
      secretOf: { owner: "anna", text: () => ["damageBelief"] },
    },
  ],
  "GET /termin/[token]/ics": [
    { path: () => "/termin/nicht-echt/ics", expect: all(404) },
    { path: () => `/termin/${"A".repeat(43)}/ics`, expect: all(404) },
  ],
  "GET /dashboard/termine/[id]/ics": [
    { path: (ids) => `/dashboard/termine/${ids.unknown}/ics`, expect: { anonymous: "login", anna: 404, ben: 404, coach: 403 } },
    { path: (ids) => `/dashboard/termine/${ids.annasEntry}/ics`, expect: { anonymous: "login", anna: 404, ben: 404, coach: 403 } },
  ],
};

/**
 * What each person gets from each server action, keyed "module#export". "unauthorized" and
 * "forbidden" are Next's unauthorized() and forbidden() from the action guard (requireActionUser),
 * which Next answers with 401 and 403. "no-change": the person may call it, but the test
 * calls it with other people's ids, unknown ids or bad input, so it must answer with an error
 * state, a not_found AppError, a redirect or nothing, and leave the database exactly as it was.
 * "allowed": the call does its (harmless) job, e.g. the coach renewing the calendar feed secret.
 */
export type ActionOutcome = "unauthorized" | "forbidden" | "second_factor_required" | "no-change" | "allowed";
const coachAction = { anonymous: "unauthorized", anna: "forbidden", ben: "forbidden", coach: "no-change" } as const;
const clientAction = { anonymous: "unauthorized", anna: "no-change", ben: "no-change", coach: "forbidden" } as const;
const publicAction = { anonymous: "no-change", anna: "no-change", ben: "no-change", coach: "no-change" } as const;

export const actions: Record<string, Record<Person, ActionOutcome>> = {
  "app/dev/mail/actions.ts#clearMailboxAction": publicAction,
  "lib/auth/actions.ts#requestMagicLink": publicAction,
  "lib/auth/actions.ts#signOutAction": publicAction,
  "lib/articles/actions.ts#saveArticleAction": coachAction,
  "lib/articles/actions.ts#deleteArticleAction": coachAction,
  "lib/articles/actions.ts#previewMarkdownAction": coachAction,
  "lib/articles/actions.ts#submitCommentAction": publicAction,
  "lib/articles/actions.ts#moderateCommentAction": coachAction,
  "lib/checks/actions.ts#saveSelfCheckAction": publicAction,
  "lib/booking/actions.ts#confirmBookingAction": publicAction,
  "lib/booking/actions.ts#cancelBookingAction": publicAction,
  "lib/booking/actions.ts#rescheduleBookingAction": publicAction,
  "lib/booking/client-actions.ts#cancelOwnAppointmentAction": clientAction,
  "lib/booking/receipt-actions.ts#resendConfirmationAction": publicAction,
  "lib/booking/coach-actions.ts#savePlaceDefaultsAction": coachAction,
  "lib/booking/coach-actions.ts#setConsultationPlaceAction": coachAction,
  "lib/booking/coach-actions.ts#saveAvailabilityAction": coachAction,
  "lib/booking/coach-actions.ts#saveOverrideAction": coachAction,
  "lib/booking/coach-actions.ts#deleteOverrideAction": coachAction,
  "lib/booking/coach-actions.ts#consultationAction": coachAction,
  "lib/clients/actions.ts#deleteAccountAction": clientAction,
  "lib/reminders/actions.ts#saveJournalReminderAction": clientAction,
  "lib/outcomes/actions.ts#submitCheckinAction": clientAction,
  "lib/outcomes/actions.ts#saveWeeklyCheckinAction": clientAction,
  "lib/outcomes/actions.ts#requestBaselineAction": coachAction,
  "lib/clients/coach-actions.ts#inviteClientAction": coachAction,
  "lib/safety/actions.ts#saveOwnEvidenceAction": clientAction,
  "lib/safety/actions.ts#deleteOwnEvidenceAction": clientAction,
  "lib/safety/actions.ts#saveClientEvidenceAction": coachAction,
  "lib/safety/actions.ts#deleteClientEvidenceAction": coachAction,
  "lib/safety/actions.ts#decideSuggestionAction": coachAction,
  "lib/clients/coach-actions.ts#manageClientAction": coachAction,
  "lib/email/actions.ts#retryEmailAction": coachAction,
  "lib/practice/actions.ts#saveExerciseAction": coachAction,
  "lib/practice/actions.ts#assignExerciseAction": coachAction,
  "lib/practice/actions.ts#endAssignmentAction": coachAction,
  "lib/practice/actions.ts#sendFeedbackAction": coachAction,
  "lib/practice/actions.ts#logPracticeAction": clientAction,
  "lib/sessions/actions.ts#scheduleSessionAction": coachAction,
  "lib/sessions/actions.ts#rescheduleSessionAction": coachAction,
  "lib/sessions/actions.ts#cancelSessionAction": coachAction,
  "lib/sessions/actions.ts#saveSessionRecordAction": coachAction,
  "lib/sessions/actions.ts#recordSessionOutcomeAction": coachAction,
  "lib/cancellation-policy/actions.ts#savePolicyAction": coachAction,
  "lib/cancellation-policy/actions.ts#acceptPolicyAction": clientAction,
  "lib/cancellation-policy/actions.ts#billFeeAction": coachAction,
  "lib/settings/actions.ts#savePracticeSettingsAction": coachAction,
  "lib/settings/actions.ts#saveSessionTypeAction": coachAction,
  "lib/settings/actions.ts#saveRetentionSettingsAction": coachAction,
  "lib/settings/actions.ts#setSessionTypeActiveAction": coachAction,
  "lib/settings/actions.ts#renewCalendarFeedAction": { ...coachAction, coach: "allowed" },
  "lib/billing/coach-actions.ts#saveBillingSettingsAction": coachAction,
  "lib/billing/coach-actions.ts#saveClientBillingAddressAction": coachAction,
  "lib/billing/coach-actions.ts#sellPackageAction": coachAction,
  "lib/billing/coach-actions.ts#draftFromSessionsAction": coachAction,
  "lib/billing/coach-actions.ts#draftFromPackageAction": coachAction,
  "lib/billing/coach-actions.ts#issueInvoiceAction": coachAction,
  "lib/billing/coach-actions.ts#discardDraftAction": coachAction,
  "lib/billing/coach-actions.ts#recordPaymentAction": coachAction,
  "lib/billing/coach-actions.ts#cancelInvoiceAction": coachAction,
  "lib/billing/client-actions.ts#saveOwnBillingAddressAction": clientAction,
  "lib/calendars/actions.ts#addCaldavConnectionAction": coachAction,
  "lib/calendars/actions.ts#addIcalConnectionAction": coachAction,
  "lib/calendars/actions.ts#saveCalendarChoicesAction": coachAction,
  "lib/calendars/actions.ts#saveWritebackAction": coachAction,
  "lib/calendars/actions.ts#removeConnectionAction": coachAction,
  // Passkeys, recovery codes and sessions: each person's own; the attempts aim at other people's.
  "lib/second-factor/actions.ts#redeemRecoveryCodeAction": { ...publicAction, anonymous: "unauthorized" },
  // The coach has a passkey in the test database, so renewing the codes does its job there.
  "lib/second-factor/actions.ts#renewRecoveryCodesAction": { ...publicAction, anonymous: "unauthorized", coach: "allowed" },
  "lib/second-factor/actions.ts#removePasskeyAction": { ...publicAction, anonymous: "unauthorized" },
  "lib/second-factor/actions.ts#endSessionAction": { ...publicAction, anonymous: "unauthorized" },
};

/**
 * A signed-in session whose second factor is still missing (the coach after the magic link, or
 * a client who added a passkey) gets what an anonymous visitor gets, except that the guards say
 * "second_factor_required" where they would say "unauthorized". Listed here: what differs, i.e.
 * the steps that complete the second factor.
 */
export const pendingSecondFactorActions: Record<string, ActionOutcome> = {
  "lib/second-factor/actions.ts#redeemRecoveryCodeAction": "no-change",
};

/**
 * What a session owing its second factor gets from a page or route: where an anonymous visitor
 * is sent to sign in, it is sent to the second-factor page (pages) or refused with 401 (routes,
 * whose guards answer instead of redirecting); the sign-in page itself sends it on there too.
 * Everything else as for an anonymous visitor.
 */
export function pendingSecondFactorHttp(kind: "page" | "route", key: string, probe: Probe): HttpOutcome {
  if (probe.pendingSecondFactor !== undefined) return probe.pendingSecondFactor;
  if (kind === "page" && key === "/login") return "second-factor";
  const anonymous = probe.expect.anonymous;
  if (anonymous === "login") return kind === "page" ? "second-factor" : 401;
  return anonymous;
}

/** What a session without its second factor gets from an action. */
export function pendingSecondFactorOutcome(key: string): ActionOutcome {
  const anonymous = actions[key]!.anonymous;
  return pendingSecondFactorActions[key] ?? (anonymous === "unauthorized" ? "second_factor_required" : anonymous);
}
