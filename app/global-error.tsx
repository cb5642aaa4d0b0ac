"use client";

import "./globals.css";

/**
 * Shown when the root layout itself fails, e.g. while the database is unreachable (the layout
 * reads the practice settings). It replaces the layout, so it brings its own html and body and
 * must not read anything from the server.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="de">
      <body>
        <main id="inhalt" className="mx-auto flex max-w-prose flex-col gap-4 px-4 py-16">
          <h1>Da ist gerade etwas schiefgelaufen</h1>
          <p>Die Seite ist im Moment nicht erreichbar. Das liegt nicht an dir. Bitte versuche es in ein paar Sekunden noch einmal.</p>
          <div>
            <button type="button" onClick={reset} className="underline">
              Noch einmal versuchen
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
