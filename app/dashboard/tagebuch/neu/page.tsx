import type { Metadata } from "next";
import Link from "next/link";
import { JournalForm } from "@/components/journal/JournalForm";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { getPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Neuer Eintrag", robots: { index: false } };

/**
 * The journal form alone, without the list of entries: the page the service worker keeps for
 * offline use (public/sw.js), so no cached copy ever holds an entry.
 */
export default async function NewEntryPage() {
  const user = await requireRole("client", "/dashboard/tagebuch/neu");
  const settings = await getPracticeSettings();
  return (
    <div className="flex flex-col gap-6">
      <h1>Neuer Eintrag</h1>
      <Card aria-labelledby="neu">
        <h2 id="neu" className="mb-4 text-xl">
          Wie geht es dir heute?
        </h2>
        <JournalForm today={todayIn(settings.timeZone)} userId={user.id} />
      </Card>
      <p>
        <Link href="/dashboard/tagebuch">Zu deinen Einträgen</Link>
      </p>
    </div>
  );
}
