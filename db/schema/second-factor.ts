import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sessions, users } from "./auth";

/** A WebAuthn credential (passkey) someone registered as their second factor. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The credential id as the browser sends it (base64url). */
    credentialId: text("credential_id").notNull().unique(),
    /** The COSE public key (base64url); not a secret, but only ever checked against. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default(sql`'{}'::text[]`),
    deviceType: text("device_type").notNull(),
    backedUp: boolean("backed_up").notNull().default(false),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { mode: "date", withTimezone: true }),
  },
  (t) => [index("passkeys_user_idx").on(t.userId), check("passkeys_name_length", sql`char_length(${t.name}) between 1 and 60`)],
);
export type Passkey = typeof passkeys.$inferSelect;

/** One-time recovery codes, kept only as keyed hashes; a used code keeps its row with used_at. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { mode: "date", withTimezone: true }),
  },
  (t) => [unique("recovery_codes_user_hash").on(t.userId, t.codeHash)],
);

export const webauthnPurposes = ["register", "authenticate"] as const;
export type WebauthnPurpose = (typeof webauthnPurposes)[number];

/**
 * The challenge of a WebAuthn ceremony in progress, bound to the session that asked for it:
 * one per session and purpose, taken (deleted) by the verification that uses it, short-lived,
 * and gone with the session.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    sessionToken: text("session_token")
      .notNull()
      .references(() => sessions.sessionToken, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: webauthnPurposes }).notNull(),
    challenge: text("challenge").notNull(),
    expiresAt: timestamp("expires_at", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionToken, t.purpose] }),
    check("webauthn_challenges_purpose_check", sql`${t.purpose} in ('register', 'authenticate')`),
  ],
);
