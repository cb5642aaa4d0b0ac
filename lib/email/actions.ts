"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commandAction, text } from "@/lib/http/form-action";
import { uuidSchema } from "@/lib/sql/uuid";
import { after } from "next/server";
import { dispatchDueEmails, retryEmail } from "./dispatcher";

/** The coach's "send again" on a failed email in the log. Rows in any other status are left alone. */
export const retryEmailAction = commandAction({
  role: "coach",
  schema: z.object({ id: uuidSchema }),
  read: (form) => ({ id: text(form, "id") }),
  run: async ({ id }) => {
    if (await retryEmail(id)) {
      try {
        after(async () => {
          await dispatchDueEmails().catch((error) => console.error("outbox dispatch failed", error));
        });
      } catch {
        // Outside a request (tests): the poller or the cron route delivers it.
      }
    }
    revalidatePath("/coach/emails");
  },
});
