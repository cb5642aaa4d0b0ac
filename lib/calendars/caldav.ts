import { calendarFetch, CalendarFetchError, type CalendarResponse } from "./fetch";
import { element, multistatus, text } from "./xml";

/*
 * The few CalDAV requests the practice needs (RFC 4791; principal discovery after RFC 6764),
 * written over the guarded fetch rather than through a client library such as tsdav: that way
 * every request, discovery and redirects included, goes through calendarFetch and its checks,
 * and the requests needed (PROPFIND, REPORT with a time range, PUT, DELETE) are few and small.
 */

export type DavAccount = { serverUrl: string; username: string; password: string };
export type RemoteCalendar = { url: string; displayName: string; version: string | null; events: boolean };

export class CalendarAuthError extends Error {
  constructor() {
    super(
      "Benutzername oder Passwort stimmen nicht. Bei iCloud brauchst du ein app-spezifisches Passwort (appleid.apple.com → Anmeldung und Sicherheit).",
    );
  }
}

function authHeader(account: DavAccount): string {
  return `Basic ${Buffer.from(`${account.username}:${account.password}`, "utf8").toString("base64")}`;
}

/** The site of a host: its last two labels, or three under a short second level (example.co.uk). */
function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const take = labels.length > 2 && labels.at(-2)!.length <= 3 ? 3 : 2;
  return labels.slice(-take).join(".");
}

/**
 * The password goes only to the site the coach typed: iCloud answers with other hosts of its own
 * (p42-caldav.icloud.com), a hostile server could name anyone's. Another site is refused.
 */
export function sameSite(url: string, serverUrl: string): boolean {
  return siteOf(new URL(url).hostname) === siteOf(new URL(serverUrl).hostname);
}

async function dav(
  account: DavAccount,
  url: string,
  method: string,
  body: string | undefined,
  headers: Record<string, string> = {},
  followRedirects: false | "same-origin" = false,
): Promise<CalendarResponse> {
  if (!sameSite(url, account.serverUrl))
    throw new CalendarFetchError(
      "refused_url",
      "Der Kalenderserver verweist auf eine fremde Adresse; dorthin schicke ich dein Passwort nicht.",
    );
  const response = await calendarFetch(url, {
    method,
    body,
    followRedirects,
    headers: { authorization: authHeader(account), ...(body ? { "content-type": "application/xml; charset=utf-8" } : {}), ...headers },
  });
  if (response.status === 401 || response.status === 403) throw new CalendarAuthError();
  return response;
}

function expectMultistatus(response: CalendarResponse) {
  if (response.status !== 207)
    throw new CalendarFetchError("unreachable", `Der Server hat nicht wie ein CalDAV-Server geantwortet (HTTP ${response.status}).`);
  return multistatus(response.body);
}

const propfind = (props: string) =>
  `<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/"><d:prop>${props}</d:prop></d:propfind>`;

/** A href the server gave, as a full URL (iCloud answers with other hosts: they are checked again when fetched). */
function resolve(href: string, base: string): string {
  return new URL(href, base).toString();
}

async function hrefProp(account: DavAccount, url: string, prop: "current-user-principal" | "calendar-home-set"): Promise<string | null> {
  const tag = prop === "calendar-home-set" ? "<c:calendar-home-set/>" : "<d:current-user-principal/>";
  const response = await dav(account, url, "PROPFIND", propfind(tag), { depth: "0" }, "same-origin");
  const [first] = expectMultistatus(response);
  const inner = first ? element(first.props, prop) : null;
  const href = inner === null ? null : text(inner, "href");
  return href ? resolve(href, response.url) : null;
}

/** The principal: asked at the typed address, else at /.well-known/caldav (RFC 6764; Nextcloud redirects it to /remote.php/dav). */
async function principalOf(account: DavAccount): Promise<string> {
  try {
    const principal = await hrefProp(account, account.serverUrl, "current-user-principal");
    if (principal) return principal;
  } catch (error) {
    if (error instanceof CalendarAuthError || (error instanceof CalendarFetchError && error.code !== "unreachable")) throw error;
  }
  return (
    (await hrefProp(account, new URL("/.well-known/caldav", account.serverUrl).toString(), "current-user-principal")) ?? account.serverUrl
  );
}

/** The account's calendars that can hold events (sign-in checked on the way: a wrong password throws CalendarAuthError). */
export async function discoverCalendars(account: DavAccount): Promise<RemoteCalendar[]> {
  const principal = await principalOf(account);
  const home = (await hrefProp(account, principal, "calendar-home-set")) ?? principal;
  const answers = expectMultistatus(
    await dav(
      account,
      home,
      "PROPFIND",
      propfind("<d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><c:supported-calendar-component-set/>"),
      { depth: "1" },
    ),
  );
  const calendars: RemoteCalendar[] = [];
  for (const answer of answers) {
    const type = element(answer.props, "resourcetype") ?? "";
    if (!/<calendar[\s/>]/i.test(type)) continue;
    const components = element(answer.props, "supported-calendar-component-set");
    const url = resolve(answer.href, home);
    calendars.push({
      url,
      displayName: (
        text(answer.props, "displayname") || decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).pop() ?? "Kalender")
      ).slice(0, 80),
      version: text(answer.props, "getctag") || text(answer.props, "sync-token") || null,
      events: components === null || /name=["']VEVENT["']/i.test(components),
    });
  }
  return calendars;
}

/** The calendar's ctag or sync token: unchanged, nothing in it changed. */
export async function calendarVersion(account: DavAccount, url: string): Promise<string | null> {
  const [first] = expectMultistatus(await dav(account, url, "PROPFIND", propfind("<cs:getctag/><d:sync-token/>"), { depth: "0" }));
  return first ? text(first.props, "getctag") || text(first.props, "sync-token") || null : null;
}

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** The iCalendar text of every event that touches [from, until) (recurring ones whole, with their exceptions). */
export async function eventsBetween(account: DavAccount, url: string, from: Date, until: Date): Promise<string[]> {
  const body = `<?xml version="1.0" encoding="utf-8"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"><c:time-range start="${utcStamp(from)}" end="${utcStamp(until)}"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>`;
  return expectMultistatus(await dav(account, url, "REPORT", body, { depth: "1" }))
    .map((r) => text(r.props, "calendar-data"))
    .filter((d): d is string => Boolean(d));
}

function eventUrl(calendarUrl: string, uid: string): string {
  return new URL(`${encodeURIComponent(uid)}.ics`, calendarUrl.endsWith("/") ? calendarUrl : `${calendarUrl}/`).toString();
}

/** Writes (creates or replaces) one event under its UID. */
export async function putEvent(account: DavAccount, calendarUrl: string, uid: string, ics: string): Promise<void> {
  const response = await dav(account, eventUrl(calendarUrl, uid), "PUT", ics, { "content-type": "text/calendar; charset=utf-8" });
  if (response.status < 200 || response.status >= 300) throw new CalendarFetchError("unreachable", `PUT answered HTTP ${response.status}`);
}

/** Removes one event; one that is already gone is fine. */
export async function deleteEvent(account: DavAccount, calendarUrl: string, uid: string): Promise<void> {
  const response = await dav(account, eventUrl(calendarUrl, uid), "DELETE", undefined);
  if (response.status !== 404 && (response.status < 200 || response.status >= 300))
    throw new CalendarFetchError("unreachable", `DELETE answered HTTP ${response.status}`);
}
