import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Dialog } from "@/components/ui/Dialog";
import { Notice } from "@/components/ui/Notice";
import { getMailboxMessage, linksIn, listMailbox } from "@/lib/email/mailbox";
import { devMailboxEnabled } from "@/lib/env";
import { getPracticeSettings } from "@/lib/settings/queries";
import { formatDateTime } from "@/lib/time/format";
import { clearMailboxAction } from "./actions";

export const metadata: Metadata = { title: "Lokales Postfach", robots: { index: false } };

type Search = { to?: string | string[]; id?: string | string[] };

export default async function DevMailPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (!devMailboxEnabled()) notFound();
  const params = await searchParams;
  const to = typeof params.to === "string" && params.to ? params.to : undefined;
  const id = typeof params.id === "string" ? params.id : undefined;
  const [messages, selected, { timeZone }] = await Promise.all([
    listMailbox(to),
    id ? getMailboxMessage(id) : undefined,
    getPracticeSettings(),
  ]);
  const current = selected ?? messages[0];
  const query = (messageId: string) => `/dev/mail?${new URLSearchParams({ ...(to ? { to } : {}), id: messageId })}`;

  return (
    <div className="flex flex-col gap-6">
      <h1>Lokales Postfach</h1>
      <Notice>
        Ohne <code>RESEND_API_KEY</code> landet jede E-Mail der Plattform hier statt beim Empfänger. Anmeldelinks lassen sich
        direkt anklicken.
      </Notice>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="font-medium">
            Empfänger
          </label>
          <input id="to" name="to" type="email" defaultValue={to} className="min-h-11 rounded-lg border border-line bg-surface px-3" />
        </div>
        <Button type="submit" variant="secondary">
          Filtern
        </Button>
      </form>
      {messages.length > 0 && (
        <div>
          <Dialog trigger="Postfach leeren" title="Alle E-Mails löschen?" triggerVariant="secondary">
            <p className="mb-4">Alle Nachrichten im lokalen Postfach werden gelöscht. Das Outbox-Protokoll bleibt erhalten.</p>
            <form action={clearMailboxAction}>
              <Button type="submit" variant="danger">
                Ja, alle löschen
              </Button>
            </form>
          </Dialog>
        </div>
      )}

      {messages.length === 0 ? (
        <p>Noch keine E-Mails{to ? ` an ${to}` : ""}.</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
          <nav aria-label="Nachrichten">
            <ul className="flex flex-col gap-2">
              {messages.map((m) => (
                <li key={m.id}>
                  <Link
                    href={query(m.id)}
                    aria-current={m.id === current?.id ? "true" : undefined}
                    className="block rounded-lg border border-line bg-surface p-3 text-ink no-underline aria-[current=true]:border-accent aria-[current=true]:bg-accent-soft"
                  >
                    <span className="block font-medium">{m.subject}</span>
                    <span className="block text-sm text-muted">
                      an {m.to} · {formatDateTime(m.createdAt, timeZone, "seconds")}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {current && <MessageView message={current} />}
        </div>
      )}
    </div>
  );
}

function MessageView({ message }: { message: NonNullable<Awaited<ReturnType<typeof getMailboxMessage>>> }) {
  const links = linksIn(message.html);
  // Links inside the sandboxed preview open in the whole window.
  const srcDoc = message.html.replace(/<head>/i, '<head><base target="_top">');
  return (
    <Card aria-labelledby="message-subject" className="flex min-w-0 flex-col gap-4">
      <div>
        <h2 id="message-subject" className="text-xl">
          {message.subject}
        </h2>
        <p className="text-sm text-muted">
          Von {message.from} an {message.to}
        </p>
      </div>
      {links.length > 0 && (
        <div>
          <h3 className="text-base">Links</h3>
          <ul className="flex flex-col gap-1 text-sm break-all">
            {links.map((href) => (
              <li key={href}>
                <a href={href}>{href}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <iframe
        title={`Vorschau: ${message.subject}`}
        srcDoc={srcDoc}
        sandbox="allow-same-origin allow-top-navigation-by-user-activation allow-popups"
        className="h-[32rem] w-full rounded-lg border border-line bg-white"
      />
      {message.attachments.length > 0 && (
        <div>
          <h3 className="text-base">Anhänge</h3>
          <ul className="text-sm">
            {message.attachments.map((a) => (
              <li key={a.filename}>
                <a href={`data:${a.contentType};base64,${a.content}`} download={a.filename}>
                  {a.filename}
                </a>{" "}
                ({a.contentType})
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary className="cursor-pointer">Textfassung</summary>
        <pre className="mt-2 text-sm whitespace-pre-wrap">{message.text}</pre>
      </details>
    </Card>
  );
}
