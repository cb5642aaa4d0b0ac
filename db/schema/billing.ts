import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/*
 * Money: a client's billing address, session packages with their credits, invoices (and their
 * cancellations), payments. Invoices are kept 8 years (§ 147 AO, § 14b UStG), also after the
 * client's account is deleted: an invoice therefore has no foreign key to the people it names (a
 * cascade would delete it, "set null" would change it) and holds a snapshot of both parties.
 * Once issued, an invoice and its lines are immutable: the triggers of the custom migration
 * (billing_immutable) refuse every UPDATE and DELETE. A correction is a cancellation invoice.
 */

export const taxModes = ["small_business", "vat", "exempt"] as const;
export type TaxMode = (typeof taxModes)[number];

/** A client's invoice address, required before their first invoice. Erased with the account. */
export const billingAddresses = pgTable(
  "billing_addresses",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull().default("Deutschland"),
    /** The client's choice: the invoice email carries the PDF (else only a link into the portal). */
    pdfByEmail: boolean("pdf_by_email").notNull().default(false),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "billing_addresses_lengths",
      sql`char_length(${t.name}) between 1 and 200 and char_length(${t.street}) between 1 and 200 and char_length(${t.postalCode}) between 1 and 20 and char_length(${t.city}) between 1 and 100 and char_length(${t.country}) between 1 and 100`,
    ),
  ],
);
export type BillingAddress = typeof billingAddresses.$inferSelect;

/**
 * A package of sessions sold to a client ("8 Sitzungen"). `used` counts the credits drawn; the
 * database keeps it between 0 and `sessions`, so no race can overdraw it.
 */
export const sessionPackages = pgTable(
  "session_packages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    sessions: integer("sessions").notNull(),
    used: integer("used").notNull().default(0),
    priceCents: integer("price_cents").notNull(),
    /** The last day a credit can be drawn (practice zone), or null for no expiry. */
    expiresOn: date("expires_on", { mode: "string" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("session_packages_sessions", sql`${t.sessions} between 1 and 100`),
    check("session_packages_used", sql`${t.used} between 0 and ${t.sessions}`),
    check("session_packages_price", sql`${t.priceCents} between 0 and 10000000`),
    index("session_packages_client_idx").on(t.clientId),
  ],
);
export type SessionPackage = typeof sessionPackages.$inferSelect;

/** One credit of a package drawn by one appointment (completed, or a billed late cancellation or no-show). */
export const packageCredits = pgTable(
  "package_credits",
  {
    appointmentId: uuid("appointment_id").primaryKey(),
    packageId: uuid("package_id")
      .notNull()
      .references(() => sessionPackages.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("package_credits_package_idx").on(t.packageId)],
);

export const invoiceKinds = ["invoice", "cancellation"] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/** The parties as they stood when the invoice was issued (§ 14 Abs. 4 Nr. 1 UStG). */
export type InvoiceParty = { name: string; street: string; postalCode: string; city: string; country?: string };
export type InvoiceIssuer = InvoiceParty & {
  taxNumber: string;
  vatId: string;
  email: string;
  iban: string;
  bic: string;
  accountHolder: string;
};

/**
 * An invoice, a draft until issued. Issuing allocates the number (year of the issue date in the
 * practice zone, then a gapless sequence: lib/billing/numbering.ts) and fills the snapshot. The
 * amounts are in cents; VAT, where charged, is computed once per invoice from the sum of the
 * gross amounts. A cancellation invoice (Storno) carries the negated amounts and `cancels`.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: invoiceKinds }).notNull().default("invoice"),
    /** The client's account id, for their own list: no foreign key (see above). */
    clientId: text("client_id").notNull(),
    status: text("status", { enum: ["draft", "issued"] })
      .notNull()
      .default("draft"),
    year: integer("year"),
    sequence: integer("sequence"),
    number: text("number"),
    cancels: uuid("cancels"),
    issueDate: date("issue_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    serviceFrom: date("service_from", { mode: "string" }),
    serviceUntil: date("service_until", { mode: "string" }),
    issuer: jsonb("issuer").$type<InvoiceIssuer>(),
    recipient: jsonb("recipient").$type<InvoiceParty>(),
    recipientEmail: text("recipient_email"),
    taxMode: text("tax_mode", { enum: taxModes }),
    /** Percent, e.g. 19; 0 without VAT. */
    taxRate: integer("tax_rate").notNull().default(0),
    /** The statutory sentence of § 19 UStG or the configured exemption note, as printed. */
    taxNote: text("tax_note").notNull().default(""),
    grossCents: integer("gross_cents").notNull().default(0),
    netCents: integer("net_cents").notNull().default(0),
    taxCents: integer("tax_cents").notNull().default(0),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    issuedAt: timestamp("issued_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    check("invoices_kind_check", sql`${t.kind} in ('invoice', 'cancellation')`),
    check("invoices_status_check", sql`${t.status} in ('draft', 'issued')`),
    check(
      "invoices_issued_complete",
      sql`${t.status} = 'draft' or (${t.number} is not null and ${t.year} is not null and ${t.sequence} is not null and ${t.issueDate} is not null and ${t.issuer} is not null and ${t.recipient} is not null and ${t.taxMode} is not null)`,
    ),
    check("invoices_cancellation_refers", sql`(${t.kind} = 'cancellation') = (${t.cancels} is not null)`),
    check("invoices_amounts", sql`${t.grossCents} = ${t.netCents} + ${t.taxCents}`),
    check("invoices_tax_rate", sql`${t.taxRate} between 0 and 100`),
    unique("invoices_year_sequence").on(t.year, t.sequence),
    unique("invoices_number").on(t.number),
    // One cancellation per invoice.
    uniqueIndex("invoices_one_cancellation")
      .on(t.cancels)
      .where(sql`${t.cancels} is not null`),
    index("invoices_client_idx").on(t.clientId),
  ],
);
export type Invoice = typeof invoices.$inferSelect;

/**
 * A line of an invoice: a session, a billed late cancellation or no-show, or a package. The
 * appointment and package are referenced by id without a foreign key, like the client.
 */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** What was done, without health terms: "Coaching-Sitzung (50 Minuten)". */
    description: text("description").notNull(),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    quantity: integer("quantity").notNull().default(1),
    grossCents: integer("gross_cents").notNull(),
    appointmentId: uuid("appointment_id"),
    packageId: uuid("package_id"),
  },
  (t) => [
    unique("invoice_lines_position").on(t.invoiceId, t.position),
    check("invoice_lines_quantity", sql`${t.quantity} between 1 and 1000`),
    check("invoice_lines_description", sql`char_length(${t.description}) between 1 and 300`),
  ],
);
export type InvoiceLine = typeof invoiceLines.$inferSelect;

