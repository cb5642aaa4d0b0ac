"use server";

import { z } from "zod";
import { resendFromReceipt } from "@/lib/appointments/receipts";
import { clientKey } from "@/lib/http/client-ip";
import { publicFormAction, type FormState } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/site-url";
import { isTokenShape } from "./tokens";

/** "Send the email again" on /termin/anfrage/[token]: the same answer whether a booking stands behind the receipt or not. */
export const resendConfirmationAction = publicFormAction({
  firstIssueAsMessage: true,
  schema: z.object({ token: z.string().refine(isTokenShape, "Diese Anfrage gibt es nicht mehr.") }),
  read: (_form, token: string) => ({ token: String(token) }),
  run: async ({ token }): Promise<string | FormState> => {
    const result = await resendFromReceipt(token, { origin: await siteOrigin(), clientKey: await clientKey() });
    return result === "sent"
      ? "Ich habe dir die E-Mail noch einmal geschickt. Schau auch im Spam-Ordner nach. Es gilt der Link aus der neuesten E-Mail."
      : { message: "Die E-Mail ist gerade eben erst noch einmal verschickt worden. Bitte warte eine Minute und schau in dein Postfach." };
  },
});
