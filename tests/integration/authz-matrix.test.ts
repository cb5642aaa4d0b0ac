import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appointments, articles, passkeys, sessions, sessionTypes, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createEntry } from "@/lib/journal/queries";
import { journalEntrySchema } from "@/lib/journal/schemas";
import { actions, pages, pendingSecondFactorOutcome, people, routes, type ActionOutcome, type Person } from "../authz/matrix";
import { discoverPages, discoverRouteFiles, discoverServerActionModules, HTTP_METHODS } from "./helpers/app-surface";
import { useTestDatabase, type TestDatabase } from "./helpers/db";

/*
 * The authorisation matrix (tests/authz/matrix.ts) against the app itself: every page, route
 * handler and server action found in the source must have an entry, and every server action is
 * called as anonymous, client A (anna), client B (ben) and the coach, with other people's ids,
 * unknown ids and bad input. Only the session lookup is mocked, as in scoping.test.ts; pages and
 * routes are asked over HTTP by tests/e2e/authz.spec.ts.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; role: "client" | "coach"; email: string },
  secondFactor: undefined as undefined | { verified: boolean; enrolled: boolean },
  /** The session cookie's token, for the actions that act on the session row itself. */
  token: undefined as undefined | string,
}));
vi.mock("@/lib/auth", () => ({
  auth: async () =>
    session.user
      ? {
          user: session.user,
          expires: new Date(Date.now() + 3600_000).toISOString(),
          ...(session.secondFactor && { secondFactor: session.secondFactor }),
        }
      : null,
  signIn: async () => {},
  signOut: async () => {},
  handlers: { GET: async () => new Response(null), POST: async () => new Response(null) },
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
// The second-factor sweep runs as production does: there the coach cannot skip the second factor.
const mode = vi.hoisted(() => ({ production: false }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: () => (mode.production ? { ...original.env(), NODE_ENV: "production" as const } : original.env()) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/lib/site-url", () => ({ siteOrigin: async () => "http://localhost:3000", staticSiteOrigin: () => "http://localhost:3000" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (session.token ? { name, value: session.token } : undefined) }),
}));

const root = path.resolve(__dirname, "../..");
type Who = { id: string; role: "client" | "coach"; email: string };
type ActionIds = {
  anna: string;
  ben: string;
  coach: string;
  annasEntry: string;
  annasAppointment: string;
  bensAppointment: string;
  articleId: string;
  articleSlug: string;
  sessionTypeId: string;
  unknown: string;
  /** Each person's session row (token for the cookie, id as the settings name it). */
  sessions: Record<Exclude<Person, "anonymous">, { token: string; id: string }>;
  coachsPasskey: string;
};

let database: TestDatabase;
let ids: ActionIds;
let persons: Record<Exclude<Person, "anonymous">, Who>;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const dashes = "-".repeat(36);
const bogusToken = "A".repeat(43);
/** The other client's appointment: what a client must never be able to touch. */
const othersAppointment = (me: Person) => (me === "anna" ? ids.bensAppointment : ids.annasAppointment);
/** Someone else's session: what nobody may end. */
const othersSession = (me: Person) => (me === "anna" ? ids.sessions.ben.id : ids.sessions.anna.id);
const ownSession = (me: Person) => (me === "anonymous" ? ids.unknown : ids.sessions[me].id);

type Call = (me: Person) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every action has its own signature
type AnyAction = (...args: any[]) => Promise<unknown>;

/** The attempts made against each action: other people's ids, unknown or malformed ids, bad input. */
function attemptsFor(key: string, action: AnyAction): Call[] {
  const name = key.split("#")[1];
  switch (name) {
    case "clearMailboxAction":
    case "signOutAction":
    case "renewCalendarFeedAction":
      return [() => action({}, new FormData())];
    case "requestMagicLink":
      return [
        () => action({}, form({ email: "anna@example.com\u0000", callbackUrl: "https://evil.example" })),
        () => action({}, form({ email: "x".repeat(300) })),
      ];
    case "saveArticleAction":
      return [
        () =>
          action(
            {},
            form({
              id: ids.unknown,
              title: "Ein Titel",
              slug: "ein-titel",
              excerpt: "",
              body: "Text",
              tags: "",
              sources: "",
              coverImageUrl: "",
              coverImageAlt: "",
            }),
          ),
        () =>
          action(
            {},
            form({
              id: dashes,
              title: "Ein Titel",
              slug: "",
              excerpt: "",
              body: "Text",
              tags: "",
              sources: "",
              coverImageUrl: "",
              coverImageAlt: "",
            }),
          ),
        () => action({}, form({ title: "", body: "\u0000" })),
      ];
    case "deleteArticleAction":
      return [() => action(form({ id: ids.unknown })), () => action(form({ id: dashes }))];
    case "previewMarkdownAction":
      return [() => action({ toString: null })];
    case "submitCommentAction":
      return [
        () => action(ids.articleSlug, {}, form({ authorName: "", body: "", consent: "" })),
        () => action("gibt-es-nicht", {}, form({ authorName: "\u202e", body: "x".repeat(100_000) })),
        () => action("a\u0000b", {}, form({ authorName: "Eva", body: "Danke für den Artikel", consent: "on" })),
      ];
    case "moderateCommentAction":
      return [() => action(form({ id: ids.unknown, decision: "approve" })), () => action(form({ id: dashes, decision: "delete" }))];
    case "saveSelfCheckAction":
      return [
        () => action(JSON.parse('{"__proto__": {"signs": {}}, "signs": "ja"}')),
        () => action(null),
        () => action({ signs: { stress_onset: true }, redFlags: {} }),
      ];
    case "confirmBookingAction":
      return [() => action("nicht-echt"), () => action(bogusToken), () => action(ids.annasAppointment)];
    case "cancelBookingAction":
      return [
        () => action(bogusToken, {}, form({ reason: "x" })),
        () => action(ids.annasAppointment, {}, form({ reason: "x".repeat(600) })),
      ];
    case "rescheduleBookingAction":
      return [
        () => action(bogusToken, {}, form({ start: "2026-02-30T10:00:00Z" })),
        () => action(bogusToken, {}, form({ start: "9999-12-31T10:00:00Z" })),
      ];
    case "cancelOwnAppointmentAction":
      return [
        (me) => action(othersAppointment(me), {}, form({ reason: "Ich kann nicht" })),
        () => action(ids.unknown, {}, form({ reason: "" })),
        () => action(dashes, {}, form({})),
      ];
    case "resendConfirmationAction":
      return [() => action(bogusToken, {}, form({})), () => action("nicht-echt", {}, form({}))];
    case "savePlaceDefaultsAction":
      return [() => action({}, form({ videoLink: "http://evil.example/x", phoneNote: "eins\nzwei", inPersonAddress: "" }))];
    case "setConsultationPlaceAction":
      return [
        () => action(ids.unknown, {}, form({ location: "https://meet.example.com/x" })),
        () => action(ids.annasAppointment, {}, form({ location: "https://meet.example.com/x" })),
        () => action(dashes, {}, form({ location: "javascript:alert(1)" })),
      ];
    case "saveAvailabilityAction":
      return [() => action({}, form({ durationMinutes: "-5", timeZone: "Mars/Olympus" }))];
    case "saveOverrideAction":
      return [
        () => action({}, form({ date: "2026-02-30", ranges: "25:00-26:00" })),
        () => action({}, form({ date: "0000-01-01", until: "9999-12-31", ranges: "" })),
      ];
    case "deleteOverrideAction":
      return [() => action(form({ date: "2026-02-30" })), () => action(form({ date: "0000-00-00" }))];
    case "consultationAction":
      return [
        () => action(form({ id: ids.unknown, intent: "cancel", reason: "x" })),
        () => action(form({ id: ids.unknown, intent: "convert" })),
        () => action(form({ id: dashes, intent: "completed" })),
        () => action(form({ id: ids.annasAppointment, intent: "cancel", reason: "x".repeat(600) })),
      ];
    case "deleteAccountAction":
      return [() => action({}, form({ confirmation: "nein" })), () => action({}, form({ userId: ids.anna, confirmation: "" }))];
    case "saveJournalReminderAction":
      return [
        () => action({}, form({ enabled: "on", hour: "24", timeZone: "Europe/Berlin", userId: ids.anna })),
        () => action({}, form({ enabled: "on", hour: "20", timeZone: "Mars/Olympus_Mons" })),
      ];
    case "submitCheckinAction":
      return [
        () =>
          action(
            {},
            form({
              averagePain: "11",
              worstPain: "5",
              interference: "5",
              damageBelief: "5",
              phq1: "0",
              phq2: "0",
              phq3: "0",
              phq4: "4",
              userId: ids.anna,
            }),
          ),
        () => action({}, form({ averagePain: "3", userId: ids.anna })),
      ];
    case "saveWeeklyCheckinAction":
      return [
        () => action({}, form({ enabled: "on", weekday: "8", hour: "18", timeZone: "Europe/Berlin", userId: ids.anna })),
        () => action({}, form({ enabled: "on", weekday: "1", hour: "18", timeZone: "Mars/Olympus_Mons" })),
      ];
    case "requestBaselineAction":
      return [
        () => action(form({ clientId: ids.coach })),
        () => action(form({ clientId: ids.unknown })),
        () => action(form({ clientId: dashes })),
      ];
    case "inviteClientAction":
      return [
        () => action({}, form({ name: "", email: "kein-at" })),
        () => action({}, form({ name: "Der Coach", email: "coach@example.com" })),
      ];
    case "manageClientAction":
      return [
        () => action(form({ id: ids.coach, intent: "status", status: "paused" })),
        () => action(form({ id: ids.coach, intent: "resend" })),
        () => action(form({ id: ids.unknown, intent: "resend" })),
        () => action(form({ id: dashes, intent: "resend" })),
        () => action(form({ id: dashes, intent: "status", status: "paused" })),
        () => action(form({ id: ids.anna, intent: "status", status: "__proto__" })),
      ];
    case "retryEmailAction":
      return [() => action(form({ id: ids.unknown })), () => action(form({ id: dashes }))];
    case "scheduleSessionAction":
      return [
        () => action(ids.coach, {}, form({ date: "2030-01-07", time: "10:00", sessionTypeId: ids.sessionTypeId })),
        () => action(ids.unknown, {}, form({ date: "2030-01-07", time: "10:00", sessionTypeId: ids.sessionTypeId })),
        () => action(dashes, {}, form({ date: "2030-01-07", time: "10:00", sessionTypeId: ids.sessionTypeId })),
        () => action(ids.anna, {}, form({ date: "2026-02-30", time: "10:00", sessionTypeId: ids.sessionTypeId })),
        () => action(ids.anna, {}, form({ date: "2030-01-07", time: "10:00", sessionTypeId: ids.unknown })),
      ];
    case "rescheduleSessionAction":
      return [
        () => action(ids.anna, ids.unknown, {}, form({ date: "2030-01-07", time: "10:00" })),
        () => action(ids.anna, dashes, {}, form({ date: "2030-01-07", time: "10:00" })),
        () => action(ids.anna, ids.annasAppointment, {}, form({ date: "9999-12-31", time: "24:00" })),
      ];
    case "cancelSessionAction":
      return [
        () => action(ids.anna, ids.unknown, {}, form({})),
        () => action(ids.anna, dashes, {}, form({})),
        () => action(ids.anna, ids.annasAppointment, {}, form({ reason: "\u0000" })),
      ];
    case "recordSessionOutcomeAction":
      return [
        () => action(ids.anna, ids.unknown, {}, form({ outcome: "no_show" })),
        () => action(ids.anna, dashes, {}, form({ outcome: "completed" })),
        () => action(ids.anna, ids.annasAppointment, {}, form({ outcome: "cancelled" })),
      ];
    // The cancellation policy: bad input only (a valid save would make a version), unknown versions, fees without an agreement.
    case "savePolicyAction":
      return [
        () => action({}, form({ text: "", hoursBefore: "24", latePercent: "50", noShowPercent: "100" })),
        () => action({}, form({ text: "Regel\u0000", hoursBefore: "0", latePercent: "150", noShowPercent: "-1" })),
      ];
    case "acceptPolicyAction":
      return [() => action({}, form({ policyId: ids.unknown })), () => action({}, form({ policyId: dashes }))];
    case "billFeeAction":
      return [
        () => action(ids.anna, ids.unknown, {}, form({})),
        () => action(ids.anna, dashes, {}, form({})),
        () => action(ids.anna, ids.annasAppointment, {}, form({})),
        () => action(ids.ben, ids.annasAppointment, {}, form({})),
      ];
    case "saveSessionRecordAction":
      return [
        () => action(ids.anna, ids.unknown, {}, form({ notes: "x" })),
        () => action(ids.anna, dashes, {}, form({ notes: "x" })),
        () => action(ids.anna, ids.annasAppointment, {}, form({ notes: "\u0000" })),
      ];
    // The coach's calendars: addresses the server must never fetch (no network is reached), and unknown ids.
    case "addCaldavConnectionAction":
      return [
        () => action({}, form({ label: "iCloud", serverUrl: "https://169.254.169.254/", username: "me", password: "pw" })),
        () => action({}, form({ label: "iCloud", serverUrl: "http://caldav.icloud.com/", username: "me", password: "pw" })),
        () => action({}, form({ label: "x".repeat(10_000), serverUrl: "https://[::1]/", username: "\u0000", password: "" })),
      ];
    case "addIcalConnectionAction":
      return [
        () => action({}, form({ label: "Google", url: "https://10.0.0.5/basic.ics" })),
        () => action({}, form({ label: "Google", url: "https://localhost/basic.ics" })),
        () => action({}, form({ label: "Google", url: `https://example.com/${"a".repeat(5000)}` })),
      ];
    case "saveCalendarChoicesAction":
      return [
        () => action({}, form({ connectionId: ids.unknown, busy: ids.unknown, showTitles: "on" })),
        () => action({}, form({ connectionId: dashes })),
      ];
    case "saveWritebackAction":
      return [() => action({}, form({ calendarId: ids.unknown, fullNames: "on" })), () => action({}, form({ calendarId: dashes }))];
    case "removeConnectionAction":
      return [() => action(form({ id: ids.unknown })), () => action(form({ id: dashes }))];
    case "savePracticeSettingsAction":
      return [() => action({}, form({ practiceName: "", timeZone: "Europe/Nowhere" }))];
    case "saveRetentionSettingsAction":
      return [() => action({}, form({ sentEmailRetentionDays: "0", openRequestRetentionDays: "x", pastConsultationRetentionMonths: "" }))];
    case "saveSessionTypeAction":
      return [
        () => action({}, form({ id: ids.unknown, name: "Neu", durationMinutes: "50", channel: "video", defaultLocation: "" })),
        () => action({}, form({ id: dashes, name: "Neu", durationMinutes: "50", channel: "video", defaultLocation: "" })),
        () => action({}, form({ name: "\u0000", durationMinutes: "1e9", channel: "fax" })),
      ];
    case "redeemRecoveryCodeAction":
      // Only codes that cannot be one: a well-formed wrong one counts against the person's tries.
      return [
        () => action({}, form({ code: "kein-code", callbackUrl: "https://evil.example" })),
        () => action({}, form({ code: "x".repeat(100) })),
        () => action({}, form({ code: "AAAAA-AAAA\u0000" })),
      ];
    case "renewRecoveryCodesAction":
      return [() => action({}, form({ userId: ids.coach }))];
    case "removePasskeyAction":
      // The coach's only passkey: others cannot touch it, and the coach is asked to confirm first.
      return [
        () => action({}, form({ id: ids.coachsPasskey })),
        () => action({}, form({ id: ids.unknown, confirmLast: "ja" })),
        () => action({}, form({ id: dashes })),
      ];
    case "endSessionAction":
      return [
        (me) => action(form({ id: othersSession(me) })),
        (me) => action(form({ id: ownSession(me) })),
        () => action(form({ id: ids.unknown })),
        () => action(form({ id: dashes })),
      ];
    // Practice: unknown, malformed and other people's ids (Anna's and Ben's ids swapped), hostile values.
    case "saveExerciseAction": {
      const exercise = { title: "Eigene Übung", summary: "", body: "Text", minutes: "10", kind: "other", audioId: "" };
      return [
        () => action({}, form({ ...exercise, id: ids.unknown })),
        // A built-in exercise is not the coach's to change.
        () => action({}, form({ ...exercise, id: "00000000-0000-4000-8000-00000000e001" })),
        () => action({}, form({ ...exercise, id: "", audioId: ids.unknown })),
        () => action({}, form({ ...exercise, id: "", minutes: "0", title: "\u0000" })),
      ];
    }
    case "assignExerciseAction":
      return [
        () => action(ids.unknown, {}, form({ exerciseId: "00000000-0000-4000-8000-00000000e001", frequency: "daily", note: "" })),
        () => action(ids.coach, {}, form({ exerciseId: "00000000-0000-4000-8000-00000000e001", frequency: "daily", note: "" })),
        () => action(ids.anna, {}, form({ exerciseId: ids.unknown, frequency: "daily", note: "" })),
        () => action(ids.anna, {}, form({ exerciseId: "00000000-0000-4000-8000-00000000e001", frequency: "stündlich", note: "" })),
        () => action(ids.anna, {}, form({ exerciseId: "00000000-0000-4000-8000-00000000e001", frequency: "daily", note: "x".repeat(501) })),
      ];
    case "endAssignmentAction":
      return [
        () => action(form({ clientId: ids.anna, assignmentId: ids.unknown })),
        // Anna's demo homework through Ben's record.
        () => action(form({ clientId: ids.ben, assignmentId: "00000000-0000-4000-8000-0000000a0001" })),
        () => action(form({ clientId: dashes, assignmentId: dashes })),
      ];
    case "sendFeedbackAction":
      return [
        () => action(ids.anna, ids.unknown, {}, form({ feedback: "Gut gemacht" })),
        () => action(ids.ben, ids.annasEntry, {}, form({ feedback: "Gut gemacht" })),
        () => action(dashes, dashes, {}, form({ feedback: "Gut gemacht" })),
        () => action(ids.anna, ids.unknown, {}, form({ feedback: "x".repeat(1001) })),
      ];
    case "logPracticeAction": {
      const log = { minutes: "10", fearBefore: "6", fearAfter: "3", intensityBefore: "5", intensityAfter: "4", note: "" };
      return [
        () => action(ids.unknown, {}, form(log)),
        () => action(dashes, {}, form(log)),
        () => action("00000000-0000-4000-8000-00000000e001", {}, form({ ...log, minutes: "601" })),
        () => action("00000000-0000-4000-8000-00000000e001", {}, form({ ...log, minutes: "-5" })),
        () => action("00000000-0000-4000-8000-00000000e001", {}, form({ ...log, fearBefore: "11" })),
        () => action("00000000-0000-4000-8000-00000000e001", {}, form({ ...log, note: "x".repeat(100_000) })),
      ];
    }
    case "saveOwnEvidenceAction":
      return [
        () => action({}, form({ id: ids.unknown, text: "Beim Wandern kein Schmerz", observedOn: "2026-11-20", journalEntryId: "" })),
        () => action({}, form({ id: dashes, text: "\u0000", observedOn: "2026-02-30", journalEntryId: "" })),
        // Another client's journal entry cannot be linked (Anna's own would be, so she tries an unknown one).
        (me) =>
          action(
            {},
            form({ id: "", text: "Verlinkt", observedOn: "2026-11-20", journalEntryId: me === "anna" ? ids.unknown : ids.annasEntry }),
          ),
        () => action({}, form({ id: "", text: "x".repeat(501), observedOn: "9999-12-31", journalEntryId: "" })),
      ];
    case "deleteOwnEvidenceAction":
      return [() => action(form({ id: ids.unknown })), () => action(form({ id: dashes }))];
    case "saveClientEvidenceAction":
      return [
        () => action(ids.unknown, {}, form({ id: "", text: "Für niemanden", observedOn: "2026-11-20", journalEntryId: "" })),
        () => action(ids.coach, {}, form({ id: "", text: "Für den Coach", observedOn: "2026-11-20", journalEntryId: "" })),
        () => action(dashes, {}, form({ id: "", text: "Ungültig", observedOn: "2026-11-20", journalEntryId: "" })),
        () => action(ids.anna, {}, form({ id: ids.unknown, text: "Geändert", observedOn: "2026-11-20", journalEntryId: "" })),
        () => action(ids.anna, {}, form({ id: "", text: "\u0000", observedOn: "2026-11-20", journalEntryId: "" })),
      ];
    case "deleteClientEvidenceAction":
      return [() => action(form({ id: ids.unknown, clientId: ids.anna })), () => action(form({ id: dashes, clientId: dashes }))];
    case "decideSuggestionAction":
      return [
        () => action(ids.anna, {}, form({ rule: "movement_helped", evidenceKey: ids.unknown, decision: "confirm", text: "Erfunden" })),
        () => action(ids.unknown, {}, form({ rule: "movement_helped", evidenceKey: ids.unknown, decision: "dismiss", text: "" })),
        () => action(ids.anna, {}, form({ rule: "__proto__", evidenceKey: "x", decision: "confirm", text: "x" })),
      ];
    case "setSessionTypeActiveAction":
      return [() => action(form({ id: ids.unknown, active: "false" })), () => action(form({ id: dashes, active: "false" }))];
    // Money (lib/billing): unknown ids, other people's ids as what they are not, bad amounts and addresses.
    case "saveBillingSettingsAction":
      return [
        () =>
          action({}, form({ taxMode: "small_business", iban: "DE89370400440532013001", paymentTermDays: "14", paymentReminderDays: "7" })),
        () => action({}, form({ taxMode: "exempt", exemptionNote: "", paymentTermDays: "14", paymentReminderDays: "7" })),
        () => action({}, form({ taxMode: "barter", accountHolder: "\u0000", paymentTermDays: "1e9", paymentReminderDays: "-1" })),
      ];
    case "saveClientBillingAddressAction":
      return [
        () => action(ids.unknown, {}, form({ name: "Eva", street: "Weg 1", postalCode: "10115", city: "Berlin" })),
        () => action(ids.coach, {}, form({ name: "Eva", street: "Weg 1", postalCode: "10115", city: "Berlin" })),
        () => action(dashes, {}, form({ name: "Eva", street: "Weg 1", postalCode: "10115", city: "Berlin" })),
        () => action(ids.anna, {}, form({ name: "\u0000", street: "", postalCode: "x", city: "Berlin" })),
      ];
    case "saveOwnBillingAddressAction":
      return [
        () => action({}, form({ name: "Anna\nBcc: x@example.com", street: "Weg 1", postalCode: "10115", city: "Berlin" })),
        () => action({}, form({ name: "Anna", street: "Weg 1", postalCode: "1", city: "Berlin", userId: ids.ben })),
        () => action({}, form({ name: "x".repeat(201), street: "Weg 1", postalCode: "10115", city: "" })),
      ];
    case "sellPackageAction":
      return [
        () => action(ids.unknown, {}, form({ title: "8 Sitzungen", sessions: "8", price: "640,00", expiresOn: "" })),
        () => action(ids.coach, {}, form({ title: "8 Sitzungen", sessions: "8", price: "640,00", expiresOn: "" })),
        () => action(ids.anna, {}, form({ title: "8 Sitzungen", sessions: "0", price: "-5", expiresOn: "2026-02-30" })),
        () => action(ids.anna, {}, form({ title: "", sessions: "1e9", price: "1.000.000,00", expiresOn: "" })),
      ];
    case "draftFromSessionsAction":
      return [
        () => action(ids.anna, {}, form({ appointmentIds: ids.bensAppointment })),
        () => action(ids.anna, {}, form({ appointmentIds: ids.unknown })),
        () => action(ids.unknown, {}, form({ appointmentIds: ids.annasAppointment })),
        () => action(ids.anna, {}, form({ appointmentIds: dashes })),
        () => action(ids.anna, {}, new FormData()),
      ];
    case "draftFromPackageAction":
      return [() => action({}, form({ packageId: ids.unknown })), () => action({}, form({ packageId: dashes }))];
    case "issueInvoiceAction":
    case "discardDraftAction":
    case "cancelInvoiceAction":
      return [
        () => action({}, form({ invoiceId: ids.unknown })),
        () => action({}, form({ invoiceId: dashes })),
        () => action({}, form({ invoiceId: ids.annasAppointment })),
      ];
    case "recordPaymentAction":
      return [
        () => action({}, form({ invoiceId: ids.unknown, amount: "", paidOn: "2026-12-01" })),
        () => action({}, form({ invoiceId: dashes, amount: "10,00", paidOn: "2026-12-01" })),
        () => action({}, form({ invoiceId: ids.unknown, amount: "0", paidOn: "2026-02-30", note: "\u0000" })),
      ];
    default:
      return [];
  }
}

/** Rows of a raw query, whichever driver ran it (postgres.js answers an array, PGlite an object with rows). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** A fingerprint of every table's rows, to prove that a refused call wrote nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await database.db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`),
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ digest: string | null; n: number }>(
      await database.db.execute(
        sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as n from "${name}" t`),
      ),
    );
    out[name] = `${row!.n}:${row!.digest}`;
  }
  return out;
}

type Result =
  | { kind: "returned"; value: unknown }
  | { kind: "app-error"; code: string }
  | { kind: "navigation"; digest: string }
  | { kind: "crash"; error: unknown };

async function run(call: () => Promise<unknown>): Promise<Result> {
  try {
    return { kind: "returned", value: await call() };
  } catch (error) {
    const e = error as { code?: unknown; digest?: unknown; constructor?: { name?: string } };
    if (e?.constructor?.name === "AppError" && typeof e.code === "string") return { kind: "app-error", code: e.code };
    if (typeof e?.digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(e.digest))
      return { kind: "navigation", digest: e.digest };
    return { kind: "crash", error };
  }
}

function describeResult(r: Result) {
  if (r.kind === "crash") return `crash: ${r.error instanceof Error ? `${r.error.constructor.name}: ${r.error.message}` : String(r.error)}`;
  if (r.kind === "returned") return `returned ${JSON.stringify(r.value)?.slice(0, 200)}`;
  if (r.kind === "app-error") return `AppError ${r.code}`;
  return `navigation ${r.digest.slice(0, 120)}`;
}

/** Whether a result fits the expected outcome; `changed` says whether the database changed. */
function fits(expected: ActionOutcome, r: Result, changed: boolean): boolean {
  if (r.kind === "crash") return false;
  // Next's unauthorized() and forbidden(), which it answers with 401 and 403 (an AppError would be a 500).
  // A session that still owes its second factor counts as signed out for actions: 401.
  if (expected === "unauthorized" || expected === "forbidden" || expected === "second_factor_required")
    return r.kind === "navigation" && r.digest === `NEXT_HTTP_ERROR_FALLBACK;${expected === "forbidden" ? 403 : 401}` && !changed;
  if (expected === "allowed") return r.kind !== "app-error";
  if (changed) return false;
  if (r.kind === "app-error") return r.code === "not_found" || r.code === "invalid";
  if (r.kind === "returned") return !(r.value && typeof r.value === "object" && "ok" in r.value && r.value.ok === true);
  return true;
}

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database.db, "coach@example.com");
  const all = await database.db.select().from(users);
  const who = (email: string): Who => {
    const u = all.find((x) => x.email === email)!;
    return { id: u.id, role: u.role as Who["role"], email: u.email };
  };
  persons = { anna: who("anna@example.com"), ben: who("ben@example.com"), coach: who("coach@example.com") };
  const entry = await createEntry(
    persons.anna.id,
    journalEntrySchema.parse({ entryDate: "2026-11-02", pain: 6, stress: 7, notes: "Annas Notiz" }),
  );
  const [type] = await database.db.select().from(sessionTypes);
  const [article] = await database.db.select().from(articles);
  const appointment = async (client: Who, days: number) => {
    const start = new Date(Date.now() + days * 86_400_000);
    const end = new Date(start.getTime() + 50 * 60_000);
    const [row] = await database.db
      .insert(appointments)
      .values({
        coachId: persons.coach.id,
        clientId: client.id,
        kind: "session",
        status: "confirmed",
        startAt: start,
        endAt: end,
        blockedFrom: start,
        blockedUntil: end,
        name: client.email,
        email: client.email,
      })
      .returning({ id: appointments.id });
    return row!.id;
  };
  ids = {
    anna: persons.anna.id,
    ben: persons.ben.id,
    coach: persons.coach.id,
    annasEntry: entry.id,
    annasAppointment: await appointment(persons.anna, 10),
    bensAppointment: await appointment(persons.ben, 12),
    articleId: article!.id,
    articleSlug: article!.slug,
    sessionTypeId: type!.id,
    unknown: "00000000-0000-4000-8000-000000000000",
    sessions: { anna: await sessionOf(persons.anna), ben: await sessionOf(persons.ben), coach: await sessionOf(persons.coach) },
    coachsPasskey: (
      await database.db
        .insert(passkeys)
        .values({ userId: persons.coach.id, credentialId: "Y29hY2g", publicKey: "AA", deviceType: "singleDevice", name: "Laptop" })
        .returning({ id: passkeys.id })
    )[0]!.id,
  };
});

