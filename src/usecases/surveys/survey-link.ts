/**
 * The one-time survey of an application: its link (and QR, on the delivered letter) carries a
 * token derived from the application id with a server secret, so nothing is stored until the
 * citizen answers, and the unique application id on the response makes it one response per
 * application.
 */
import { createHmac } from 'node:crypto';
import { findApplicationAnyOffice } from '../../db/applications-repo.js';
import { serverSecret } from '../server-secret.js';
import type { Ctx } from '../context.js';

export const SURVEY_SECRET = 'survey-link';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function surveyTokenFor(secret: string, applicationId: string): string {
  const mac = createHmac('sha256', secret).update(`survey:${applicationId}`).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[mac[i]! % ALPHABET.length];
  return out;
}

function surveyPath(registrationNumber: string, token: string): string {
  return `/survei/${encodeURIComponent(registrationNumber)}/${token}`;
}

/**
 * The address of an application's one-time survey, for letters and receipts (QR): the public
 * address (`ctx.publicBaseUrl`, or `baseUrl` when given) + `/survei/<registration number>/<token>`.
 * With `baseUrl` null, the path alone (for links on Sigap's own pages).
 */
export async function surveyUrlFor(ctx: Ctx, applicationId: string, baseUrl: string | null = ctx.publicBaseUrl): Promise<string> {
  const app = await findApplicationAnyOffice(ctx.database.db, applicationId);
  if (!app) throw new Error(`surveyUrlFor: unknown application ${applicationId}`);
  const secret = await serverSecret(ctx, SURVEY_SECRET);
  const path = surveyPath(app.registration_number, surveyTokenFor(secret, app.id));
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}${path}` : path;
}
