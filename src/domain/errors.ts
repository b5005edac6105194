/** Errors are values: a stable code and a message for people, Bahasa Indonesia first. */
export interface Problem {
  code: string;
  message: string;
  messageEn: string;
  /** The input the problem is about (`applicant.nik`, `answers.U3`, `attachments.ktp`), when there is one. */
  field?: string;
  /** The row of an imported file the problem is about, counted from 1 as a spreadsheet does. */
  row?: number;
}

/** A problem that names the input it is about, so a form can show it beside that field. */
export type FieldProblem = Problem & { field: string };

/** A plain result of parsing or checking a value: the value, or what is wrong with it. */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export function problem(code: string, message: string, messageEn: string): Problem {
  return { code, message, messageEn };
}

/**
 * Why a use case refused, in the words of the domain, not of HTTP: the web edge maps each kind
 * to a status in one place (src/http/reply.ts), the CLI to an exit message.
 * - invalid: the input is wrong (every problem found, by field when there is one)
 * - not-found: the thing asked for does not exist for this person (or must look so)
 * - forbidden: it exists, but this person's role may not do this
 * - conflict: the thing changed or is in a state that does not allow it (reload and retry)
 * - unauthenticated: nobody is signed in, or the password given is not theirs
 * - locked: the account is locked for a while after repeated failures
 * - too-large / unsupported: an upload too big, or not of a kind we accept
 */
export const FAILURE_KINDS = ['invalid', 'not-found', 'forbidden', 'conflict', 'unauthenticated', 'locked', 'too-large', 'unsupported'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface Failure<P extends Problem = Problem> {
  kind: FailureKind;
  problems: P[];
}

/** What a use case answers: its value, or one failure. */
export type Outcome<T, P extends Problem = Problem> = { ok: true; value: T } | { ok: false; error: Failure<P> };

export const fail = <P extends Problem>(kind: FailureKind, ...problems: P[]): { ok: false; error: Failure<P> } => ({ ok: false, error: { kind, problems } });

/** A failure of one problem, for the common case of a single reason. */
export const failWith = (kind: FailureKind, code: string, message: string, messageEn: string, field?: string): { ok: false; error: Failure } =>
  fail(kind, field === undefined ? { code, message, messageEn } : { code, message, messageEn, field });
