import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";
import { isLocalName, isLoopbackAddress, isPublicAddress } from "./address-guard";

/*
 * The one way the server reaches a calendar. Only https (plain http to loopback only under the
 * test setting CALENDAR_ALLOW_LOOPBACK), only public addresses: the name is resolved once, every
 * address it has is checked, and the socket connects to the checked one (no second lookup an
 * attacker's DNS could answer differently). Redirects are followed by hand, at most 3, each
 * checked again; 10 s for the whole exchange and 5 MB of body, counted while it streams.
 */

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;

export type CalendarFetchErrorCode = "refused_url" | "unreachable" | "timeout" | "too_large" | "too_many_redirects";

export class CalendarFetchError extends Error {
  constructor(
    readonly code: CalendarFetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type CalendarRequest = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Follow redirects: any (the GET of a subscription, no credentials), or "same-origin" only (a
   * CalDAV discovery carrying the password, which must never travel to another host).
   */
  followRedirects?: boolean | "same-origin";
};
export type CalendarResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; url: string };

type Checked = { url: URL; address: string; family: 4 | 6 };

/** Why a URL may not be fetched, in German for the coach; null when its form is fine. */
export function urlProblem(raw: string, allowLoopback = env().CALENDAR_ALLOW_LOOPBACK): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Das ist keine gültige Adresse.";
  }
  if (url.username || url.password) return "Die Adresse darf keinen Benutzernamen und kein Passwort enthalten.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const loopbackOk = allowLoopback && (isLoopbackAddress(host) || host === "localhost");
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopbackOk)) return "Die Adresse muss mit https:// beginnen.";
  if (loopbackOk) return null;
  if (isIP(host) ? !isPublicAddress(host) : isLocalName(host)) return "Diese Adresse liegt in einem privaten Netz und ist nicht erlaubt.";
  return null;
}

async function check(url: URL, allowLoopback: boolean): Promise<Checked> {
  const problem = urlProblem(url.toString(), allowLoopback);
  if (problem) throw new CalendarFetchError("refused_url", problem);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await dnsLookup(host, { all: true, verbatim: true });
  } catch {
    throw new CalendarFetchError("unreachable", "Der Server ist unter dieser Adresse nicht zu finden.");
  }
  const ok = (a: string) => isPublicAddress(a) || (allowLoopback && isLoopbackAddress(a));
  if (addresses.length === 0 || !addresses.every((a) => ok(a.address)))
    throw new CalendarFetchError("refused_url", "Diese Adresse liegt in einem privaten Netz und ist nicht erlaubt.");
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

function once(target: Checked, request: CalendarRequest, deadline: number): Promise<CalendarResponse> {
  // The socket goes to the checked address, whatever a lookup would say now; TLS still checks the name.
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const left = deadline - Date.now();
    if (left <= 0) return reject(new CalendarFetchError("timeout", "Der Server hat nicht rechtzeitig geantwortet."));
    const req = client.request(
      target.url,
      {
        method: request.method ?? "GET",
        headers: { "user-agent": "Rueckenwind-Praxis/1 (calendar sync)", ...request.headers },
        lookup,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(new CalendarFetchError("too_large", "Der Kalender ist zu groß (mehr als 5 MB)."));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            url: target.url.toString(),
          }),
        );
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new CalendarFetchError("timeout", "Der Server hat nicht rechtzeitig geantwortet.")), left);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) =>
      reject(
        error instanceof CalendarFetchError ? error : new CalendarFetchError("unreachable", "Der Server ist gerade nicht erreichbar."),
      ),
    );
    req.end(request.body);
  });
}

/** A request to a calendar server under every rule above; the answer's body is text. */
export async function calendarFetch(
  raw: string,
  request: CalendarRequest = {},
  options: { allowLoopback?: boolean } = {},
): Promise<CalendarResponse> {
  const allowLoopback = options.allowLoopback ?? env().CALENDAR_ALLOW_LOOPBACK;
  const deadline = Date.now() + FETCH_TIMEOUT_MS;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CalendarFetchError("refused_url", "Das ist keine gültige Adresse.");
  }
  for (let hop = 0; ; hop++) {
    const response = await once(await check(url, allowLoopback), request, deadline);
    const location = response.headers.location;
    if (!request.followRedirects || response.status < 300 || response.status >= 400 || !location) return response;
    if (hop >= MAX_REDIRECTS) throw new CalendarFetchError("too_many_redirects", "Die Adresse leitet zu oft weiter.");
    const next = new URL(location, url);
    if (request.followRedirects === "same-origin" && next.origin !== url.origin) return response;
    url = next;
  }
}
