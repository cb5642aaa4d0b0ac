"use client";

import { ActionForm, type FormAction } from "@/components/ui/ActionForm";
import { Button } from "@/components/ui/Button";

/** One button that sends hidden values to an action, with the action's answer above it. */
export function ActionButton({
  action,
  values,
  label,
  pendingLabel,
  variant = "primary",
}: {
  action: FormAction;
  values: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "quiet" | "danger";
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {({ pending }) => (
        <>
          {Object.entries(values).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div>
            <Button type="submit" variant={variant} disabled={pending}>
              {pending ? pendingLabel : label}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
