import { z } from "zod";
import { requireActionUser, type SessionUser } from "@/lib/auth/guards";
import type { UserRole } from "@/db/schema";
import { AppError } from "./errors";

/*
 * The one way to write a server action: guard, parse with the area's zod schema, run the domain,
 * and answer with one FormState (or the action's own answer, see `failure`). Bad input is a German
 * message with field errors, an AppError from the guard or the domain is the form's message (at its
 * field when it names one), and anything else stays a real fault. Refused callers get Next's 401/403
 * from the guard. scripts/check-structure.ts checks that every action is built here.
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

/**
 * Who may call an action: a signed-in user of `role` ("any": any signed-in user), or a `guard` of
 * its own, whose answer is the action's `user` (`anyone` for an action every visitor may call).
 */
type Access<U> = { role: UserRole | "any" } | { guard: () => Promise<U> };

/** The guard of an action anyone may call: a visitor's form, signing out. */
export const anyone = async (): Promise<null> => null;

/** For an action that takes no input (a button that renews a secret): nothing to read or parse. */
export const noInput = { schema: z.object({}), read: () => ({}) };

function admit<U>(access: Access<U>): Promise<U> {
  if ("guard" in access) return access.guard();
  return requireActionUser(access.role === "any" ? undefined : access.role) as Promise<U>;
}

/**
 * Guard, parse what `read` made of the call, run; bad input and an AppError (from the guard or the
 * domain) become `refuse`'s answer.
 */
async function guardParseRun<S extends z.ZodType, U, T>(
  options: Access<U> & { schema: S; firstIssueAsMessage?: boolean },
  read: () => unknown,
  run: (input: z.output<S>, user: U) => Promise<T>,
  refuse: (state: FormState) => T | Promise<T>,
): Promise<T> {
  try {
    const user = await admit(options);
    const parsed = options.schema.safeParse(read());
    if (!parsed.success) {
      const message = (options.firstIssueAsMessage && parsed.error.issues[0]?.message) || CHECK_FIELDS;
      return await refuse({ message, fieldErrors: fieldErrorsOf(parsed.error) });
    }
    return await run(parsed.data, user);
  } catch (error) {
    if (error instanceof AppError) return refuse(appErrorState(error));
    throw error;
  }
}

/**
 * The answer of a form action: a FormState, unless `run` or `failure` declares another shape (run
 * returning only a string, or only redirecting, leaves it a FormState).
 */
type Answer<T> = [Exclude<T, string | void>] extends [never] ? FormState : Exclude<T, string | void>;

type FormOptions<S extends z.ZodType, A extends unknown[], U, T> = {
  schema: S;
  /** For a form that shows no field errors: the first problem becomes its message. */
  firstIssueAsMessage?: boolean;
  read: (form: FormData, ...args: A) => unknown;
  /** A string is the form's `ok`; an object is the answer as it is (T, a FormState unless `failure` says otherwise). */
  run: (input: z.output<S>, ctx: { user: U; form: FormData; args: A }) => Promise<string | T | void>;
  /** For a form whose answer has its own shape: how a refusal (bad input, an AppError) is said there. */
  failure?: (state: FormState, form: FormData) => T;
};

/**
 * A form action for `role` (a signed-in user of that role; "any" for any signed-in user) or with a
 * `guard` of its own. `args` are the values bound on the page (`action.bind(null, id)`): they come
 * from the client like the form, so the schema's `read` decides what they may be.
 */
export function formAction<S extends z.ZodType, A extends unknown[] = [], U = SessionUser, T = FormState>(
  options: Access<U> & FormOptions<S, A, U, T>,
): (...params: [...A, Answer<T>, FormData]) => Promise<Answer<T>> {
  const failure = options.failure ?? ((state: FormState) => state as T);
  return async (...params) => {
    const form = params.at(-1) as FormData;
    const args = params.slice(0, -2) as unknown as A;
    return guardParseRun(
      options,
      () => options.read(form, ...args),
      async (input, user) => {
        const result = await options.run(input, { user, form, args });
        return (typeof result === "string" ? { ok: result } : (result ?? {})) as Answer<T>;
      },
      (state) => failure(state, form) as Answer<T>,
    );
  };
}

/**
 * The same for a form anyone may send (a visitor's manage link, a comment): no guard. With
 * `honeypot`, a filled-in hidden "website" field (components/ui/Honeypot) is a bot: it gets that
 * thanks and nothing runs.
 */
export function publicFormAction<S extends z.ZodType, A extends unknown[] = [], T = FormState>(
  options: FormOptions<S, A, null, T> & { honeypot?: string },
): (...params: [...A, Answer<T>, FormData]) => Promise<Answer<T>> {
  const action = formAction<S, A, null, T>({ ...options, guard: anyone });
  const { honeypot } = options;
  if (!honeypot) return action;
  return async (...params) => (text(params.at(-1) as FormData, "website") !== "" ? ({ ok: honeypot } as Answer<T>) : action(...params));
}

/**
 * An action called with values rather than a form: the editor's preview, the self-check's save, a
 * button bound to a token. The same guard and parse of what `read` makes of the arguments; bad
 * input and an AppError are answered by `failure` in the action's own shape (it may redirect).
 */
export function callAction<S extends z.ZodType, A extends unknown[], R, U = SessionUser>(
  options: Access<U> & {
    schema: S;
    read: (...args: A) => unknown;
    run: (input: z.output<S>, ctx: { user: U }) => Promise<R>;
    failure: (state: FormState) => R;
  },
): (...args: A) => Promise<R> {
  return (...args) =>
    guardParseRun(
      { ...options, firstIssueAsMessage: true },
      () => options.read(...args),
      (input, user) => options.run(input, { user }),
      options.failure,
    );
}

/**
 * A button's action (a form without state: delete, retry, a status change). The same guard and
 * parse; input that does not parse does nothing, as a forged or stale button should. `run` may
 * redirect to say what happened; `refused` says what an AppError from the domain does instead
 * (a redirect with a notice, or nothing). Without it, an AppError stays a fault.
 */
export function commandAction<S extends z.ZodType, U = SessionUser>(
  options: Access<U> & {
    schema: S;
    read: (form: FormData) => unknown;
    run: (input: z.output<S>, ctx: { user: U; form: FormData }) => Promise<void>;
    refused?: (error: AppError, input: z.output<S>) => void;
  },
): (form: FormData) => Promise<void> {
  return async (form) => {
    const user = await admit(options);
    const parsed = options.schema.safeParse(options.read(form));
    if (!parsed.success) return;
    try {
      await options.run(parsed.data, { user, form });
    } catch (error) {
      if (!options.refused || !(error instanceof AppError)) throw error;
      options.refused(error, parsed.data);
    }
  };
}
