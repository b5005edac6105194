/**
 * Zod pieces every capability's routes share: the error body, path parameters, loose objects.
 * A route's zod schema gives its validation, its TypeScript type and its OpenAPI document at once.
 */
import { z } from 'zod';
import { FAILURE_KINDS } from '../../domain/errors.js';

export const problemSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  field: z.string().optional(),
  row: z.number().int().optional(),
});

/** { error: { code, message, messageEn, problems? } }, with room for a capability's extra facts. */
export const errorSchema = z.object({
  error: z.looseObject({ code: z.string(), message: z.string(), messageEn: z.string(), problems: z.array(problemSchema).optional() }),
});

/** The error answers a route can give, by status (one schema: the body is the same for all). */
export const errors = <S extends 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorSchema])) as Record<S, typeof errorSchema>;

/** A JSON object whose shape this route does not pin down (documents, event data, answers). */
export const anyObject = z.record(z.string(), z.unknown());

export const slugParams = z.object({ slug: z.string().max(100) });
export const idParams = z.object({ id: z.string().max(100) });

/** A query flag written as `1`/`true`/`0`/`false`. */
export const queryFlag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

/** The language of a page or a rendered document. */
export const langQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

export const failureKind = z.enum(FAILURE_KINDS);

/**
 * A posted form's zod issues as problems beside their fields (an HTML form is parsed with its JSON
 * twin's schema; the field is named, in both languages, since zod's own words are English only).
 */
export function formProblems(error: z.ZodError): { field: string; code: string; message: string; messageEn: string }[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    return { field, code: 'invalid-field', message: `Isian "${field}" tidak sah`, messageEn: `"${field}" is not valid` };
  });
}