/**
 * What an issued, not cancelled invoice bills: one row per appointment or package. The unique
 * keys are the database's "nothing is billed twice"; issuing a cancellation invoice deletes the
 * original's claims (the invoice itself stays as it was), so the session can be billed again.
 * A session paid through a package credit holds its claim through the package's invoice instead.
 */
export const billingClaims = pgTable(
  "billing_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    appointmentId: uuid("appointment_id").unique(),
    packageId: uuid("package_id").unique(),
  },
  (t) => [check("billing_claims_one_item", sql`(${t.appointmentId} is null) <> (${t.packageId} is null)`)],
);

/** Payments the coach records against an issued invoice (full or partial). Kept with the invoice. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    amountCents: integer("amount_cents").notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("payments_amount", sql`${t.amountCents} between 1 and 10000000`),
    check("payments_note", sql`char_length(${t.note}) <= 300`),
    index("payments_invoice_idx").on(t.invoiceId),
  ],
);
export type Payment = typeof payments.$inferSelect;

/** The gapless counter per year of issue: the issuing transaction takes and raises it. */
export const invoiceCounters = pgTable("invoice_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * Events after issue that do not change the invoice: the payment reminder sent, processing
 * restricted after the client's account was deleted (Art. 18 DSGVO: kept only for the tax
 * authorities and legal claims). One row each.
 */
export const invoiceEvents = pgTable(
  "invoice_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    kind: text("kind", { enum: ["reminder_sent", "restricted"] }).notNull(),
    at: timestamp("at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("invoice_events_kind", sql`${t.kind} in ('reminder_sent', 'restricted')`),
    unique("invoice_events_once").on(t.invoiceId, t.kind),
  ],
);
