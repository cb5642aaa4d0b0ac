import type { Metadata } from "next";
import { ArticleEditor } from "@/components/coach/ArticleEditor";
import { requireRole } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Neuer Artikel", robots: { index: false } };

export default async function NewArticlePage() {
  await requireRole("coach", "/coach/artikel/neu");
  return (
    <div className="flex flex-col gap-6">
      <h1>Neuer Artikel</h1>
      <ArticleEditor
        article={{
          title: "",
          slug: "",
          excerpt: "",
          body: "",
          tags: [],
          sources: [],
          coverImageUrl: null,
          coverImageAlt: null,
          status: "draft",
        }}
      />
    </div>
  );
}
