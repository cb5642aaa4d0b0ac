import { z } from "zod";
import { isSingleLine, singleLineMessage } from "@/lib/validation/single-line";
import { normalizeRecoveryCode } from "./recovery-codes";

/** Control characters (NUL above all, which PostgreSQL refuses in text). */
const noControl = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, "not base64url");

export const passkeyNameSchema = z
  .string({ error: "Bitte gib dem Passkey einen Namen." })
  .trim()
  .min(1, "Bitte gib dem Passkey einen Namen.")
  .max(60, "Der Name ist zu lang (höchstens 60 Zeichen).")
  .refine(isSingleLine, singleLineMessage("Name"));

const transports = z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(7);
/** Only the one extension result anyone reads; everything else a browser sends is dropped. */
const clientExtensionResults = z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }).default({});
/** A credential as @simplewebauthn/browser answers, with the authenticator's own `response` fields. */
const credential = <R extends z.ZodRawShape>(response: R) =>
  z.object({
    id: base64url(1024).min(1),
    rawId: base64url(1024).min(1),
    type: z.literal("public-key"),
    clientExtensionResults,
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    response: z.object({ clientDataJSON: base64url(4096).min(1), ...response }),
  });

/** What @simplewebauthn/browser's startRegistration() answers, with the name the person chose. */
export const registrationVerifySchema = z.object({
  response: credential({
    attestationObject: base64url(8192).min(1),
    authenticatorData: base64url(4096).optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(2048).optional(),
  }),
  name: passkeyNameSchema.optional(),
});
export type RegistrationVerifyInput = z.infer<typeof registrationVerifySchema>;

/** What @simplewebauthn/browser's startAuthentication() answers. */
export const authenticationVerifySchema = z.object({
  response: credential({
    authenticatorData: base64url(4096).min(1),
    signature: base64url(1024).min(1),
    userHandle: base64url(1024).optional(),
  }),
});
export type AuthenticationVerifyInput = z.infer<typeof authenticationVerifySchema>;

const notACode = "Das ist kein Wiederherstellungscode. Er hat zehn Zeichen, z. B. K7QX2-MP9RT.";

/** A recovery code as typed, if it can be one (normalizeRecoveryCode decides). */
export const recoveryCodeFormSchema = z.object({
  code: z
    .string()
    .max(64, notACode)
    .refine(noControl, notACode)
    .refine((code) => normalizeRecoveryCode(code) !== null, notACode),
  /** Where to go next; anything odd is dropped (safeReturnPath decides the rest). */
  callbackUrl: z.string().max(500).refine(noControl).optional().catch(undefined),
});

export const removePasskeyFormSchema = z.object({
  id: z.uuid("Diesen Passkey gibt es nicht."),
  confirmLast: z.enum(["on", "ja", ""], "Diesen Passkey gibt es nicht.").optional(),
});

export const endSessionFormSchema = z.object({ id: z.uuid("Diese Sitzung gibt es nicht.") });
