import { Notice } from "@/components/ui/Notice";
import type { SessionFormState } from "@/lib/sessions/actions";

export function FormNotices({ state }: { state: SessionFormState }) {
  return (
    <>
      {state.message && (
        <Notice tone="danger" role="alert">
          {state.message}
        </Notice>
      )}
      {state.ok && (
        <Notice tone="success" role="status">
          {state.ok}
        </Notice>
      )}
    </>
  );
}
