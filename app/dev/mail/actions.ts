"use server";

import { redirect } from "next/navigation";
import { clearMailbox } from "@/lib/email/mailbox";
import { devMailboxEnabled } from "@/lib/env";
import { anyone, commandAction, noInput } from "@/lib/http/form-action";

export const clearMailboxAction = commandAction({
  guard: anyone,
  ...noInput,
  run: async () => {
    if (!devMailboxEnabled()) return;
    await clearMailbox();
    redirect("/dev/mail");
  },
});
