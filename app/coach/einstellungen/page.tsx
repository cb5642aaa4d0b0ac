import type { Metadata } from "next";
import { SecuritySettings } from "@/components/account/SecuritySettings";
import { BillingSettingsForm } from "@/components/billing/BillingSettingsForm";
import { CancellationPolicyForm } from "@/components/cancellation/CancellationPolicyForm";
import { CalendarFeedForm } from "@/components/coach/CalendarFeedForm";
import { CalendarConnectionsSection } from "@/components/coach/calendars/CalendarConnectionsSection";
import { PracticeSettingsForm } from "@/components/coach/PracticeSettingsForm";
import { RetentionSettingsForm } from "@/components/coach/RetentionSettingsForm";
import { SessionTypeForm } from "@/components/coach/SessionTypeForm";
import { Button } from "@/components/ui/Button";
import { requireRole, sessionState } from "@/lib/auth/guards";
import { listConnections, loadWriteback } from "@/lib/calendars/connections";
import { currentPolicy } from "@/lib/cancellation-policy/policy";
import { setSessionTypeActiveAction } from "@/lib/settings/actions";
import { listSessionTypes } from "@/lib/settings/practice";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { sessionChannelLabels } from "@/lib/settings/schemas";
import { formatDate } from "@/lib/time/format";

export const metadata: Metadata = { title: "Einstellungen", robots: { index: false } };

export default async function SettingsPage() {
  const coach = await requireRole("coach", "/coach/einstellungen");
  // Uncached reads: the coach edits exactly these values and must see what was saved.
  const [practice, types, state, connections, writeback, policy] = await Promise.all([
    loadPracticeSettings(),
    listSessionTypes(),
    sessionState(),
    listConnections(coach.id),
    loadWriteback(),
    currentPolicy(),
  ]);
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="flex flex-col gap-12">
      <h1>Einstellungen</h1>
      <PracticeSettingsForm
        zones={zones.includes(practice.timeZone) ? zones : [practice.timeZone, ...zones]}
        values={{
          practiceName: practice.practiceName,
          coachName: practice.coachName,
          profession: practice.profession,
          street: practice.street,
          postalCode: practice.postalCode,
          city: practice.city,
          email: practice.email,
          phone: practice.phone,
          vatId: practice.vatId,
          timeZone: practice.timeZone,
          reminderLeadHours: Math.round(practice.reminderLeadMinutes / 60),
        }}
      />

      <BillingSettingsForm
        values={{
          taxMode: practice.taxMode,
          exemptionNote: practice.exemptionNote,
          taxNumber: practice.taxNumber,
          iban: practice.iban,
          bic: practice.bic,
          accountHolder: practice.accountHolder,
          paymentTermDays: practice.paymentTermDays,
          paymentReminderDays: practice.paymentReminderDays,
        }}
      />

      <RetentionSettingsForm
        values={{
          sentEmailRetentionDays: practice.sentEmailRetentionDays,
          openRequestRetentionDays: practice.openRequestRetentionDays,
          pastConsultationRetentionMonths: practice.pastConsultationRetentionMonths,
        }}
      />

      <section aria-labelledby="sitzungsarten" className="flex flex-col gap-6">
        <h2 id="sitzungsarten">Sitzungsarten</h2>
        <p className="text-muted">
          Was du Klient*innen anbietest. Eine Sitzungsart, die du nicht mehr anbietest, bleibt bei vergangenen Sitzungen sichtbar.
        </p>
        {types.length > 0 && (
          <ul className="flex flex-col gap-4">
            {types.map((t) => (
              <li
                key={t.id}
                className={`flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5 ${t.active ? "" : "opacity-80"}`}
              >
                <SessionTypeForm
                  legend={`${t.name} · ${t.durationMinutes} Minuten · ${sessionChannelLabels[t.channel]}${t.active ? "" : " (nicht mehr angeboten)"}`}
                  values={{
                    id: t.id,
                    name: t.name,
                    durationMinutes: t.durationMinutes,
                    channel: t.channel,
                    defaultLocation: t.defaultLocation,
                    priceCents: t.priceCents,
                  }}
                />
                <form action={setSessionTypeActiveAction}>
                  <input type="hidden" name="id" value={t.id} />
                  <input type="hidden" name="active" value={t.active ? "false" : "true"} />
                  <Button type="submit" variant="quiet" aria-label={`${t.name} ${t.active ? "nicht mehr anbieten" : "wieder anbieten"}`}>
                    {t.active ? "Nicht mehr anbieten" : "Wieder anbieten"}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <div className="rounded-2xl border border-dashed border-line p-5">
          <SessionTypeForm legend="Neue Sitzungsart" />
        </div>
      </section>

      <CancellationPolicyForm
        values={
          policy && {
            text: policy.text,
            hoursBefore: policy.hoursBefore,
            latePercent: policy.latePercent,
            noShowPercent: policy.noShowPercent,
          }
        }
        since={policy && formatDate(policy.createdAt, practice.timeZone)}
      />

      <section aria-labelledby="kalender" className="flex flex-col gap-4">
        <h2 id="kalender">Kalender-Abo</h2>
        <CalendarFeedForm exists={practice.calendarFeedTokenHash !== null} />
      </section>

      <CalendarConnectionsSection connections={connections} writeback={writeback} timeZone={practice.timeZone} />

      {state && <SecuritySettings state={state} returnTo="/coach/einstellungen" />}
    </div>
  );
}