async function sessionOf(who: Who): Promise<{ token: string; id: string }> {
  const token = `token-${who.email}`;
  const [row] = await database.db
    .insert(sessions)
    .values({ sessionToken: token, userId: who.id, expires: new Date(Date.now() + 86_400_000) })
    .returning({ id: sessions.id });
  return { token, id: row!.id };
}

/** Signs the mocked session in as `person` (or out), with the session cookie of that person's row. */
function actAs(person: Person, secondFactor?: { verified: boolean; enrolled: boolean }) {
  session.user = person === "anonymous" ? null : persons[person];
  session.token = person === "anonymous" ? undefined : ids.sessions[person].token;
  session.secondFactor = secondFactor;
}
afterAll(() => database?.drop());

describe("the matrix names everything the app serves", () => {
  it("every page has an entry, and every entry is a page", () => {
    const found = discoverPages();
    expect(found.length).toBeGreaterThan(20);
    expect(
      found.filter((p) => !(p in pages)),
      "pages without an entry in tests/authz/matrix.ts",
    ).toEqual([]);
    expect(
      Object.keys(pages).filter((p) => !found.includes(p)),
      "matrix entries for pages that no longer exist",
    ).toEqual([]);
  });

  it("every route handler method has an entry, and every entry is a handler", async () => {
    const found: string[] = [];
    for (const { file, pattern } of discoverRouteFiles()) {
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      for (const method of HTTP_METHODS) if (typeof mod[method] === "function") found.push(`${method} ${pattern}`);
    }
    expect(found.length).toBeGreaterThan(10);
    expect(
      found.filter((r) => !(r in routes)),
      "route handlers without an entry in tests/authz/matrix.ts",
    ).toEqual([]);
    expect(
      Object.keys(routes).filter((r) => !found.includes(r)),
      "matrix entries for handlers that no longer exist",
    ).toEqual([]);
  });

  it("every exported server action has an entry and attempts, and every entry is an action", async () => {
    const found: string[] = [];
    for (const file of discoverServerActionModules()) {
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.push(`${file}#${name}`);
    }
    expect(found.length).toBeGreaterThan(20);
    expect(
      found.filter((a) => !(a in actions)),
      "server actions without an entry in tests/authz/matrix.ts",
    ).toEqual([]);
    expect(
      Object.keys(actions).filter((a) => !found.includes(a)),
      "matrix entries for actions that no longer exist",
    ).toEqual([]);
    expect(
      found.filter((a) => attemptsFor(a, async () => {}).length === 0),
      "actions without attempts in this test",
    ).toEqual([]);
  });

  it("every server action module guards with the action guard, whose refusals are 401/403 (requireApiUser's AppError would be a 500)", () => {
    const wrongGuard = discoverServerActionModules().filter((file) =>
      /\brequireApiUser\b/.test(readFileSync(path.join(root, file), "utf8")),
    );
    expect(wrongGuard, "use requireActionUser in server actions").toEqual([]);
  });
});

