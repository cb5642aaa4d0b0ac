"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { deleteAccountAction } from "@/lib/clients/actions";

export function DeleteAccountForm() {
  const [state, onSubmit, pending] = useKeptForm<{ message?: string }>(deleteAccountAction, {});
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormNotices state={state} />
      <Field label="Zur Bestätigung LÖSCHEN eintippen" name="confirmation" autoComplete="off" required />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Wird gelöscht …" : "Konto und alle Daten endgültig löschen"}
        </Button>
      </div>
    </form>
  );
}
