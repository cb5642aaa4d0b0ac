import { z } from "zod";
import { noControl, wholeNumber } from "@/lib/settings/schemas";
import { uuidSchema } from "@/lib/sql/uuid";

/** The coach's cancellation policy ("Absageregel"): its text and the numbers a fee is computed from. */
export const policyFormSchema = z.object({
  text: z
    .string({ error: "Bitte schreib die Absageregel auf." })
    .trim()
    .min(1, "Bitte schreib die Absageregel auf.")
    .max(4000, "Die Absageregel ist zu lang (höchstens 4.000 Zeichen).")
    .refine(noControl, "Die Absageregel enthält ungültige Zeichen."),
  hoursBefore: wholeNumber("Stunden vorher", 1, 336),
  latePercent: wholeNumber("Bei später Absage", 0, 100),
  noShowPercent: wholeNumber("Bei Nichterscheinen", 0, 100),
});
export type PolicyInput = z.infer<typeof policyFormSchema>;

/** The version the client read and accepts: it must still be the current one. */
export const acceptPolicySchema = z.object({ policyId: uuidSchema });

/** The coach bills the fee of one appointment of one client (both bound on the page). */
export const billFeeSchema = z.object({
  clientId: uuidSchema,
  appointmentId: uuidSchema,
});
