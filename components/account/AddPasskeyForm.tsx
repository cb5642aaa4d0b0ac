"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Notice, ProblemNotice } from "@/components/ui/Notice";
import { registerPasskey } from "./passkey-ceremony";
import { RecoveryCodesList } from "./RecoveryCodesList";

/** Adds a passkey from the settings; the first one brings the recovery codes, shown once. */
export function AddPasskeyForm({ first }: { first: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<{ name: string; recoveryCodes?: string[] } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("passkeyName") ?? "").trim();
    setBusy(true);
    setMessage(null);
    setDone(null);
    const outcome = await registerPasskey(name || (first ? "Mein Passkey" : "Weiterer Passkey"));
    setBusy(false);
    if (!outcome.ok) return setMessage(outcome.message);
    form.reset();
    setDone(outcome.value);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      <ProblemNotice message={message} />
      {done && (
        <Notice tone="success" role="status">
          „{done.name}“ ist eingerichtet.
        </Notice>
      )}
      {done?.recoveryCodes && <RecoveryCodesList codes={done.recoveryCodes} />}
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field
          label="Name des neuen Passkeys"
          name="passkeyName"
          maxLength={60}
          hint="z. B. „Laptop“, „Handy“ oder „Sicherheitsschlüssel“"
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? "Einen Moment …" : "Passkey hinzufügen"}
          </Button>
        </div>
      </form>
    </div>
  );
}
