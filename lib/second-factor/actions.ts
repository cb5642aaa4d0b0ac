"use server";

import { revalidatePath } from "next/cache";
import { redirect, unauthorized } from "next/navigation";
import { homeFor, requireActionUser } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/http/errors";
import { commandAction } from "@/lib/http/form-action";
import { hitRateLimit } from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/site-url";
import { secondFactorContext } from "./context";
import { securitySettingsPath } from "./notify";
import { removePasskey } from "./passkeys";
import { redeemRecoveryCode, renewRecoveryCodes } from "./recovery";
import { normalizeRecoveryCode } from "./recovery-codes";
import { endSessionFormSchema, recoveryCodeFormSchema, removePasskeyFormSchema } from "./schemas";
import { endOtherSession } from "./sessions";

export type RecoveryCodeState = { message?: string };
export type RenewCodesState = { codes?: string[]; message?: string };
export type RemovePasskeyState = { message?: string; confirmLast?: boolean; ok?: string };

/** Recovery-code tries per person and hour: ten codes of 50 bits each are out of reach of guessing. */
const RECOVERY_TRIES_PER_HOUR = 10;

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/** The second factor by recovery code, from a session that still owes it (or any signed-in one). */
export async function redeemRecoveryCodeAction(_previous: RecoveryCodeState, form: FormData): Promise<RecoveryCodeState> {
  // An action answers 401 through Next's interrupt: an AppError thrown here would be a 500.
  const ctx = await secondFactorContext().catch((error: unknown) => {
    if (error instanceof AppError && error.code === "unauthorized") unauthorized();
    throw error;
  });
  const parsed = recoveryCodeFormSchema.safeParse({ code: field(form, "code") ?? "", callbackUrl: field(form, "callbackUrl") });
  if (!parsed.success || !normalizeRecoveryCode(parsed.data.code)) {
    return { message: "Das ist kein Wiederherstellungscode. Er hat zehn Zeichen, z. B. K7QX2-MP9RT." };
  }
  const limit = await hitRateLimit(`second-factor:${ctx.user.id}`, RECOVERY_TRIES_PER_HOUR, 3600);
  if (!limit.allowed) return { message: "Zu viele Versuche. Bitte nimm deinen Passkey oder versuche es in einer Stunde noch einmal." };
  const result = await redeemRecoveryCode(ctx, parsed.data.code, { origin: await siteOrigin() });
  if (!result.ok) return { message: "Dieser Code passt nicht oder wurde schon benutzt." };
  const next = safeReturnPath(parsed.data.callbackUrl);
  redirect(next === "/login/weiter" ? homeFor(ctx.user.role) : next);
}

/** Ten new recovery codes, shown once in the answer; the old ones stop working. */
export async function renewRecoveryCodesAction(_previous: RenewCodesState, _form: FormData): Promise<RenewCodesState> {
  const user = await requireActionUser();
  try {
    const codes = await renewRecoveryCodes(user.id, { origin: await siteOrigin() });
    revalidatePath(securitySettingsPath(user.role).split("#")[0]!);
    return { codes };
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return { message: error.message };
    throw error;
  }
}

export async function removePasskeyAction(_previous: RemovePasskeyState, form: FormData): Promise<RemovePasskeyState> {
  const user = await requireActionUser();
  const parsed = removePasskeyFormSchema.safeParse({ id: field(form, "id") ?? "", confirmLast: field(form, "confirmLast") });
  if (!parsed.success) return { message: "Diesen Passkey gibt es nicht." };
  try {
    const result = await removePasskey(user.id, parsed.data.id, {
      confirmLast: Boolean(parsed.data.confirmLast),
      origin: await siteOrigin(),
    });
    if (!result.removed) return { confirmLast: true };
    revalidatePath(securitySettingsPath(user.role).split("#")[0]!);
    return { ok: result.wasLast ? "Der Passkey ist entfernt. Dein Konto hat jetzt keinen Passkey mehr." : "Der Passkey ist entfernt." };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { message: error.message };
    throw error;
  }
}

/** Signs one of the person's other devices out. */
export const endSessionAction = commandAction({
  role: "any",
  schema: endSessionFormSchema,
  read: (form) => ({ id: field(form, "id") ?? "" }),
  run: async ({ id }, { user }) => {
    try {
      await endOtherSession(user.id, id, await currentSessionToken());
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") return;
      throw error;
    }
    revalidatePath(securitySettingsPath(user.role).split("#")[0]!);
  },
});
