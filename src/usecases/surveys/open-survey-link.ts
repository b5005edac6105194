/**
 * What a one-time survey link opens: the questionnaire of a completed application, or the note
 * that it was answered already. A link that does not match is not found; the survey of a case not
 * yet completed is not open (a conflict: it opens once the service is done).
 */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { findSurveyApplication } from './find-survey-application.js';
import { surveyAnswered } from './survey-answered.js';

export interface OpenedSurvey {
  office: StoredOffice;
  service: StoredService | undefined;
  registrationNumber: string;
  answered: boolean;
}

export async function openSurveyLink(ctx: Ctx, registrationNumber: string, token: string): Promise<Outcome<OpenedSurvey>> {
  const app = await findSurveyApplication(ctx, registrationNumber, token);
  if (!app) return failWith('not-found', 'survey-link-invalid', 'Tautan survei tidak sah', 'Invalid survey link');
  const office = ctx.catalogue.officeById(app.office_id);
  const opened = { office, service: office.services.find((s) => s.id === app.service_id), registrationNumber: app.registration_number };
  if (await surveyAnswered(ctx, app.id)) return { ok: true, value: { ...opened, answered: true } };
  if (app.status !== 'completed') return failWith('conflict', 'survey-not-yet', 'Survei belum dibuka', 'Survey not open yet');
  return { ok: true, value: { ...opened, answered: false } };
}
