"use client";

import { Button } from "@/components/ui/Button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="inhalt" className="mx-auto flex max-w-prose flex-col gap-4 px-4 py-16">
      <h1>Da ist gerade etwas schiefgelaufen</h1>
      <p>Das liegt nicht an dir. Deine Eingaben sind nicht verloren gegangen, wenn sie schon gespeichert waren. Bitte versuche es gleich noch einmal.</p>
      <div>
        <Button onClick={reset}>Noch einmal versuchen</Button>
      </div>
    </main>
  );
}
