import type { MetadataRoute } from "next";
import { staticSiteOrigin } from "@/lib/site-url";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/coach", "/dashboard", "/login", "/dev", "/api"] }],
    sitemap: `${staticSiteOrigin()}/sitemap.xml`,
  };
}
