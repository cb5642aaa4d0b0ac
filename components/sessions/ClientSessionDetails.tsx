import type { ClientAppointment } from "@/lib/appointments/client";

const place = { video: "Per Video", phone: "Per Telefon", in_person: "Vor Ort" } as const;

/** What the client sees of an appointment: the way it happens, the coach's note and the homework. */
export function ClientSessionDetails({ appointment: a }: { appointment: ClientAppointment }) {
  const link = a.location && /^https?:\/\//i.test(a.location) ? a.location : null;
  return (
    <div className="flex flex-col gap-2">
      <p>
        {place[a.channel]}
        {a.location && (
          <>
            {": "}
            {link ? (
              <a href={link} rel="noopener noreferrer" target="_blank">
                {a.location}
              </a>
            ) : (
              a.location
            )}
          </>
        )}
      </p>
      {a.noteToClient && (
        <p className="whitespace-pre-line">
          <span className="font-medium">Notiz für dich:</span> {a.noteToClient}
        </p>
      )}
      {a.homework && (
        <p className="whitespace-pre-line">
          <span className="font-medium">Deine Hausaufgabe:</span> {a.homework}
        </p>
      )}
    </div>
  );
}

export function appointmentTitle(a: ClientAppointment): string {
  return a.kind === "consultation" ? "Erstgespräch" : (a.typeName ?? "Coaching");
}
