"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { anyone, callAction, publicFormAction, text } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/site-url";
import { cancelByVisitor, confirmBooking, rescheduleByVisitor } from "@/lib/appointments/consultations";
import { cancelReasonSchema } from "./schemas";
import { isTokenShape } from "./tokens";

/** The button on /termin/bestaetigen/[token]: a POST, so that link scanners cannot confirm for anyone. */
export const confirmBookingAction = callAction({
  guard: anyone,
  schema: z.string().refine(isTokenShape),
  read: (token: string) => String(token),
  run: async (token): Promise<void> => {
    const result = await confirmBooking(token, { origin: await siteOrigin() });
    if (result.manageToken) redirect(`/termin/${result.manageToken}?bestaetigt=1`);
    redirect(`/termin/bestaetigen/${token}?ergebnis=${result.status}`);
  },
  failure: () => redirect("/erstgespraech"),
});

export const cancelBookingAction = publicFormAction({
  firstIssueAsMessage: true,
  schema: z.object({ token: z.string(), reason: cancelReasonSchema }),
  read: (form, token: string) => ({ token: String(token), reason: text(form, "reason") }),
  run: async ({ token, reason }) => {
    await cancelByVisitor(token, reason, { origin: await siteOrigin() });
    redirect(`/termin/${token}?abgesagt=1`);
  },
});

export const rescheduleBookingAction = publicFormAction({
  firstIssueAsMessage: true,
  schema: z.object({
    token: z.string(),
    start: z.string().refine((v) => !Number.isNaN(new Date(v).getTime()), "Bitte wähle einen neuen Termin aus."),
  }),
  read: (form, token: string) => ({ token: String(token), start: text(form, "start") }),
  run: async ({ token, start }) => {
    await rescheduleByVisitor(token, new Date(start), { origin: await siteOrigin() });
    redirect(`/termin/${token}?verschoben=1`);
  },
});
