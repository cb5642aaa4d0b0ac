import type { Metadata } from "next";
import Link from "next/link";
import { EntryList } from "@/components/journal/EntryList";
import { JournalForm } from "@/components/journal/JournalForm";
import { ReminderForm } from "@/components/journal/ReminderForm";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { requireRole } from "@/lib/auth/guards";
import { knownTags, listEntries } from "@/lib/journal/queries";
import { journalQuerySchema } from "@/lib/journal/schemas";
import { journalReminderOf } from "@/lib/reminders/preferences";
import { getPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Schmerztagebuch", robots: { index: false } };

type Search = { from?: string; to?: string; tag?: string; q?: string; seite?: string };

/** The zones a client can pick for their reminders, as this runtime knows them. */
const TIME_ZONES = Intl.supportedValuesOf("timeZone");

/** About ten weeks of daily entries per page: quick to render even after years of journaling. */
const PAGE_SIZE = 70;

export default async function JournalPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole("client", "/dashboard/tagebuch");
  const raw = await searchParams;
  const parsed = journalQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string" && v !== "")));
  const filter = parsed.success ? parsed.data : {};
  const page = Math.min(Math.max(1, Number.parseInt(raw.seite ?? "1", 10) || 1), 1000);
  const [rows, settings, tags, reminder] = await Promise.all([
    listEntries(user.id, filter, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
    getPracticeSettings(),
    knownTags(user.id),
    journalReminderOf(user.id),
  ]);
  const entries = rows.slice(0, PAGE_SIZE);
  const hasOlder = rows.length > PAGE_SIZE;
  const pageHref = (n: number) =>
    `/dashboard/tagebuch?${new URLSearchParams({ ...filter, ...(n > 1 ? { seite: String(n) } : {}) }).toString()}`.replace(/\?$/, "");
  const today = todayIn(settings.timeZone);
  const filtered = Object.keys(filter).length > 0;
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1>Schmerztagebuch</h1>
        <p className="text-muted">Zwei Zahlen genügen. Alles andere ist freiwillig und hilft dir und mir, Muster zu sehen.</p>
      </div>
      <Card aria-labelledby="neu">
        <h2 id="neu" className="mb-4 text-xl">
          Wie geht es dir heute?
        </h2>
        <JournalForm today={today} userId={user.id} />
      </Card>
      <section aria-labelledby="eintraege" className="flex flex-col gap-6">
        <h2 id="eintraege">Deine Einträge</h2>
        <form role="search" className="grid gap-3 rounded-2xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5" method="get">
          <label className="flex flex-col gap-1 text-sm">
            Von
            <input type="date" name="from" defaultValue={filter.from} className="min-h-11 rounded-lg border border-line px-2 text-base" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Bis
            <input type="date" name="to" defaultValue={filter.to} className="min-h-11 rounded-lg border border-line px-2 text-base" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Stichwort
            <select name="tag" defaultValue={filter.tag ?? ""} className="min-h-11 rounded-lg border border-line px-2 text-base">
              <option value="">alle</option>
              {tags.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Suche in Notizen
            <input
              type="search"
              name="q"
              defaultValue={filter.q}
              maxLength={100}
              className="min-h-11 rounded-lg border border-line px-2 text-base"
            />
          </label>
          <div className="flex items-end gap-2">
            <Button type="submit" variant="secondary">
              Filtern
            </Button>
            {filtered && <Link href="/dashboard/tagebuch">Zurücksetzen</Link>}
          </div>
        </form>
        {!parsed.success && (
          <p role="alert" className="text-danger">
            Der Filter war ungültig und wurde ignoriert.
          </p>
        )}
        {entries.length === 0 ? (
          <p>
            {page > 1
              ? "Hier gibt es keine älteren Einträge."
              : filtered
                ? "Keine Einträge passen zu diesem Filter."
                : "Noch keine Einträge. Der erste ist der wichtigste."}
          </p>
        ) : (
          <EntryList entries={entries} today={today} timeZone={settings.timeZone} userId={user.id} />
        )}
        {(hasOlder || page > 1) && (
          <nav aria-label="Weitere Einträge" className="flex flex-wrap justify-between gap-3">
            {page > 1 ? <Link href={pageHref(page - 1)}>← Neuere Einträge</Link> : <span />}
            {hasOlder && <Link href={pageHref(page + 1)}>Ältere Einträge →</Link>}
          </nav>
        )}
      </section>
      <Card id="erinnerung" aria-labelledby="erinnerung-titel" className="scroll-mt-4">
        <h2 id="erinnerung-titel" className="mb-2 text-xl">
          Tägliche Erinnerung
        </h2>
        <p className="mb-4 text-muted">
          Auf Wunsch schicke ich dir eine kurze E-Mail zu deiner Uhrzeit, nur an Tagen ohne Eintrag. Abbestellen geht mit einem Klick.
        </p>
        <ReminderForm {...reminder} practiceZone={settings.timeZone} zones={TIME_ZONES} />
      </Card>
    </div>
  );
}
