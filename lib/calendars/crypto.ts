import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

/*
 * Calendar credentials at rest: AES-256-GCM under CALENDAR_KEYS (the first encrypts, any
 * decrypts). A stored value reads "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url), the key id
 * being the first 8 hex digits of the key's SHA-256, so decryption picks its key directly.
 */

/** Outside production only: anyone can read it here, which is the point of it being fixed. */
const DEVELOPMENT_KEY = Buffer.from("cmFja2Vud2luZC1kZXZlbG9wbWVudC1rZXktMzJieXQ=", "base64");

type Key = { id: string; key: Buffer };

function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** The configured keys, first the one that encrypts; a malformed key stops the caller loudly. */
export function calendarKeys(e: Env = env()): Key[] {
  const listed = (e.CALENDAR_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  if (listed.length === 0) return e.NODE_ENV === "production" ? [] : [{ id: keyId(DEVELOPMENT_KEY), key: DEVELOPMENT_KEY }];
  return listed.map((text, index) => {
    const key = Buffer.from(text, "base64");
    if (key.length !== 32) throw new Error(`CALENDAR_KEYS: key ${index + 1} is not the base64 of 32 bytes`);
    return { id: keyId(key), key };
  });
}

export function encryptSecret(plain: string, keys: Key[] = calendarKeys()): string {
  const first = keys[0];
  if (!first)
    throw new AppError(
      "invalid",
      "Kalender können erst verbunden werden, wenn auf dem Server ein Schlüssel hinterlegt ist (CALENDAR_KEYS). Bitte wende dich an die technische Betreuung.",
    );
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", first.key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", first.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(stored: string, keys: Key[] = calendarKeys()): string {
  const [version, id, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !id || !iv || !tag || body === undefined) throw new Error("calendar secret: unknown format");
  const key = keys.find((k) => k.id === id);
  if (!key) throw new Error("calendar secret: its key is not in CALENDAR_KEYS");
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  // Only the full 16-byte tag authenticates: a shortened one would be a forgery's easy way in.
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new Error("calendar secret: malformed");
  const decipher = createDecipheriv("aes-256-gcm", key.key, ivBytes, { authTagLength: 16 });
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a stored value is already under the key that encrypts (the re-key skips it). */
export function isUnderFirstKey(stored: string, keys: Key[] = calendarKeys()): boolean {
  return keys[0] !== undefined && stored.split(".")[1] === keys[0].id;
}
