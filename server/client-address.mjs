// Who is asking: the one place that decides a request's client address, shared by the production
// server (server/start.mjs) and lib/env.ts, which checks the same variables when the app starts.
// Plain JavaScript so that `npm start` needs no build step for it.
import net from "node:net";

/**
 * The header the production server writes the client's address into, after deleting whatever the
 * request brought under that name. The app reads only this header (lib/http/client-ip.ts).
 */
export const CLIENT_ADDRESS_HEADER = "x-praxis-client-ip";

/**
 * Set on globalThis by server/start.mjs: only then does the header above come from us. Without it
 * (`next dev`, a bare `next start`) anything under that name may come from the client.
 */
export const CLIENT_ADDRESS_MARK = Symbol.for("praxis.client-address-header");

/** The most proxies anyone puts in front of one app; more is a typo. */
const MAX_HOPS = 10;

/**
 * TRUST_PROXY_HOPS (how many reverse proxies in front append to X-Forwarded-For; 0 or unset:
 * none, the socket's address counts) and CLIENT_IP_HEADER (a header such as x-real-ip that the
 * proxy in front sets, overwriting what the client sent). Throws an Error naming the variable.
 * @param {Record<string, string | undefined>} source
 * @returns {{ hops: number, header: string | undefined }}
 */
export function parseProxySettings(source) {
  const rawHops = (source.TRUST_PROXY_HOPS ?? "").trim();
  if (rawHops !== "" && !/^\d+$/.test(rawHops)) throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to ${MAX_HOPS}, not "${rawHops}"`);
  const hops = rawHops === "" ? 0 : Number(rawHops);
  if (hops > MAX_HOPS) throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to ${MAX_HOPS}, not "${rawHops}"`);
  const rawHeader = (source.CLIENT_IP_HEADER ?? "").trim().toLowerCase();
  if (rawHeader !== "" && !/^[a-z0-9-]{1,64}$/.test(rawHeader)) throw new Error(`CLIENT_IP_HEADER must be a header name such as x-real-ip, not "${rawHeader}"`);
  if (rawHeader === CLIENT_ADDRESS_HEADER) throw new Error(`CLIENT_IP_HEADER cannot be ${CLIENT_ADDRESS_HEADER}, the app's own header`);
  return { hops, header: rawHeader === "" ? undefined : rawHeader };
}

/** An IP address as written in a header or by the socket, IPv4-mapped IPv6 unwrapped; undefined if it is none. */
function address(value) {
  const text = String(value ?? "").trim();
  const plain = text.toLowerCase().startsWith("::ffff:") && net.isIPv4(text.slice(7)) ? text.slice(7) : text;
  return net.isIP(plain) ? plain : undefined;
}

/**
 * The client's address: the header the proxy sets when CLIENT_IP_HEADER names one, else with
 * TRUST_PROXY_HOPS=n the n-th X-Forwarded-For entry from the end (each trusted proxy appended one;
 * everything before them is the client's to write), else the socket's address. A missing or
 * unreadable value falls back to the socket, never to another header.
 * @param {{ headers: Record<string, string | string[] | undefined>, socket: { remoteAddress?: string } }} req
 * @param {{ hops: number, header: string | undefined }} settings
 * @returns {string}
 */
export function clientAddressOf(req, settings) {
  const socket = address(req.socket.remoteAddress) ?? "unknown";
  if (settings.header) {
    const value = req.headers[settings.header];
    return (typeof value === "string" && address(value)) || socket;
  }
  if (settings.hops > 0) {
    const forwarded = [req.headers["x-forwarded-for"]].flat().filter(Boolean).join(",");
    const entries = forwarded === "" ? [] : forwarded.split(",");
    if (entries.length < settings.hops) return socket;
    return address(entries[entries.length - settings.hops]) ?? socket;
  }
  return socket;
}
