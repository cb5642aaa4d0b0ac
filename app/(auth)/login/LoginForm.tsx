"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { requestMagicLink, type SignInState } from "@/lib/auth/actions";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(requestMagicLink, {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field
        label="E-Mail-Adresse"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        maxLength={254}
        defaultValue={state.email}
        error={state.error}
        hint="Ich schicke dir einen Link, mit dem du dich ohne Passwort anmeldest."
      />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Einen Moment …" : "Anmeldelink schicken"}
        </Button>
      </div>
    </form>
  );
}
