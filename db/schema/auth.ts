import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Who may sign in, and as what. Accounts are created by the coach or the seed, never by a sign-in. */
export const userRoles = ["coach", "client"] as const;
/** Where a client stands in the coaching, set by the coach. */
export const clientStatuses = ["active", "paused", "finished"] as const;
export type ClientStatus = (typeof clientStatuses)[number];
export type UserRole = (typeof userRoles)[number];

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").notNull().unique(),
    emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
    image: text("image"),
    role: text("role", { enum: userRoles }).notNull().default("client"),
    clientStatus: text("client_status", { enum: clientStatuses }).notNull().default("active"),
    /** The person's own IANA zone (e.g. for reminders at their hour); null: the practice's zone. */
    timeZone: text("time_zone"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_role_check", sql`${t.role} in ('coach', 'client')`),
    check("users_client_status_check", sql`${t.clientStatus} in ('active', 'paused', 'finished')`),
    // Auth.js lower-cases addresses; storing them the same way keeps "unique" meaningful.
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
  ],
);
export type User = typeof users.$inferSelect;

/** Required by the Auth.js adapter; unused while email is the only provider. */
export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/**
 * Auth.js's database sessions, plus what the person sees of them in the settings (created, last
 * seen, browser) and when this session proved its second factor (passkey or recovery code). The
 * token is the bearer secret: pages name a session by its `id` instead.
 */
export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
    id: uuid("id").notNull().unique().defaultRandom(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    userAgent: text("user_agent"),
    /** When this session proved a passkey or a recovery code; null: the magic link alone. */
    secondFactorAt: timestamp("second_factor_at", { mode: "date", withTimezone: true }),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);
export type SessionRow = typeof sessions.$inferSelect;

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