describe("every server action as anonymous, client A, client B and the coach", () => {
  for (const [key, expected] of Object.entries(actions)) {
    it(key, async () => {
      const [file, name] = key.split("#") as [string, string];
      const action = ((await import(path.join(root, file))) as Record<string, AnyAction>)[name]!;
      const failures: string[] = [];
      for (const person of people) {
        const attempts = attemptsFor(key, action);
        for (const [i, attempt] of attempts.entries()) {
          actAs(person);
          const before = await snapshot();
          const result = await run(() => attempt(person));
          const after = await snapshot();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (!fits(expected[person], result, changed.length > 0)) {
            failures.push(
              `${person} attempt ${i + 1}: expected ${expected[person]}, got ${describeResult(result)}${changed.length ? `; changed ${changed.join(", ")}` : ""}`,
            );
          }
        }
      }
      actAs("anonymous");
      expect(failures).toEqual([]);
    });
  }

  it("the appointments the attempts aimed at are untouched", async () => {
    const rows = await database.db.select().from(appointments).where(eq(appointments.status, "confirmed"));
    expect(rows.map((r) => r.id).sort()).toEqual([ids.annasAppointment, ids.bensAppointment].sort());
  });
});

describe("every server action from a session whose second factor is missing", () => {
  // The coach and a client, each with a passkey, signed in by magic link but not yet confirmed
  // with the passkey or a recovery code: an anonymous visitor's outcome, with second_factor_required
  // in place of unauthorized (see pendingSecondFactorOutcome in the matrix).
  for (const key of Object.keys(actions)) {
    it(key, async () => {
      const [file, name] = key.split("#") as [string, string];
      const action = ((await import(path.join(root, file))) as Record<string, AnyAction>)[name]!;
      const expected = pendingSecondFactorOutcome(key);
      const failures: string[] = [];
      mode.production = true;
      try {
        for (const person of ["coach", "anna"] as const) {
          for (const [i, attempt] of attemptsFor(key, action).entries()) {
            actAs(person, { verified: false, enrolled: true });
            const before = await snapshot();
            const result = await run(() => attempt(person));
            const after = await snapshot();
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            if (!fits(expected, result, changed.length > 0)) {
              failures.push(
                `${person} attempt ${i + 1}: expected ${expected}, got ${describeResult(result)}${changed.length ? `; changed ${changed.join(", ")}` : ""}`,
              );
            }
          }
        }
      } finally {
        actAs("anonymous");
        mode.production = false;
      }
      expect(failures).toEqual([]);
    });
  }
});
