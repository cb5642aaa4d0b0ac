/** /datenschutz on the coach's own calendar: what of an appointment lands there. */
export function CalendarWritebackNote({ coach, fullNames }: { coach: string; fullNames: boolean }) {
  return (
    <p>
      Damit sich Termine nicht überschneiden, trägt die Plattform bestätigte Erstgespräche und Sitzungen auf Wunsch in den eigenen Kalender
      von {coach} ein (zum Beispiel bei Apple iCloud, Nextcloud oder einem anderen CalDAV-Anbieter). Der Eintrag enthält nur Zeitpunkt, die
      Art des Termins, {fullNames ? "deinen vollen Namen" : "deine Initialen"} und einen Link ins geschützte Portal, keine
      Gesundheitsangaben. Wird ein Termin abgesagt, verschwindet sein Eintrag dort wieder; wird dein Konto gelöscht, alle deine Einträge, auch die vergangener Termine.
    </p>
  );
}
