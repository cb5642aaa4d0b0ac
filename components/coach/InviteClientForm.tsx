"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { inviteClientAction } from "@/lib/clients/coach-actions";
import type { FormState } from "@/lib/http/form-action";

/** Name and address: the account is created and an invitation with a sign-in link goes out. */
export function InviteClientForm() {
  const [state, onSubmit, pending] = useKeptForm<FormState>(inviteClientAction, {});
  const e = (key: string) => state.fieldErrors?.[key]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end">
      <div className="md:col-span-3 empty:hidden">
        <FormNotices state={state} />
      </div>
      <Field label="Name" name="name" autoComplete="off" required maxLength={100} error={e("name")} />
      <Field label="E-Mail-Adresse" name="email" type="email" autoComplete="off" required maxLength={254} error={e("email")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird eingeladen …" : "Einladen"}
        </Button>
      </div>
    </form>
  );
}
