"use client";

import { useTransition, type FormEvent } from "react";
import { clearDeviceData } from "@/components/pwa/device-data";
import { signOutAction } from "@/lib/auth/actions";

/**
 * "Abmelden": first removes what the client area left on this device (offline copy of the
 * journal form, entries waiting to be sent, the service worker), then signs out. Without
 * JavaScript the form posts the action itself (nothing was stored on the device then either).
 */
export function SignOutForm({ className }: { className: string }) {
  const [pending, startTransition] = useTransition();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      await clearDeviceData();
      await signOutAction(new FormData());
    });
  }
  return (
    <form action={signOutAction} onSubmit={submit}>
      <button type="submit" className={className} aria-disabled={pending || undefined}>
        Abmelden
      </button>
    </form>
  );
}
