import { connection } from "next/server";
import { articleImages } from "@/lib/articles/article-images";
import { renderMarkdown } from "@/lib/articles/markdown";
import { allPublishedArticles } from "@/lib/articles/queries";
import { getPracticeSettings } from "@/lib/settings/queries";
import { staticSiteOrigin } from "@/lib/site-url";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const cdata = (s: string) => `<![CDATA[${s.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

/** RSS 2.0 with every article's full content. */
export async function GET() {
  await connection();
  const origin = staticSiteOrigin();
  const [articles, settings] = await Promise.all([allPublishedArticles(), getPracticeSettings()]);
  const items = await Promise.all(
    articles.slice(0, 50).map(async (a) => {
      const { html } = await renderMarkdown(a.body, {
        siteOrigin: origin,
        images: await articleImages({ body: a.body, coverImageUrl: null }),
      });
      const url = `${origin}/artikel/${a.slug}`;
      return `    <item>
      <title>${escape(a.title)}</title>
      <link>${url}</link>
      <guid isPermaLink="true">${url}</guid>
      <pubDate>${(a.publishedAt ?? a.updatedAt).toUTCString()}</pubDate>
      ${a.authorName ? `<dc:creator>${escape(a.authorName)}</dc:creator>` : ""}
      <description>${escape(a.excerpt)}</description>
      <content:encoded>${cdata(html)}</content:encoded>
    </item>`;
    }),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escape(settings.practiceName)}</title>
    <link>${origin}/artikel</link>
    <atom:link href="${origin}/feed.xml" rel="self" type="application/rss+xml" />
    <description>Artikel über chronische Rückenschmerzen und Wege aus dem Schmerz</description>
    <language>de-de</language>
${items.join("\n")}
  </channel>
</rss>
`;
  return new Response(xml, {
    headers: { "content-type": "application/rss+xml; charset=utf-8", "cache-control": "public, max-age=300, stale-while-revalidate=3600" },
  });
}
