"use client";

import { SelfCheckForm } from "@/components/checks/SelfCheckForm";
import { useSessionRole } from "@/components/site/useSessionRole";
import { saveSelfCheckAction } from "@/lib/checks/actions";

/**
 * The self-check on its public page, which comes from the static cache: whether the result is saved
 * in a client's area is decided in the browser once the session is known (a visitor's answers
 * never leave it; until the session endpoint answers, everyone is a visitor).
 */
export function PublicSelfCheck() {
  const client = useSessionRole() === "client";
  return (
    <>
      <p className="text-sm text-muted">
        Der Test ersetzt keine ärztliche Untersuchung.{" "}
        {client ? "Dein Ergebnis wird in deinem Bereich gespeichert." : "Deine Antworten bleiben in deinem Browser."}
      </p>
      <SelfCheckForm signedIn={client} save={client ? saveSelfCheckAction : undefined} />
    </>
  );
}
