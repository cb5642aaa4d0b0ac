import type { Metadata } from "next";
import Link from "next/link";
import { BusyBlocks } from "@/components/coach/calendars/BusyBlocks";
import { CalendarWarnings } from "@/components/coach/calendars/CalendarWarnings";
import { Card } from "@/components/ui/Card";
import { channelName } from "@/lib/appointments/channels";
import { requireRole } from "@/lib/auth/guards";
import { agendaCalendars } from "@/lib/calendars/agenda";
import { agendaBetween, attentionCounts, byPracticeDate, elevatedCheckins, type AgendaItem } from "@/lib/coach/agenda";
import { missingImpressumFields } from "@/lib/settings/impressum";
import { getPracticeSettings } from "@/lib/settings/queries";
import { addDays, isValidDate, mondayOf } from "@/lib/time/dates";
import { formatCalendarDate, formatClock } from "@/lib/time/format";
import { practiceWeek, todayIn } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Agenda", robots: { index: false } };

const statusLabel: Record<AgendaItem["status"], string> = {
  pending: "unbestätigt",
  confirmed: "bestätigt",
  cancelled: "abgesagt",
  expired: "verfallen",
  completed: "stattgefunden",
  no_show: "nicht erschienen",
};

function dayLabel(date: string, style: "long" | "short" = "long") {
  return formatCalendarDate(date, style === "long" ? "weekday" : "weekday-numeric");
}

function itemTitle(item: AgendaItem) {
  return item.kind === "consultation" ? `Erstgespräch: ${item.name}` : `${item.typeName ?? "Sitzung"}: ${item.name}`;
}

function itemHref(item: AgendaItem) {
  return item.kind === "session" && item.clientId ? `/coach/klienten/${item.clientId}` : "/coach/termine";
}

function AgendaEntry({ item, timeZone }: { item: AgendaItem; timeZone: string }) {
  const faded = item.status === "completed" || item.status === "no_show";
  return (
    <div
      className={`flex flex-col rounded-lg border-l-4 bg-paper px-3 py-2 ${item.kind === "consultation" ? "border-accent" : "border-ink"} ${faded ? "opacity-80" : ""}`}
    >
      <span className="text-sm tabular-nums">
        {formatClock(item.startAt, timeZone)}–{formatClock(item.endAt, timeZone)}
      </span>
      <Link href={itemHref(item)} className="font-medium">
        {itemTitle(item)}
      </Link>
      <span className="text-sm text-muted">
        {statusLabel[item.status]} · {channelName[item.channel]}
      </span>
    </div>
  );
}

export default async function AgendaPage({ searchParams }: { searchParams: Promise<{ woche?: string }> }) {
  await requireRole("coach", "/coach");
  const [{ woche }, practice] = await Promise.all([searchParams, getPracticeSettings()]);
  const tz = practice.timeZone;
  const today = todayIn(tz);
  const thisMonday = mondayOf(today);
  const monday = typeof woche === "string" && isValidDate(woche) ? mondayOf(woche) : thisMonday;
  const week = practiceWeek(monday, tz);
  const todayWeek = practiceWeek(thisMonday, tz);
  // One query for the shown week, and one more only when today lies outside it.
  const showsToday = monday === thisMonday;
  const [items, attention, todaysWeekItems, calendars, elevated] = await Promise.all([
    agendaBetween(week.from, week.until),
    attentionCounts(),
    showsToday ? Promise.resolve(null) : agendaBetween(todayWeek.from, todayWeek.until),
    agendaCalendars(week, tz),
    elevatedCheckins(),
  ]);
  const byDay = byPracticeDate(items, tz);
  const todays = byPracticeDate(todaysWeekItems ?? items, tz).get(today) ?? [];
  const missingImpressum = missingImpressumFields(practice);
  const attentionItems = [
    {
      n: attention.consultationsToRecord,
      href: "/coach/termine",
      one: "Erstgespräch wartet auf deinen Vermerk, ob es stattgefunden hat",
      many: "Erstgespräche warten auf deinen Vermerk, ob sie stattgefunden haben",
    },
    {
      n: attention.sessionsToRecord,
      href: "/coach/klienten",
      one: "Sitzung wartet auf deinen Vermerk, ob sie stattgefunden hat",
      many: "Sitzungen warten auf deinen Vermerk, ob sie stattgefunden haben",
    },
    {
      n: attention.pendingComments,
      href: "/coach/kommentare",
      one: "Kommentar wartet auf Freigabe",
      many: "Kommentare warten auf Freigabe",
    },
    {
      n: attention.failedEmails,
      href: "/coach/emails?status=failed",
      one: "E-Mail konnte nicht zugestellt werden",
      many: "E-Mails konnten nicht zugestellt werden",
    },
    {
      n: missingImpressum.length,
      href: "/coach/einstellungen",
      one: `Angabe fehlt im Impressum (${missingImpressum.join(", ")})`,
      many: `Angaben fehlen im Impressum (${missingImpressum.join(", ")})`,
    },
    ...elevated.map((c) => ({
      n: 1,
      href: `/coach/klienten/${c.id}`,
      one: `Check-in von ${c.name ?? c.email}: PHQ-4 erhöht, bitte ansehen`,
      many: "",
    })),
  ].filter((a) => a.n > 0);

  return (
    <div className="flex flex-col gap-8">
      <h1>Agenda</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="heute">
          <h2 id="heute" className="mb-3 text-xl">
            Heute, {dayLabel(today)}
          </h2>
          {todays.length === 0 ? (
            <p>Heute stehen keine Termine an.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {todays.map((item) => (
                <li key={item.id}>
                  <AgendaEntry item={item} timeZone={tz} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="achtung">
          <h2 id="achtung" className="mb-3 text-xl">
            Braucht deine Aufmerksamkeit
          </h2>
          <CalendarWarnings warnings={calendars.warnings} />
          {attentionItems.length === 0 && calendars.warnings.length === 0 ? (
            <p>Alles erledigt.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {attentionItems.map((a) => (
                <li key={a.href}>
                  <Link href={a.href}>
                    {a.n} {a.n === 1 ? a.one : a.many}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <section aria-labelledby="woche" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="woche" className="text-xl">
            Woche vom {dayLabel(monday)}
          </h2>
          <nav aria-label="Wochen" className="flex flex-wrap gap-4">
            <Link href={`/coach?woche=${addDays(monday, -7)}`}>← Vorherige Woche</Link>
            {!showsToday && <Link href="/coach">Diese Woche</Link>}
            <Link href={`/coach?woche=${addDays(monday, 7)}`}>Nächste Woche →</Link>
          </nav>
        </div>
        <ol className="grid gap-3 md:grid-cols-7">
          {week.days.map((day) => {
            const dayItems = byDay.get(day) ?? [];
            return (
              <li
                key={day}
                aria-labelledby={`tag-${day}`}
                className={`flex min-h-24 flex-col gap-2 rounded-xl border bg-surface p-2 ${day === today ? "border-accent" : "border-line"}`}
              >
                <h3 id={`tag-${day}`} className="font-sans text-sm font-semibold">
                  {dayLabel(day, "short")}
                  {day === today && <span className="sr-only"> (heute)</span>}
                </h3>
                <BusyBlocks blocks={calendars.blocks.get(day)} timeZone={tz} />
                {dayItems.length === 0 ? (
                  !calendars.blocks.has(day) && <p className="text-sm text-muted">frei</p>
                ) : (
                  <ul className="flex flex-col gap-2">
                    {dayItems.map((item) => (
                      <li key={item.id}>
                        <AgendaEntry item={item} timeZone={tz} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
