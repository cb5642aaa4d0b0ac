import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { endSessionAction } from "@/lib/second-factor/actions";
import { secondFactorPath, type SessionState } from "@/lib/auth/guards";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { listPasskeys } from "@/lib/second-factor/passkeys";
import { RECOVERY_CODE_COUNT, unusedRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import { describeUserAgent, listSessions } from "@/lib/second-factor/sessions";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDateTime } from "@/lib/time/format";
import { AddPasskeyForm } from "./AddPasskeyForm";
import { RemovePasskeyForm } from "./RemovePasskeyForm";
import { RenewCodesForm } from "./RenewCodesForm";

/** Passkeys, recovery codes and signed-in devices of the person reading: the coach's settings and a client's own page. */
export async function SecuritySettings({ state, returnTo }: { state: SessionState; returnTo: string }) {
  const { user } = state;
  const coach = user.role === "coach";
  const token = await currentSessionToken();
  const [keys, devices, unused, { timeZone }] = await Promise.all([
    listPasskeys(user.id),
    listSessions(user.id, token),
    unusedRecoveryCodes(user.id),
    getPracticeSettings(),
  ]);
  // A further passkey needs this session's second factor; the first one does not.
  const mayAdd = keys.length === 0 || state.secondFactor === "verified";
  return (
    <section aria-labelledby="anmeldung-titel" id="anmeldung" className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h2 id="anmeldung-titel">Anmeldung und Geräte</h2>
        <p className="text-muted">
          {coach
            ? "Nach dem Link aus der E-Mail bestätigst du jede Anmeldung mit einem Passkey oder einem Wiederherstellungscode. So öffnet ein fremder Zugriff auf dein Postfach allein nicht die Daten deiner Klient*innen."
            : "Du meldest dich mit dem Link aus der E-Mail an. Wenn du magst, fügst du einen Passkey hinzu: Dann bestätigst du jede Anmeldung zusätzlich damit, und wer nur dein Postfach hat, kommt nicht in deinen Bereich."}
        </p>
      </div>

      <div className="flex flex-col gap-4">
        <h3>Passkeys</h3>
        {keys.length === 0 ? (
          <p>Noch kein Passkey eingerichtet.</p>
        ) : (
          <ul aria-label="Passkeys" className="flex flex-col gap-3">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-5">
                <p className="font-semibold">{k.name}</p>
                <p className="text-sm text-muted">
                  Eingerichtet am {formatDateTime(k.createdAt, timeZone)} ·{" "}
                  {k.lastUsedAt ? `zuletzt benutzt am ${formatDateTime(k.lastUsedAt, timeZone)}` : "noch nicht benutzt"}
                </p>
                <RemovePasskeyForm id={k.id} name={k.name} isLast={keys.length === 1} coach={coach} />
              </li>
            ))}
          </ul>
        )}
        {mayAdd ? (
          <AddPasskeyForm first={keys.length === 0} />
        ) : (
          <p>
            Einen weiteren Passkey fügst du hinzu, nachdem du <Link href={secondFactorPath(returnTo)}>diese Anmeldung bestätigt</Link> hast.
          </p>
        )}
      </div>

      {keys.length > 0 && (
        <div className="flex flex-col gap-4">
          <h3>Wiederherstellungscodes</h3>
          <p>
            Noch {unused} von {RECOVERY_CODE_COUNT} Codes unbenutzt. Wenn du neue erzeugst, gelten die bisherigen nicht mehr.
          </p>
          {state.secondFactor === "verified" && <RenewCodesForm />}
        </div>
      )}

      <div className="flex flex-col gap-4">
        <h3>Angemeldete Geräte</h3>
        <ul aria-label="Angemeldete Geräte" className="flex flex-col gap-3">
          {devices.map((d) => (
            <li key={d.id} className="flex flex-col gap-1 rounded-2xl border border-line bg-surface p-5">
              <p className="font-semibold">
                {describeUserAgent(d.userAgent)}
                {d.current && <span className="ml-2 text-sm font-normal text-accent">(dieses Gerät)</span>}
              </p>
              <p className="text-sm text-muted">
                Angemeldet am {formatDateTime(d.createdAt, timeZone)} · zuletzt aktiv am {formatDateTime(d.lastSeenAt, timeZone)} ·{" "}
                {d.secondFactorAt ? "mit Passkey oder Code bestätigt" : "nur mit dem Link aus der E-Mail"}
              </p>
              {d.userAgent && <p className="break-all text-xs text-muted">{d.userAgent}</p>}
              {!d.current && (
                <form action={endSessionAction} className="mt-2">
                  <input type="hidden" name="id" value={d.id} />
                  <Button type="submit" variant="quiet">
                    Gerät abmelden
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
