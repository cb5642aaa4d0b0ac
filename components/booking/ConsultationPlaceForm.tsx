"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";

const labels = { video: "Link fürs Videogespräch", phone: "Hinweis fürs Telefongespräch", in_person: "Adresse" } as const;

/** The coach sets where one consultation takes place; once it is confirmed, the person gets an update. */
export function ConsultationPlaceForm({
  action,
  channel,
  value,
  fallback,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  channel: keyof typeof labels;
  value: string;
  /** The channel's default from the booking settings, used while this is empty. */
  fallback: string | null;
}) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <div className="basis-full">
        <FormNotices state={state} />
      </div>
      <Field
        label={labels[channel]}
        name="location"
        type={channel === "video" ? "url" : "text"}
        defaultValue={value}
        error={state.fieldErrors?.location?.[0]}
        hint={fallback ? `Leer = Standard: ${fallback}` : channel === "video" ? "Nur https-Links." : undefined}
        maxLength={500}
        className="min-w-0 grow"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Ort übernehmen
      </Button>
    </form>
  );
}
