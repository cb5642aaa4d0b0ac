"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ProblemNotice } from "@/components/ui/Notice";
import { renewRecoveryCodesAction, type RenewCodesState } from "@/lib/second-factor/actions";
import { RecoveryCodesList } from "./RecoveryCodesList";

/** New recovery codes, shown once; the old ones stop working at that moment. */
export function RenewCodesForm() {
  const [state, action, pending] = useActionState<RenewCodesState, FormData>(renewRecoveryCodesAction, {});
  return (
    <div className="flex flex-col gap-4">
      <ProblemNotice message={state.message} />
      {state.codes && <RecoveryCodesList codes={state.codes} />}
      <form action={action}>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Wird erzeugt …" : "Neue Wiederherstellungscodes erzeugen"}
        </Button>
      </form>
    </div>
  );
}
