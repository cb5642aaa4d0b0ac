import { Notice } from "@/components/ui/Notice";

/** What a form's last submit did: an error to fix (alert) or what was saved (status). */
export function FormNotices({ state }: { state: { message?: string; ok?: string } }) {
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
