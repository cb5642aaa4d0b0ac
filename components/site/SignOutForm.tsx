"use client";

import { useRef, type FormEvent } from "react";
import { clearDeviceData } from "@/components/pwa/device-data";
import { signOutAction } from "@/lib/auth/actions";

/**
 * "Abmelden": first removes what the client area left on this device (offline copy of the
 * journal form, entries waiting to be sent, the service worker), then signs out.
 */
export function SignOutForm({ className }: { className: string }) {
  const cleared = useRef(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    if (cleared.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    await clearDeviceData();
    cleared.current = true;
    form.requestSubmit();
  }
  return (
    <form action={signOutAction} onSubmit={submit}>
      <button type="submit" className={className}>
        Abmelden
      </button>
    </form>
  );
}
