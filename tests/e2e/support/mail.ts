import { expect, type Page } from "@playwright/test";
import { mailFor } from "./app";

export type Mail = Awaited<ReturnType<typeof mailFor>>[number] & {
  attachments: { filename: string; contentType: string; content: string }[];
};

/** Waits until the mailbox holds an email to `to` whose subject matches, and returns the newest such one. */
export async function waitForMail(page: Page, to: string, subject: RegExp, count = 1): Promise<Mail> {
  let found: Mail[] = [];
  await expect
    .poll(
      async () => {
        found = ((await mailFor(page.request, to)) as Mail[]).filter((m) => subject.test(m.subject));
        return found.length >= count;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)!;
}

/** The first calendar file of an email, as text with folded lines unfolded. */
export function icsOf(mail: Mail): string {
  return Buffer.from(mail.attachments[0]!.content, "base64").toString("utf8").replace(/\r\n /g, "");
}
