import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The site's public origin: AUTH_URL when set, else the host of the current request. */
export async function siteOrigin(): Promise<string> {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** For pages rendered without a request (static, sitemap, feed): AUTH_URL or localhost. */
export function staticSiteOrigin(): string {
  const configured = env().AUTH_URL;
  return configured ? new URL(configured).origin : "http://localhost:3000";
}
