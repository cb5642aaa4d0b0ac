import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Anmeldung nicht möglich", robots: { index: false } };

const messages: Record<string, string> = {
  Verification: "Dieser Anmeldelink ist abgelaufen oder wurde schon benutzt. Fordere einfach einen neuen an.",
  AccessDenied: "Mit dieser Adresse ist eine Anmeldung nicht möglich.",
};

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const message = (typeof error === "string" && messages[error]) || "Die Anmeldung hat leider nicht geklappt. Bitte versuche es noch einmal.";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>Anmeldung nicht möglich</h1>
      <p>{message}</p>
      <div>
        <ButtonLink href="/login">Neuen Link anfordern</ButtonLink>
      </div>
    </div>
  );
}
