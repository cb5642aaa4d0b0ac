import { BACKUP_RETENTION_DAYS, keptAfterDeletion } from "@/lib/privacy/kept";

/**
 * What stays after an account is deleted, and for how long: the declared list (with its legal
 * basis), the backups and the emails already delivered. Shown where the deletion is offered and
 * in the privacy policy, from the one list the erasure test checks.
 */
export function KeptAfterDeletion({ coachName }: { coachName: string }) {
  return (
    <>
      {keptAfterDeletion.length === 0 ? (
        <p>
          <strong>Was bleibt:</strong> nichts. Keine Tabelle der Plattform enthält danach noch deinen Namen, deine E-Mail-Adresse oder
          etwas, das du oder {coachName} über dich geschrieben habt. Müssten wir einmal etwas aufbewahren, weil ein Gesetz es verlangt (etwa
          Rechnungen), stünde es hier mit Grund und Frist.
        </p>
      ) : (
        <>
          <p>
            <strong>Was bleibt,</strong> weil ein Gesetz es verlangt (die Verarbeitung ist dann auf diesen Zweck beschränkt, Art. 17 Abs. 3
            DSGVO):
          </p>
          <ul>
            {keptAfterDeletion.map((k) => (
              <li key={`${k.table}.${k.column}`}>
                {k.what}: {k.period} ({k.basis})
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <strong>Sicherungen:</strong> Die Datenbank wird täglich verschlüsselt gesichert, jede Sicherung wird nach {BACKUP_RETENTION_DAYS}{" "}
        Tagen überschrieben. Was gelöscht ist, ist also spätestens {BACKUP_RETENTION_DAYS} Tage später auch aus allen Sicherungen
        verschwunden. Bis dahin dient eine Sicherung nur dazu, nach einem Ausfall den Betrieb wiederherzustellen.
      </p>
      <p>
        <strong>Schon verschickte E-Mails</strong> liegen in deinem Postfach und in dem von {coachName}; darauf hat die Plattform keinen
        Zugriff. Der Versanddienst speichert Versanddaten nach seinen eigenen Fristen.
      </p>
    </>
  );
}
