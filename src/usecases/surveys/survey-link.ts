/**
 * The one-time survey of an application: its link (and QR, on the delivered letter) carries a
 * token derived from the application id with a server secret, so nothing is stored until the
 * citizen answers, and the unique application id on the response makes it one response per
 * application.
 */
import { createHmac } from 'node:crypto';
import { findApplicationAnyOffice, findByRegistrationNumber, getSecret } from '../../db/applications-repo.js';
import type { ApplicationsTable } from '../../db/schema.js';
import type { Ctx } from '../context.js';

export const SURVEY_SECRET = 'survey-link';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function surveyTokenFor(secret: string, applicationId: string): string {
  const mac = createHmac('sha256', secret).update(`survey:${applicationId}`).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[mac[i]! % ALPHABET.length];
  return out;
}

export function surveyPath(registrationNumber: string, token: string): string {
  return `/survei/${encodeURIComponent(registrationNumber)}/${token}`;
}

/**
 * The absolute address of an application's one-time survey, for letters and receipts (QR):
 * `PUBLIC_BASE_URL` (or `baseUrl`) + `/survei/<registration number>/<token>`. Without a base URL
 * the path alone is returned.
 */
export async function surveyUrlFor(ctx: Ctx, applicationId: string, baseUrl: string | null = process.env.PUBLIC_BASE_URL ?? null): Promise<string> {
  const app = await findApplicationAnyOffice(ctx.database.db, applicationId);
  if (!app) throw new Error(`surveyUrlFor: unknown application ${applicationId}`);
  const secret = await getSecret(ctx.database.db, SURVEY_SECRET);
  const path = surveyPath(app.registration_number, surveyTokenFor(secret, app.id));
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}${path}` : path;
}

/** The application a survey link points to; a wrong token and an unknown number look the same. */
export async function findSurveyApplication(ctx: Ctx, registrationNumber: string, token: string): Promise<ApplicationsTable | null> {
  const number = String(registrationNumber ?? '').trim().toUpperCase();
  const t = String(token ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3,4}-\d{4}-\d{6}$/.test(number) || !/^[A-Z0-9]{16}$/.test(t)) return null;
  const secret = await getSecret(ctx.database.db, SURVEY_SECRET);
  const rows = await findByRegistrationNumber(ctx.database.db, number);
  return rows.find((r) => surveyTokenFor(secret, r.id) === t) ?? null;
}
