import { ImageResponse } from "next/og";
import { getPublishedArticle } from "@/lib/articles/queries";
import { getPracticeSettings } from "@/lib/settings/queries";

export const alt = "Titelkarte des Artikels";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

/** The card shown when an article is shared: its title on the practice's calm green. */
export default async function OpengraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [article, settings] = await Promise.all([getPublishedArticle(slug), getPracticeSettings()]);
  const title = article?.title ?? settings.practiceName;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#f6f4ef", color: "#1f2a28" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 32, color: "#2f6b5e" }}>
          <div style={{ width: 56, height: 56, borderRadius: 14, background: "#2f6b5e" }} />
          {settings.practiceName}
        </div>
        <div style={{ fontSize: title.length > 70 ? 56 : 68, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
        <div style={{ fontSize: 28, color: "#55605d" }}>{article?.tags.map((t) => `#${t}`).join("  ") ?? ""}</div>
      </div>
    ),
    size,
  );
}
