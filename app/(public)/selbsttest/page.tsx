import type { Metadata } from "next";
import { ComingSoon } from "@/components/site/ComingSoon";

export const metadata: Metadata = { title: "Selbsttest" };

export default function SelfCheckPage() {
  return <ComingSoon title="Selbsttest" what="Der Selbsttest mit 13 Anzeichen für neuroplastischen Schmerz" />;
}
