"use server";

import { revalidatePath } from "next/cache";
import { formAction, text } from "@/lib/http/form-action";
import { saveJournalReminder } from "./preferences";
import { journalReminderSchema } from "./schemas";

/** The client turns the daily journal reminder on or off, at an hour of their own zone. */
export const saveJournalReminderAction = formAction({
  role: "client",
  schema: journalReminderSchema,
  read: (form) => ({ enabled: form.get("enabled") === "on", hour: text(form, "hour"), timeZone: text(form, "timeZone") }),
  run: async (input, { user }) => {
    await saveJournalReminder(user.id, input);
    revalidatePath("/dashboard/tagebuch");
    return input.enabled
      ? `Schön. Ich erinnere dich jeden Tag um ${String(input.hour).padStart(2, "0")}:00 Uhr (${input.timeZone}), an dem du noch nichts eingetragen hast.`
      : "Die Erinnerung ist aus.";
  },
});
