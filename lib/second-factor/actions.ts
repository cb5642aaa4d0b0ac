"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/http/errors";
import { commandAction, fields, formAction, noInput, sent, text, type FormState } from "@/lib/http/form-action";
import { hitRateLimit } from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/site-url";
import { secondFactorActionContext } from "./context";
import { securitySettingsPath } from "./notify";
import { removePasskey } from "./passkeys";
import { redeemRecoveryCode, renewRecoveryCodes } from "./recovery";
import { endSessionFormSchema, recoveryCodeFormSchema, removePasskeyFormSchema } from "./schemas";
import { endOtherSession } from "./sessions";

export type RecoveryCodeState = FormState;
export type RenewCodesState = FormState & { codes?: string[] };
export type RemovePasskeyState = FormState & { confirmLast?: boolean };

/** Recovery-code tries per person and hour: ten codes of 50 bits each are out of reach of guessing. */
const RECOVERY_TRIES_PER_HOUR = 10;

const refreshSecuritySettings = (role: "coach" | "client") => revalidatePath(securitySettingsPath(role).split("#")[0]!);

/** The second factor by recovery code, from a session that still owes it (or any signed-in one). */
export const redeemRecoveryCodeAction = formAction({
  guard: secondFactorActionContext,
  schema: recoveryCodeFormSchema,
  firstIssueAsMessage: true,
  read: (form) => ({ code: text(form, "code"), callbackUrl: sent(form, "callbackUrl") }),
  run: async ({ code, callbackUrl }, { user: ctx }) => {
    const limit = await hitRateLimit(`second-factor:${ctx.user.id}`, RECOVERY_TRIES_PER_HOUR, 3600);
    if (!limit.allowed) {
      throw new AppError("rate_limited", "Zu viele Versuche. Bitte nimm deinen Passkey oder versuche es in einer Stunde noch einmal.");
    }
    const result = await redeemRecoveryCode(ctx, code, { origin: await siteOrigin() });
    if (!result.ok) throw new AppError("invalid", "Dieser Code passt nicht oder wurde schon benutzt.");
    const next = safeReturnPath(callbackUrl);
    redirect(next === "/login/weiter" ? homeFor(ctx.user.role) : next);
  },
});

/** Ten new recovery codes, shown once in the answer; the old ones stop working. */
export const renewRecoveryCodesAction = formAction({
  role: "any",
  ...noInput,
  run: async (_input, { user }): Promise<RenewCodesState> => {
    const codes = await renewRecoveryCodes(user.id, { origin: await siteOrigin() });
    refreshSecuritySettings(user.role);
    return { codes };
  },
});

export const removePasskeyAction = formAction({
  role: "any",
  schema: removePasskeyFormSchema,
  firstIssueAsMessage: true,
  read: (form) => ({ id: text(form, "id"), confirmLast: sent(form, "confirmLast") }),
  run: async ({ id, confirmLast }, { user }): Promise<RemovePasskeyState> => {
    const result = await removePasskey(user.id, id, { confirmLast: Boolean(confirmLast), origin: await siteOrigin() });
    if (!result.removed) return { confirmLast: true };
    refreshSecuritySettings(user.role);
    return { ok: result.wasLast ? "Der Passkey ist entfernt. Dein Konto hat jetzt keinen Passkey mehr." : "Der Passkey ist entfernt." };
  },
});

/** Signs one of the person's other devices out. */
export const endSessionAction = commandAction({
  role: "any",
  schema: endSessionFormSchema,
  read: (form) => fields(form, ["id"]),
  run: async ({ id }, { user }) => {
    await endOtherSession(user.id, id, await currentSessionToken());
    refreshSecuritySettings(user.role);
  },
  // Already ended, or not the person's: nothing to do.
  refused: () => {},
});
