import type { Metadata } from "next";
import { SecuritySettings } from "@/components/account/SecuritySettings";
import { requireRole, sessionState } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Anmeldung und Geräte", robots: { index: false } };

export default async function ClientSecurityPage() {
  await requireRole("client", "/dashboard/sicherheit");
  const state = await sessionState();
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1>Sicherheit</h1>
      {state && <SecuritySettings state={state} returnTo="/dashboard/sicherheit" />}
    </div>
  );
}
