import type { Metadata } from "next";
import { AvailabilityForm } from "@/components/coach/AvailabilityForm";
import { OverrideForm } from "@/components/coach/OverrideForm";
import { PlaceDefaultsForm } from "@/components/booking/PlaceDefaultsForm";
import { Button } from "@/components/ui/Button";
import { requireRole } from "@/lib/auth/guards";
import { formatRanges } from "@/lib/booking/availability-form";
import { loadBookingSettings } from "@/lib/booking/availability";
import { deleteOverrideAction } from "@/lib/booking/coach-actions";
import { listOverrides } from "@/lib/booking/coach";
import { formatCalendarDate } from "@/lib/time/format";

export const metadata: Metadata = { title: "Verfügbarkeit", robots: { index: false } };

export default async function AvailabilityPage() {
  await requireRole("coach", "/coach/verfuegbarkeit");
  const [settings, overrides] = await Promise.all([loadBookingSettings(), listOverrides()]);
  return (
    <div className="flex flex-col gap-10">
      <h1>Verfügbarkeit</h1>
      <AvailabilityForm
        timeZone={settings.timeZone}
        values={{
          weekly: Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, formatRanges(settings.weekly[d as "1"])])),
          durationMinutes: settings.durationMinutes,
          bufferBeforeMinutes: settings.bufferBeforeMinutes,
          bufferAfterMinutes: settings.bufferAfterMinutes,
          minimumNoticeHours: Math.round(settings.minimumNoticeMinutes / 60),
          horizonDays: settings.horizonDays,
          maxPerDay: settings.maxPerDay,
          slotIntervalMinutes: settings.slotIntervalMinutes,
          cancellationCutoffHours: Math.round(settings.cancellationCutoffMinutes / 60),
          confirmWindowMinutes: settings.confirmWindowMinutes,
          maxPendingPerClient: settings.maxPendingPerClient,
          confirmationEmailsPerDay: settings.confirmationEmailsPerDay,
        }}
      />
      <PlaceDefaultsForm
        values={{
          videoLink: settings.videoLink ?? "",
          phoneNote: settings.phoneNote ?? "",
          inPersonAddress: settings.inPersonAddress ?? "",
        }}
      />
      <section aria-labelledby="ausnahmen" className="flex flex-col gap-4">
        <h2 id="ausnahmen">Besondere Tage</h2>
        <p className="text-muted">Feiertage, Urlaub oder einzelne Tage mit anderen Zeiten. Sie ersetzen die wöchentlichen Zeiten.</p>
        <OverrideForm />
        {overrides.length > 0 && (
          <ul className="flex flex-col gap-2">
            {overrides.map((o) => (
              <li key={o.date} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-surface p-3">
                <span>
                  <strong>{formatCalendarDate(o.date, "weekday-year")}</strong>: {o.ranges.length ? formatRanges(o.ranges) : "geschlossen"}
                  {o.note && <span className="text-muted"> · {o.note}</span>}
                </span>
                <form action={deleteOverrideAction}>
                  <input type="hidden" name="date" value={o.date} />
                  <Button type="submit" variant="quiet" aria-label={`Besonderen Tag ${o.date} entfernen`}>
                    Entfernen
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
