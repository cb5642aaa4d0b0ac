import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleIndex } from "@/components/articles/ArticleIndex";
import { articleListPath, listPageNumber } from "@/lib/articles/slug";

// The list's later pages, cached like the first (app/(static)/artikel/page.tsx).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return []; // the build has no database: each page is rendered on its first request
}

type Props = { params: Promise<{ seite: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = listPageNumber((await params).seite);
  return n ? { title: `Artikel, Seite ${n}`, alternates: { canonical: articleListPath(n) } } : {};
}

export default async function ArticlesPageN({ params }: Props) {
  const n = listPageNumber((await params).seite);
  if (n === null) notFound();
  if (n === 1) permanentRedirect("/artikel");
  return <ArticleIndex page={n} />;
}
