"use client";

import { Button } from "@/components/ui/Button";
import { FormNotices } from "@/components/ui/FormNotices";
import { useKeptForm } from "@/components/ui/useKeptForm";
import { acceptPolicyAction } from "@/lib/cancellation-policy/actions";
import type { FormState } from "@/lib/http/form-action";

/** The client's one button under the policy; the answer replaces it. */
export function AcceptPolicyForm({ policyId }: { policyId: string }) {
  const [state, onSubmit, pending] = useKeptForm<FormState>(acceptPolicyAction, {});
  if (state.ok) return <FormNotices state={state} />;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <FormNotices state={state} />
      <input type="hidden" name="policyId" value={policyId} />
      <div>
        <Button type="submit" disabled={pending}>
          Ich habe die Absageregel gelesen und bin einverstanden
        </Button>
      </div>
    </form>
  );
}
