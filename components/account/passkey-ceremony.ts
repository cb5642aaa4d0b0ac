"use client";

import { startAuthentication, startRegistration } from "@simplewebauthn/browser";

export type CeremonyOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

async function postJson(path: string, body: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, data };
}

const failed = (data: Record<string, unknown>, fallback: string): { ok: false; message: string } => ({
  ok: false,
  message: typeof data.message === "string" ? data.message : fallback,
});

/** The browser said no: the person cancelled, the time ran out, or this passkey exists already. */
function browserRefusal(error: unknown, fallback: string): { ok: false; message: string } {
  const name = (error as { name?: string })?.name;
  if (name === "InvalidStateError") return { ok: false, message: "Dieser Passkey ist für dein Konto schon eingerichtet." };
  if (name === "NotAllowedError" || name === "AbortError") return { ok: false, message: "Abgebrochen. Du kannst es gleich noch einmal versuchen." };
  return { ok: false, message: fallback };
}

/** Registers a passkey with the server's options; the first one answers with the recovery codes. */
export async function registerPasskey(name: string): Promise<CeremonyOutcome<{ name: string; recoveryCodes?: string[] }>> {
  const fallback = "Der Passkey konnte nicht eingerichtet werden. Bitte versuche es noch einmal.";
  const options = await postJson("/api/passkeys/register/options", {});
  if (options.status !== 200) return failed(options.data, fallback);
  let response: unknown;
  try {
    response = await startRegistration(options.data.options as Parameters<typeof startRegistration>[0]);
  } catch (error) {
    return browserRefusal(error, fallback);
  }
  const verified = await postJson("/api/passkeys/register/verify", name ? { response, name } : { response });
  if (verified.status !== 201) return failed(verified.data, fallback);
  return { ok: true, value: verified.data as { name: string; recoveryCodes?: string[] } };
}

/** Proves one of the person's passkeys for this session. */
export async function confirmWithPasskey(): Promise<CeremonyOutcome<null>> {
  const fallback = "Der Passkey konnte nicht bestätigt werden. Bitte versuche es noch einmal.";
  const options = await postJson("/api/passkeys/authenticate/options", {});
  if (options.status !== 200) return failed(options.data, fallback);
  let response: unknown;
  try {
    response = await startAuthentication(options.data.options as Parameters<typeof startAuthentication>[0]);
  } catch (error) {
    return browserRefusal(error, fallback);
  }
  const verified = await postJson("/api/passkeys/authenticate/verify", { response });
  if (verified.status !== 200) return failed(verified.data, fallback);
  return { ok: true, value: null };
}
