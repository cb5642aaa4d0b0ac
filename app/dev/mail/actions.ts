"use server";

import { redirect } from "next/navigation";
import { clearMailbox } from "@/lib/email/mailbox";
import { devMailboxEnabled } from "@/lib/env";

export async function clearMailboxAction() {
  if (!devMailboxEnabled()) return;
  await clearMailbox();
  redirect("/dev/mail");
}
