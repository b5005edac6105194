/** The application a survey link names, if its token is right. */
import { findByRegistrationNumber } from '../../db/applications-repo.js';
import { REGISTRATION_NUMBER } from '../../domain/applications/codes.js';
import { serverSecret } from '../server-secret.js';
import type { ApplicationsTable } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { SURVEY_SECRET, surveyTokenFor } from './survey-link.js';

/** A wrong token and an unknown number look the same: null. */
export async function findSurveyApplication(ctx: Ctx, registrationNumber: string, token: string): Promise<ApplicationsTable | null> {
  const number = String(registrationNumber ?? '').trim().toUpperCase();
  const t = String(token ?? '').trim().toUpperCase();
  if (!REGISTRATION_NUMBER.test(number) || !/^[A-Z0-9]{16}$/.test(t)) return null;
  const secret = await serverSecret(ctx, SURVEY_SECRET);
  const rows = await findByRegistrationNumber(ctx.database.db, number);
  return rows.find((r) => surveyTokenFor(secret, r.id) === t)?.row ?? null;
}
