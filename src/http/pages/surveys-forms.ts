/**
 * The survey pages' forms read as their JSON twins: flat form fields are shaped like the body of
 * POST /api/v1/surveys (or PUT /api/v1/surveys/follow-up) and checked by the same zod schema, so a
 * questionnaire means the same whether it comes from a form or from the API.
 */
import type { z } from 'zod';
import { fail, type Outcome } from '../../domain/errors.js';
import { ELEMENTS } from '../../domain/surveys/index.js';
import { PROFILE_FIELDS } from '../../domain/surveys/questionnaire.js';
import type { SurveyInput } from '../../usecases/surveys/submit-response.js';
import { followupBody, surveyBody } from '../api/surveys-schemas.js';

/** A shaped form checked by its twin's schema; a mismatch is an invalid input beside its field. */
function asBody<S extends z.ZodType>(schema: S, shaped: unknown): Outcome<z.infer<S>> {
  const r = schema.safeParse(shaped);
  if (r.success) return { ok: true, value: r.data };
  return fail(
    'invalid',
    ...r.error.issues.map((i) => {
      const field = i.path.join('.');
      return { field, code: 'input-invalid', message: `Isian ${field} tidak sah`, messageEn: `${field} is not valid` };
    }),
  );
}

/** A questionnaire form (U1…U9 radios, profile selects, suggestion, and for staff date, application, service). */
export function surveyFromForm(f: Record<string, string>, fixed: Partial<SurveyInput>): Outcome<SurveyInput> {
  const answers: Record<string, string> = {};
  for (const e of ELEMENTS) if (f[e.code]) answers[e.code] = f[e.code]!;
  const respondent: Record<string, string> = {};
  for (const p of PROFILE_FIELDS) if (f[p.key]) respondent[p.key] = f[p.key]!;
  return asBody(surveyBody, {
    answers,
    respondent: Object.keys(respondent).length ? respondent : undefined,
    suggestion: f.suggestion || undefined,
    service: f.service || undefined,
    application: f.application || undefined,
    date: f.date || undefined,
    ...fixed,
  });
}

/** The follow-up plan form (its period is in the page's address). */
export function followupFromForm(f: Record<string, string>): Outcome<{ text: string }> {
  return asBody(followupBody.pick({ text: true }), { text: f.text ?? '' });
}
