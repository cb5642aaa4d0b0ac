import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { allPublishedArticles } from "@/lib/articles/queries";
import { staticSiteOrigin } from "@/lib/site-url";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection(); // read at request time (cached query): the build has no database
  const origin = staticSiteOrigin();
  const articles = await allPublishedArticles();
  const newest = articles.reduce<Date | undefined>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), undefined);
  return [
    { url: `${origin}/`, lastModified: newest, changeFrequency: "weekly", priority: 1 },
    { url: `${origin}/artikel`, lastModified: newest, changeFrequency: "weekly", priority: 0.9 },
    { url: `${origin}/selbsttest`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${origin}/erstgespraech`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${origin}/impressum`, changeFrequency: "yearly", priority: 0.1 },
    { url: `${origin}/datenschutz`, changeFrequency: "yearly", priority: 0.1 },
    ...articles.map((a) => ({ url: `${origin}/artikel/${a.slug}`, lastModified: a.updatedAt, changeFrequency: "monthly" as const, priority: 0.7 })),
  ];
}
