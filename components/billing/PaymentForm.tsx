"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

/** "Zahlung erfassen": the full open amount unless the coach types a part of it. */
export function PaymentForm({ action, invoiceId, open, today }: { action: FormAction; invoiceId: string; open: string; today: string }) {
  return (
    <ActionForm action={action} className="grid gap-4 md:grid-cols-2" noticeClassName="md:col-span-2">
      {({ pending, error }) => (
        <>
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <Field
            label="Betrag (€)"
            name="amount"
            inputMode="decimal"
            placeholder={open}
            error={error("amount")}
            hint={`Leer lassen für den ganzen offenen Betrag (${open}); für eine Teilzahlung den Betrag eintragen.`}
          />
          <Field label="Bezahlt am" name="paidOn" type="date" defaultValue={today} error={error("paidOn")} />
          <Field label="Notiz" name="note" error={error("note")} hint="Optional, z. B. „Überweisung“." className="md:col-span-2" />
          <div className="md:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Wird erfasst …" : "Zahlung erfassen"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
