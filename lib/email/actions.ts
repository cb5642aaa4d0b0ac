"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/guards";
import { after } from "next/server";
import { dispatchDueEmails, retryEmail } from "./dispatcher";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The coach's "send again" on a failed email in the log. Rows in any other status are left alone. */
export async function retryEmailAction(form: FormData): Promise<void> {
  await requireActionUser("coach");
  const id = String(form.get("id") ?? "");
  if (!uuid.test(id)) return;
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
}
