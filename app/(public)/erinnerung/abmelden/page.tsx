import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { reminderKindOfToken } from "@/lib/reminders/preferences";

export const metadata: Metadata = { title: "Erinnerung abbestellen", robots: { index: false } };

/**
 * Where the reminder email's "abbestellen" link leads. Opening it changes nothing (mail scanners
 * open links); the button does, through the same one-click route the mail program uses.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; erledigt?: string; art?: string }>;
}) {
  const { token, erledigt, art } = await searchParams;
  const kind = typeof token === "string" ? await reminderKindOfToken(token) : null;
  const checkin = art === "check-in" || kind === "weekly_checkin";
  if (erledigt === "1") {
    return (
      <Card aria-labelledby="titel" className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 id="titel">Erledigt</h1>
        <p role="status">
          {checkin
            ? "Du bekommst keine wöchentlichen Check-in-Erinnerungen mehr. Wenn du sie wieder möchtest, schaltest du sie unter „Fortschritt“ ein."
            : "Du bekommst keine Tagebuch-Erinnerungen mehr. Wenn du sie wieder möchtest, schaltest du sie in deinem Tagebuch ein."}
        </p>
        <p>
          {checkin ? (
            <Link href="/dashboard/fortschritt#erinnerung">Zum Fortschritt</Link>
          ) : (
            <Link href="/dashboard/tagebuch#erinnerung">Zum Tagebuch</Link>
          )}
        </p>
      </Card>
    );
  }
  const valid = typeof token === "string" && kind !== null;
  return (
    <Card aria-labelledby="titel" className="mx-auto flex max-w-xl flex-col gap-3">
      <h1 id="titel">Erinnerung abbestellen</h1>
      {valid ? (
        <>
          <p>
            {checkin
              ? "Möchtest du keine wöchentlichen Erinnerungen an deinen Check-in mehr bekommen?"
              : "Möchtest du keine täglichen Erinnerungen an dein Tagebuch mehr bekommen?"}{" "}
            Ein Klick genügt, anmelden musst du dich dafür nicht.
          </p>
          <form method="post" action={`/api/erinnerungen/abmelden?token=${encodeURIComponent(token)}`}>
            <Button type="submit">Erinnerungen abbestellen</Button>
          </form>
        </>
      ) : (
        <p>
          Dieser Link ist leider ungültig. Du kannst die Erinnerung in deinem <Link href="/dashboard/tagebuch#erinnerung">Tagebuch</Link>{" "}
          ausschalten.
        </p>
      )}
    </Card>
  );
}
