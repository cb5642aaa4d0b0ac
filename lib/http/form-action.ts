import type { z } from "zod";
import { requireActionUser, type SessionUser } from "@/lib/auth/guards";
import type { UserRole } from "@/db/schema";
import { AppError } from "./errors";

/*
 * The one way to write a form's server action: guard, parse with the area's zod schema, run the
 * domain, and answer with one FormState. Bad input is a German message with field errors, an
 * AppError from the domain is the form's message (at its field when it names one), and anything
 * else stays a real fault. Refused callers get Next's 401/403 from the guard.
 */

export type FormState = { message?: string; ok?: string; fieldErrors?: Record<string, string[] | undefined> };

export const CHECK_FIELDS = "Bitte prüfe die markierten Felder.";

/** Field errors keyed by their dotted path ("weekly.1"), from zod 4's issues. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  return fieldErrors;
}

/** A form field as text; missing or a file is "". */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** A form field as text, or undefined when it was not sent (a schema's default then applies). */
export function sent(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** The named fields as text, for a schema to parse. */
export function fields(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, text(form, name)]));
}

export function appErrorState(error: AppError): FormState {
  const field = typeof error.details?.field === "string" ? error.details.field : undefined;
  return { message: error.message, fieldErrors: field ? { [field]: [error.message] } : undefined };
}

type Run<S extends z.ZodType, A extends unknown[], U> = (
  input: z.output<S>,
  ctx: { user: U; form: FormData; args: A },
) => Promise<string | FormState | void>;

/**
 * A form action for `role` (a signed-in user of that role; "any" for any signed-in user).
 * `args` are the values bound on the page (`action.bind(null, id)`): they come from the client
 * like the form, so the schema's `read` decides what they may be.
 */
export function formAction<S extends z.ZodType, A extends unknown[] = []>(options: {
  role: UserRole | "any";
  schema: S;
  /** For a form that shows no field errors: the first problem becomes its message. */
  firstIssueAsMessage?: boolean;
  read: (form: FormData, ...args: A) => unknown;
  run: Run<S, A, SessionUser>;
}): (...params: [...A, FormState, FormData]) => Promise<FormState> {
  return async (...params) => {
    const form = params.at(-1) as FormData;
    const args = params.slice(0, -2) as unknown as A;
    const user = await requireActionUser(options.role === "any" ? undefined : options.role);
    return parseAndRun(options, options.read(form, ...args), (input) => options.run(input, { user, form, args }));
  };
}

/** The same for a form anyone may send (a visitor's manage link, a comment): no guard. */
export function publicFormAction<S extends z.ZodType, A extends unknown[] = []>(options: {
  schema: S;
  firstIssueAsMessage?: boolean;
  read: (form: FormData, ...args: A) => unknown;
  run: Run<S, A, null>;
}): (...params: [...A, FormState, FormData]) => Promise<FormState> {
  return async (...params) => {
    const form = params.at(-1) as FormData;
    const args = params.slice(0, -2) as unknown as A;
    return parseAndRun(options, options.read(form, ...args), (input) => options.run(input, { user: null, form, args }));
  };
}

async function parseAndRun<S extends z.ZodType>(
  { schema, firstIssueAsMessage }: { schema: S; firstIssueAsMessage?: boolean },
  raw: unknown,
  run: (input: z.output<S>) => Promise<string | FormState | void>,
): Promise<FormState> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const message = (firstIssueAsMessage && parsed.error.issues[0]?.message) || CHECK_FIELDS;
    return { message, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    const result = await run(parsed.data);
    return typeof result === "string" ? { ok: result } : (result ?? {});
  } catch (error) {
    if (error instanceof AppError) return appErrorState(error);
    throw error;
  }
}

/**
 * A button's action (a form without state: delete, retry, a status change). The same guard and
 * parse; input that does not parse does nothing, as a forged or stale button should. `run` may
 * redirect to say what happened.
 */
export function commandAction<S extends z.ZodType>(options: {
  role: UserRole | "any";
  schema: S;
  read: (form: FormData) => unknown;
  run: (input: z.output<S>, ctx: { user: SessionUser; form: FormData }) => Promise<void>;
}): (form: FormData) => Promise<void> {
  return async (form) => {
    const user = await requireActionUser(options.role === "any" ? undefined : options.role);
    const parsed = options.schema.safeParse(options.read(form));
    if (!parsed.success) return;
    await options.run(parsed.data, { user, form });
  };
}
