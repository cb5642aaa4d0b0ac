import { z } from "zod";
import { parseProxySettings } from "@/server/client-address.mjs";

/** Every environment variable the app reads, parsed once. Nothing else touches process.env. */
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/[^\s]+$/, "must look like postgres://user@host:5432/database")
        .optional(),
    ),
    PGLITE_DIR: z.string().default(".data/pglite"),
    AUTH_SECRET: optionalString,
    AUTH_URL: optionalString.pipe(z.url().optional()),
    EMAIL_FROM: optionalString.transform((v) => v ?? "Rückenwind Coaching <hallo@example.com>"),
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
    DEV_MAILBOX: flag,
    CRON_SECRET: optionalString,
    COACH_EMAIL: z
      .email()
      .default("coach@example.com")
      .transform((v) => v.toLowerCase()),
    SEED_DEMO: flag,
    OUTBOX_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /** First retry delay of a failed email; later ones double. Lowered only by tests that wait for retries. */
    OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
    /** Comments one IP address may send per hour; 0 turns the limit off. */
    RATE_LIMIT_COMMENTS_PER_HOUR: z.coerce.number().int().min(0).default(5),
    /** Booking requests one IP address may send per hour; 0 turns the limit off. */
    RATE_LIMIT_BOOKINGS_PER_HOUR: z.coerce.number().int().min(0).default(10),
    /** Sign-in links one email address may request per hour; 0 turns the limit off. */
    RATE_LIMIT_SIGNIN_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(0).default(5),
    /** Sign-in links one IP address may request per hour; 0 turns the limit off. */
    RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: z.coerce.number().int().min(0).default(30),
    /** Journal writes (create, change, delete) one client may make per hour; 0 turns the limit off. */
    RATE_LIMIT_JOURNAL_WRITES_PER_HOUR: z.coerce.number().int().min(0).default(120),
    /**
     * Read by server/start.mjs, which decides each request's client address; checked here too so
     * that a typo stops every start the same way. Parsed in one place: server/client-address.mjs.
     */
    TRUST_PROXY_HOPS: z.string().optional(),
    /**
     * Keys for the coach's calendar credentials (AES-256-GCM): base64 of 32 bytes each, comma
     * separated. The first encrypts, any decrypts; `npm run calendars:rekey` moves every stored
     * secret to the first. Unset outside production: a fixed development key.
     */
    CALENDAR_KEYS: optionalString,
    /** Tests only: lets calendar fetches reach loopback over http. Refused in production. */
    CALENDAR_ALLOW_LOOPBACK: flag,
    /** How often the coach's calendars are read again (cron route and poller); 0 turns it off. */
    CALENDAR_SYNC_MINUTES: z.coerce.number().int().min(0).max(1440).default(5),
    CLIENT_IP_HEADER: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (openssl rand -base64 32)" });
    }
    // Sign-in links, booking links and the passkeys' origin would otherwise follow the Host header
    // a request brings, which anyone can write.
    if (env.NODE_ENV === "production" && !env.AUTH_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message: "is required in production (the site's public URL, e.g. https://praxis.example.de)",
      });
    }
    if (env.NODE_ENV === "production" && env.CALENDAR_ALLOW_LOOPBACK) {
      ctx.addIssue({ code: "custom", path: ["CALENDAR_ALLOW_LOOPBACK"], message: "is for tests only and refused in production" });
    }
    try {
      parseProxySettings({ TRUST_PROXY_HOPS: env.TRUST_PROXY_HOPS, CLIENT_IP_HEADER: env.CLIENT_IP_HEADER });
    } catch (error) {
      ctx.addIssue({ code: "custom", path: [], message: (error as Error).message });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new EnvError(`Invalid environment: ${[first.path.join("."), first.message].filter(Boolean).join(" ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The local mailbox and its API exist outside production, and in production only with DEV_MAILBOX=1. */
export function devMailboxEnabled(e: Env = env()): boolean {
  return e.NODE_ENV !== "production" || e.DEV_MAILBOX;
}

/** A fixed secret keeps development sessions alive across restarts; production refuses to start without one. */
export function authSecret(e: Env = env()): string {
  return e.AUTH_SECRET ?? "development-only-secret-do-not-use-in-production";
}
