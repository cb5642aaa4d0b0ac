import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { sessionState } from "@/lib/auth/guards";
import { readSignInLink, SIGN_IN_CALLBACK_PATH, type SignInLinkParams } from "@/lib/auth/sign-in-link";

export const metadata: Metadata = { title: "Anmeldung bestätigen", robots: { index: false } };

/**
 * Where a sign-in link from an email lands. Opening it uses nothing up (mail scanners open every
 * link); the button goes on to Auth.js's callback, which does. It shows the whole address of the
 * account: the link itself carries it, so the page tells nobody more than the link, and only for
 * a valid token; a masked address could not tell two of one's own addresses apart. A browser
 * signed in as someone else is asked before it switches (Auth.js would switch silently).
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<SignInLinkParams> }) {
  const [link, state] = await Promise.all([searchParams.then((params) => readSignInLink(params)), sessionState()]);
  if (!link) {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-6">
        <h1>Anmeldung bestätigen</h1>
        <Notice tone="warn" title="Dieser Link gilt nicht mehr">
          Der Anmeldelink ist abgelaufen, wurde schon benutzt oder ist unvollständig. Das ist nicht schlimm: Fordere einfach einen neuen an.
        </Notice>
        <div>
          <ButtonLink href="/login">Neuen Link anfordern</ButtonLink>
        </div>
      </div>
    );
  }
  const signedInAs = state?.user.email ?? null;
  const fields = (
    <>
      <input type="hidden" name="callbackUrl" value={link.fields.callbackUrl} />
      <input type="hidden" name="token" value={link.fields.token} />
      <input type="hidden" name="email" value={link.fields.email} />
    </>
  );
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1>Anmeldung bestätigen</h1>
      {signedInAs === link.email ? (
        <>
          <p>
            Du bist mit <strong className="break-words">{link.email}</strong> schon angemeldet.
          </p>
          <div>
            <ButtonLink href="/login/weiter">Weiter</ButtonLink>
          </div>
        </>
      ) : signedInAs ? (
        <>
          <Notice tone="warn" title="Du bist gerade mit einem anderen Konto angemeldet">
            Du bist gerade als <strong className="break-words">{signedInAs}</strong> angemeldet. Dieser Link meldet dich als{" "}
            <strong className="break-words">{link.email}</strong> an. Wenn du weitermachst, wirst du zuerst abgemeldet.
          </Notice>
          <form action={SIGN_IN_CALLBACK_PATH} method="get" className="flex flex-wrap gap-3">
            {fields}
            <Button type="submit">Abmelden und als {link.email} anmelden</Button>
            <ButtonLink href="/login/weiter" variant="secondary">
              Angemeldet bleiben
            </ButtonLink>
          </form>
        </>
      ) : (
        <>
          <p>
            Du meldest dich an als <strong className="break-words">{link.email}</strong>.
          </p>
          <form action={SIGN_IN_CALLBACK_PATH} method="get">
            {fields}
            <Button type="submit">Jetzt anmelden</Button>
          </form>
          <p className="text-sm text-muted">Nicht deine Adresse? Dann schließe diese Seite einfach, es passiert nichts.</p>
        </>
      )}
    </div>
  );
}
