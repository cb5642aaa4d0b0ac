"use client";

import type { ReactNode } from "react";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/http/form-action";

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;
type Sent = { state: FormState; pending: boolean; error: (field: string) => string | undefined };

/**
 * A form that sends to a server action and keeps what was typed when the answer is "please fix"
 * (useKeptForm), with the answer at its top (FormNotices: brought into view and focus).
 * `noticeClassName` places that answer in the form's grid; the fields get each field's error.
 */
export function ActionForm({
  action,
  className,
  noticeClassName = "",
  children,
}: {
  action: FormAction;
  className: string;
  noticeClassName?: string;
  children: (sent: Sent) => ReactNode;
}) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(action, {});
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className={className}>
      <div className={`empty:hidden ${noticeClassName}`}>
        <FormNotices state={state} />
      </div>
      {children({ state, pending, error })}
    </form>
  );
}
