import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { staticSiteOrigin } from "@/lib/site-url";

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection(); // the site URL comes from the runtime environment, not the build's
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/coach", "/dashboard", "/login", "/dev", "/api", "/termin"] }],
    sitemap: `${staticSiteOrigin()}/sitemap.xml`,
  };
}
