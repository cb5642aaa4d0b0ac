"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

/** The coach sells a client a package of sessions. */
export function SellPackageForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} className="grid gap-4 md:grid-cols-2" noticeClassName="md:col-span-2">
      {({ pending, error }) => (
        <>
          <Field label="Titel" name="title" defaultValue="8 Sitzungen" error={error("title")} />
          <Field label="Sitzungen" name="sessions" type="number" inputMode="numeric" defaultValue="8" error={error("sessions")} />
          <Field label="Preis (brutto, €)" name="price" inputMode="decimal" placeholder="640,00" error={error("price")} />
          <Field
            label="Gültig bis"
            name="expiresOn"
            type="date"
            error={error("expiresOn")}
            hint="Optional. Danach zieht keine Sitzung mehr ab."
          />
          <div className="md:col-span-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? "Wird angelegt …" : "Paket verkaufen"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
