"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Notice, ProblemNotice } from "@/components/ui/Notice";
import { confirmWithPasskey, registerPasskey } from "./passkey-ceremony";
import { RecoveryCodesList } from "./RecoveryCodesList";

/**
 * The passkey step after the magic link: "verify" proves one of the person's passkeys, "setup"
 * registers the first one and then shows the recovery codes before going on to `next`.
 */
export function SecondFactorPanel({ mode, next }: { mode: "verify" | "setup"; next: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [name, setName] = useState("");

  async function verify() {
    setBusy(true);
    setMessage(null);
    const outcome = await confirmWithPasskey();
    if (outcome.ok) {
      window.location.assign(next);
      return;
    }
    setMessage(outcome.message);
    setBusy(false);
  }

  async function setup() {
    setBusy(true);
    setMessage(null);
    const outcome = await registerPasskey(name.trim() || "Mein Passkey");
    setBusy(false);
    if (!outcome.ok) return setMessage(outcome.message);
    if (outcome.value.recoveryCodes) setCodes(outcome.value.recoveryCodes);
    else window.location.assign(next);
  }

  if (codes) {
    return (
      <div className="flex flex-col gap-4">
        <Notice tone="success" role="status">
          Dein Passkey ist eingerichtet. Ab jetzt bestätigst du jede Anmeldung damit.
        </Notice>
        <RecoveryCodesList codes={codes} />
        <div>
          <Button onClick={() => window.location.assign(next)}>Ich habe die Codes gespeichert, weiter</Button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <ProblemNotice message={message} />
      {mode === "setup" ? (
        <>
          <Field
            label="Name des Passkeys"
            name="passkeyName"
            maxLength={60}
            value={name}
            onChange={(event) => setName(event.target.value)}
            hint="Damit du ihn später wiedererkennst, z. B. „Laptop“ oder „Handy“."
          />
          <div>
            <Button onClick={setup} disabled={busy}>
              {busy ? "Einen Moment …" : "Passkey einrichten"}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button onClick={verify} disabled={busy}>
            {busy ? "Einen Moment …" : "Mit Passkey bestätigen"}
          </Button>
        </div>
      )}
    </div>
  );
}
