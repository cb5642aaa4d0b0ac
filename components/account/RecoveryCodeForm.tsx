"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { redeemRecoveryCodeAction, type RecoveryCodeState } from "@/lib/second-factor/actions";

/** The way in without the passkey: one of the ten recovery codes, each usable once. */
export function RecoveryCodeForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<RecoveryCodeState, FormData>(redeemRecoveryCodeAction, {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Wiederherstellungscode"
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
        error={state.message}
        hint="Zehn Zeichen, z. B. K7QX2-MP9RT. Jeder Code funktioniert genau einmal."
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Einen Moment …" : "Mit Code anmelden"}
        </Button>
      </div>
    </form>
  );
}
