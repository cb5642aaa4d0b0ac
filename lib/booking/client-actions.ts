"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelByClient } from "@/lib/appointments/client";
import { formAction, text } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/site-url";
import { cancelReasonSchema } from "./schemas";

export const cancelOwnAppointmentAction = formAction({
  role: "client",
  firstIssueAsMessage: true,
  schema: z.object({ id: z.string(), reason: cancelReasonSchema }),
  read: (form, id: string) => ({ id: String(id), reason: text(form, "reason") }),
  run: async ({ id, reason }, { user }) => {
    await cancelByClient(user.id, id, reason, await siteOrigin());
    revalidatePath("/dashboard/termine");
    revalidatePath("/dashboard");
    return "Abgesagt. Du bekommst eine Bestätigung per E-Mail.";
  },
});
