"use client";

import Link from "next/link";
import { useId } from "react";
import { Button } from "@/components/ui/Button";
import { Field, TextArea } from "@/components/ui/Field";
import { Honeypot } from "@/components/ui/Honeypot";
import { FormNotices } from "@/components/ui/FormNotices";
import { Notice } from "@/components/ui/Notice";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";

export function CommentForm({ action }: { action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  const consentId = useId();
  if (state.ok) {
    return (
      <Notice role="status" title="Danke für deinen Kommentar!">
        Er erscheint hier, sobald er freigegeben ist. Das kann ein bis zwei Tage dauern.
      </Notice>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormNotices state={state} />
      <Field
        label="Name"
        name="authorName"
        autoComplete="given-name"
        maxLength={80}
        required
        error={errors.authorName?.[0]}
        hint="Ein Vorname genügt. Er wird mit dem Kommentar gezeigt."
      />
      <TextArea label="Kommentar" name="body" rows={5} maxLength={4000} required error={errors.body?.[0]} />
      <Honeypot />
      <div className="flex items-start gap-3">
        <input
          id={consentId}
          type="checkbox"
          name="consent"
          required
          className="mt-1.5 size-5 accent-accent"
          aria-invalid={errors.consent ? true : undefined}
          aria-describedby={errors.consent ? `${consentId}-error` : undefined}
        />
        <div>
          <label htmlFor={consentId}>
            Ich bin einverstanden, dass mein Name und mein Kommentar gespeichert und nach Freigabe hier veröffentlicht werden. Mehr dazu in
            der <Link href="/datenschutz">Datenschutzerklärung</Link>.
          </label>
          {errors.consent && (
            <p id={`${consentId}-error`} className="text-sm text-danger">
              {errors.consent[0]}
            </p>
          )}
        </div>
      </div>
      <p className="text-sm text-muted">
        Bitte schreib hier nichts, was du nicht öffentlich lesen möchtest, vor allem keine Gesundheitsdetails.
      </p>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Wird gesendet …" : "Kommentar senden"}
        </Button>
      </div>
    </form>
  );
}
