import type { Metadata } from "next";
import { ArticleIndex } from "@/components/articles/ArticleIndex";

export const metadata: Metadata = {
  title: "Artikel",
  description: "Artikel über chronische Rückenschmerzen, das Nervensystem und Wege aus dem Schmerz.",
  alternates: { canonical: "/artikel", types: { "application/rss+xml": "/feed.xml" } },
};

// Served from the static cache like an article: rendered on the first request, again when the
// coach changes an article (path revalidation) or, at the latest, after five minutes.
export const revalidate = 300;

export default function ArticlesPage() {
  return <ArticleIndex page={1} />;
}
