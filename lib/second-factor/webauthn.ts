import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { passkeys } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { CHALLENGE_SECONDS, storeChallenge, takeChallenge } from "./challenges";
import { queueSecurityNotice } from "./notify";
import { credentialsOf, lockPerson, passkeyCount, recordPasskeyUse } from "./passkeys";
import { replaceRecoveryCodes } from "./recovery-codes";
import { relyingParty } from "./relying-party";
import type { AuthenticationVerifyInput, RegistrationVerifyInput } from "./schemas";
import { markSessionVerified, sessionIsVerified } from "./sessions";

/** The person and the session a ceremony runs for (see secondFactorContext). */
export type CeremonyContext = {
  user: { id: string; email?: string | null; name?: string | null };
  sessionToken: string;
  /** This session proved its second factor already. */
  verified: boolean;
};

const secondFactorFirst = () =>
  new AppError("second_factor_required", "Bitte bestätige deine Anmeldung zuerst mit einem deiner Passkeys oder einem Wiederherstellungscode.");
const expired = () => new AppError("invalid", "Die Anfrage ist abgelaufen. Bitte versuche es noch einmal.");
const notVerified = () => new AppError("invalid", "Der Passkey konnte nicht bestätigt werden. Bitte versuche es noch einmal.");

// The JSON types live in @simplewebauthn/types, which the server package re-exports only in part.
type RegistrationResponseJSON = Parameters<typeof verifyRegistrationResponse>[0]["response"];
type AuthenticationResponseJSON = Parameters<typeof verifyAuthenticationResponse>[0]["response"];
type PublicKeyCredentialCreationOptionsJSON = Awaited<ReturnType<typeof generateRegistrationOptions>>;
type PublicKeyCredentialRequestOptionsJSON = Awaited<ReturnType<typeof generateAuthenticationOptions>>;
type Transport = NonNullable<RegistrationResponseJSON["response"]["transports"]>[number];

/**
 * Options for registering a passkey. The first passkey of an account may be registered right
 * after the magic link (there is no other factor yet); every further one needs a session that
 * proved its second factor.
 */
export async function startPasskeyRegistration(ctx: CeremonyContext, db: Db = defaultDb): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await credentialsOf(ctx.user.id, db);
  if (existing.length > 0 && !ctx.verified) throw secondFactorFirst();
  const rp = await relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: ctx.user.id,
    userName: ctx.user.email ?? ctx.user.id,
    userDisplayName: ctx.user.name ?? ctx.user.email ?? "",
    attestationType: "none",
    timeout: CHALLENGE_SECONDS * 1000,
    excludeCredentials: existing.map((p) => ({
      id: isoBase64URL.toBuffer(p.credentialId),
      type: "public-key" as const,
      transports: p.transports as Transport[],
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(db, ctx.sessionToken, "register", options.challenge);
  return options;
}

export type RegistrationResult = { passkeyId: string; name: string; recoveryCodes?: string[] };

/**
 * Checks the browser's answer against the session's challenge and stores the passkey. The first
 * passkey also proves this session's second factor and brings ten recovery codes, returned once.
 * The account's owner gets a security email either way.
 */
export async function finishPasskeyRegistration(
  ctx: CeremonyContext,
  input: RegistrationVerifyInput,
  { origin }: { origin: string },
  db: Db = defaultDb,
): Promise<RegistrationResult> {
  // Refused before the challenge is spent: a session without its second factor adds no second passkey.
  if (!ctx.verified && (await passkeyCount(db, ctx.user.id)) > 0) throw secondFactorFirst();
  const challenge = await takeChallenge(db, ctx.sessionToken, "register");
  if (!challenge) throw expired();
  const rp = await relyingParty();
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch {
    throw notVerified();
  }
  const info = verification.registrationInfo;
  if (!verification.verified || !info) throw notVerified();
  const credentialId = isoBase64URL.fromBuffer(info.credentialID);

  return db.transaction(async (tx) => {
    await lockPerson(tx, ctx.user.id);
    const first = (await passkeyCount(tx, ctx.user.id)) === 0;
    // Decided again under the lock: another tab may have registered the first one meanwhile.
    if (!first && !(await sessionIsVerified(tx, ctx.sessionToken, ctx.user.id))) throw secondFactorFirst();
    const name = input.name ?? (first ? "Mein Passkey" : "Weiterer Passkey");
    const [row] = await tx
      .insert(passkeys)
      .values({
        userId: ctx.user.id,
        credentialId,
        publicKey: isoBase64URL.fromBuffer(info.credentialPublicKey),
        counter: info.counter,
        transports: input.response.response.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name,
      })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning({ id: passkeys.id });
    if (!row) throw new AppError("conflict", "Dieser Passkey ist schon eingerichtet.");
    let recoveryCodes: string[] | undefined;
    if (first) {
      recoveryCodes = await replaceRecoveryCodes(tx, ctx.user.id);
      await markSessionVerified(tx, ctx.sessionToken, ctx.user.id);
    }
    await queueSecurityNotice(tx, { userId: ctx.user.id, event: "passkey-added", eventId: row.id, origin });
    return { passkeyId: row.id, name, recoveryCodes };
  });
}

/** Options for proving one of the person's passkeys. */
export async function startPasskeyAuthentication(ctx: CeremonyContext, db: Db = defaultDb): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const existing = await credentialsOf(ctx.user.id, db);
  if (existing.length === 0) throw new AppError("invalid", "Für dein Konto ist noch kein Passkey eingerichtet.");
  const rp = await relyingParty();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: CHALLENGE_SECONDS * 1000,
    userVerification: "preferred",
    allowCredentials: existing.map((p) => ({
      id: isoBase64URL.toBuffer(p.credentialId),
      type: "public-key" as const,
      transports: p.transports as Transport[],
    })),
  });
  await storeChallenge(db, ctx.sessionToken, "authenticate", options.challenge);
  return options;
}

/** Checks the assertion against the session's challenge and one of the person's passkeys; records the second factor. */
export async function finishPasskeyAuthentication(ctx: CeremonyContext, input: AuthenticationVerifyInput, db: Db = defaultDb): Promise<void> {
  const challenge = await takeChallenge(db, ctx.sessionToken, "authenticate");
  if (!challenge) throw expired();
  const [passkey] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.credentialId, input.response.id), eq(passkeys.userId, ctx.user.id)));
  if (!passkey) throw new AppError("invalid", "Dieser Passkey gehört nicht zu deinem Konto.");
  const rp = await relyingParty();
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response: input.response as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
      authenticator: {
        credentialID: isoBase64URL.toBuffer(passkey.credentialId),
        credentialPublicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as Transport[],
      },
    });
  } catch {
    throw notVerified();
  }
  if (!verification.verified) throw notVerified();
  await db.transaction(async (tx) => {
    await recordPasskeyUse(tx, passkey.id, verification.authenticationInfo.newCounter);
    await markSessionVerified(tx, ctx.sessionToken, ctx.user.id);
  });
}
