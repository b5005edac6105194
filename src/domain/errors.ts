/** Errors are values: a stable code and a message for people, Bahasa Indonesia first. */
export interface Problem {
  code: string;
  message: string;
  messageEn: string;
}

export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export function problem(code: string, message: string, messageEn: string): Problem {
  return { code, message, messageEn };
}
