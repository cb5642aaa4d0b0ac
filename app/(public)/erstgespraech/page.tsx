import type { Metadata } from "next";
import { ComingSoon } from "@/components/site/ComingSoon";

export const metadata: Metadata = { title: "Erstgespräch" };

export default function ConsultationPage() {
  return <ComingSoon title="Kostenloses Erstgespräch" what="Die Online-Buchung für das kostenlose Erstgespräch" />;
}
