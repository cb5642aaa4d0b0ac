import type { Metadata } from "next";
import { ComingSoon } from "@/components/site/ComingSoon";

export const metadata: Metadata = { title: "Artikel" };

export default function ArticlesPage() {
  return <ComingSoon title="Artikel" what="Unsere Artikelsammlung über chronische Rückenschmerzen" />;
}
