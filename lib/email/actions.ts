"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commandAction, text } from "@/lib/http/form-action";
import { uuidSchema } from "@/lib/sql/uuid";
import { retryEmail } from "./dispatcher";
import { dispatchAfterResponse } from "./outbox";

/** The coach's "send again" on a failed email in the log. Rows in any other status are left alone. */
export const retryEmailAction = commandAction({
  role: "coach",
  schema: z.object({ id: uuidSchema }),
  read: (form) => ({ id: text(form, "id") }),
  run: async ({ id }) => {
    if (await retryEmail(id)) dispatchAfterResponse();
    revalidatePath("/coach/emails");
  },
});
