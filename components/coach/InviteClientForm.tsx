"use client";

import { ActionForm } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { inviteClientAction } from "@/lib/clients/coach-actions";

/** Name and address: the account is created and an invitation with a sign-in link goes out. */
export function InviteClientForm() {
  return (
    <ActionForm action={inviteClientAction} className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end" noticeClassName="md:col-span-3">
      {({ error, pending }) => (
        <>
          <Field label="Name" name="name" autoComplete="off" required maxLength={100} error={error("name")} />
          <Field label="E-Mail-Adresse" name="email" type="email" autoComplete="off" required maxLength={254} error={error("email")} />
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? "Wird eingeladen …" : "Einladen"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
