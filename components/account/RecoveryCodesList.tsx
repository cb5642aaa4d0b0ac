import { Notice } from "@/components/ui/Notice";

/** The ten codes, shown this once: the server keeps only their hashes. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <Notice tone="warn" title="Deine Wiederherstellungscodes">
      <p className="mb-3">
        Mit jedem dieser Codes kannst du dich einmal anmelden, falls du keinen Passkey zur Hand hast. Speichere sie jetzt in deinem
        Passwort-Manager oder drucke sie aus und bewahre sie sicher auf. Sie werden nur dieses eine Mal angezeigt.
      </p>
      <ol aria-label="Wiederherstellungscodes" className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base sm:grid-cols-5">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </Notice>
  );
}
