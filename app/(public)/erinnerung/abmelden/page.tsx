import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { preferenceOfToken } from "@/lib/reminders/unsubscribe";

export const metadata: Metadata = { title: "Erinnerung abbestellen", robots: { index: false } };

/**
 * Where the reminder email's "abbestellen" link leads. Opening it changes nothing (mail scanners
 * open links); the button does, through the same one-click route the mail program uses.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; erledigt?: string }> }) {
  const { token, erledigt } = await searchParams;
  if (erledigt === "1") {
    return (
      <Card aria-labelledby="titel" className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 id="titel">Erledigt</h1>
        <p role="status">
          Du bekommst keine Tagebuch-Erinnerungen mehr. Wenn du sie wieder möchtest, schaltest du sie in deinem Tagebuch ein.
        </p>
        <p>
          <Link href="/dashboard/tagebuch#erinnerung">Zum Tagebuch</Link>
        </p>
      </Card>
    );
  }
  const valid = typeof token === "string" && preferenceOfToken(token) !== null;
  return (
    <Card aria-labelledby="titel" className="mx-auto flex max-w-xl flex-col gap-3">
      <h1 id="titel">Erinnerung abbestellen</h1>
      {valid ? (
        <>
          <p>
            Möchtest du keine täglichen Erinnerungen an dein Tagebuch mehr bekommen? Ein Klick genügt, anmelden musst du dich dafür nicht.
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
