import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { mailFor, signIn } from "./app";

/*
 * The coach signs in with a second factor (a passkey, in production always). The setup project
 * (tests/e2e/coach.setup.ts) registers the demo coach's passkey once through Chromium's virtual
 * authenticator and keeps three things here for the specs:
 * - the signed-in, second-factor-proved browser state (a session cookie) that signInCoach reuses;
 * - the passkey itself (its private key), so that a spec needing a fresh coach session can
 *   prove it again in another browser (freshCoachSession);
 * - the ten recovery codes the setup was shown.
 * Specs must not sign the stored session out or end it: every other spec relies on it.
 */
export const COACH_EMAIL = "coach@example.com";
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".auth");
export const COACH_STATE = path.join(dir, "coach-state.json");
const COACH_PASSKEY = path.join(dir, "coach-passkey.json");

type StoredCredential = { credentialId: string; isResidentCredential: boolean; rpId?: string; privateKey: string; userHandle?: string; signCount: number };
type Stored = { credential: StoredCredential; recoveryCodes: string[] };

export function saveCoachPasskey(stored: Stored) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(COACH_PASSKEY, JSON.stringify(stored, null, 2));
}

function storedPasskey(): Stored {
  if (!existsSync(COACH_PASSKEY)) throw new Error("No stored coach passkey: run the setup project (npx playwright test runs it first).");
  return JSON.parse(readFileSync(COACH_PASSKEY, "utf8")) as Stored;
}

export function coachRecoveryCodes(): string[] {
  return storedPasskey().recoveryCodes;
}

/** A virtual platform authenticator (Chromium DevTools' WebAuthn domain) on this page. */
export async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
    add: (credential: StoredCredential) => cdp.send("WebAuthn.addCredential", { authenticatorId, credential }),
  };
}

/** The coach, signed in with the second factor, reusing the setup's session (no new sign-in). */
export async function signInCoach(page: Page) {
  const state = JSON.parse(readFileSync(COACH_STATE, "utf8")) as { cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0] };
  await page.context().addCookies(state.cookies);
  await page.goto("/coach");
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
}

/**
 * Proves the coach's stored passkey on the second-factor page the browser is on, from a virtual
 * authenticator that holds a copy of it. The authenticator counts each use; the copy on disk
 * keeps the count, since the server refuses a counter that does not go up.
 */
export async function confirmCoachPasskey(page: Page) {
  await expect(page).toHaveURL(/\/login\/zweiter-faktor/);
  const stored = storedPasskey();
  const authenticator = await addVirtualAuthenticator(page);
  await authenticator.add(stored.credential);
  await page.getByRole("button", { name: "Mit Passkey bestätigen" }).click();
  await expect(page).not.toHaveURL(/\/login\/zweiter-faktor/);
  const [used] = await authenticator.credentials();
  saveCoachPasskey({ ...stored, credential: { ...stored.credential, signCount: used!.signCount } });
}

/** A new coach session of its own (magic link, then the passkey): for specs that must not share the stored one. */
export async function freshCoachSession(page: Page) {
  await signIn(page, COACH_EMAIL);
  await confirmCoachPasskey(page);
  await expect(page).toHaveURL(/\/coach$/);
}

/** Waits for the security email with this subject that was not among `seen`, and returns it. */
export async function securityMail(page: Page, subject: string, seen: string[], to = COACH_EMAIL) {
  let found: Awaited<ReturnType<typeof mailFor>>[number] | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailFor(page.request, to)).find((m) => m.subject === subject && !seen.includes(m.id));
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}
