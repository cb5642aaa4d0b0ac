import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { authSecret, env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_MARK } from "@/server/client-address.mjs";

let warned = false;

/**
 * The requesting address, as server/start.mjs decided it (from the socket, or the proxy hops it
 * is told to trust), never a header the client wrote. Outside that server (`next dev`, a bare
 * `next start`) the address is unknown and anything under the header's name may be forged, so
 * every request then shares one address: no header can split a limit, and a bare production
 * start says so in its log.
 */
async function clientAddress(): Promise<string> {
  if (!(globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_MARK]) {
    if (!warned && env().NODE_ENV === "production") {
      warned = true;
      console.warn("! Not started through server/start.mjs (npm start): client addresses are unknown, so every request shares one per-address limit.");
    }
    return "unknown";
  }
  return (await headers()).get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** The requesting address as a keyed hash: enough to rate-limit, useless to anyone reading the database. */
export async function clientKey(): Promise<string> {
  return createHash("sha256").update(`${authSecret()}:${await clientAddress()}`).digest("base64url").slice(0, 22);
}
