/**
 * What the staff survey page shows an officer: the period (this year unless another is asked), and
 * for the roles that read SKM data the office's IKM, each service's and the trend; the roles that
 * enter paper questionnaires get the entry forms.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import type { Period } from '../../domain/surveys/periods.js';
import type { Actor, Ctx } from '../context.js';
import { chooseIkmPeriod, type PagePeriodQuery } from './choose-ikm-period.js';
import { ikmByService } from './compute-ikm-by-service.js';
import { ikmTrend, type TrendPoint } from './compute-ikm-trend.js';
import type { IkmDto } from './ikm-dto.js';
import { canEnterSurveys, canReadSurveys } from './survey-roles.js';

export interface SurveyOverview {
  office: StoredOffice;
  period: Period;
  /** The office's and each service's IKM, for the roles that read SKM data; null for the others. */
  ikm: { office: IkmDto; services: IkmDto[] } | null;
  trend: TrendPoint[];
  canRead: boolean;
  canEnter: boolean;
}

export async function readSurveyOverview(ctx: Ctx, actor: Actor, office: StoredOffice, q: PagePeriodQuery): Promise<SurveyOverview> {
  const { value: period } = await chooseIkmPeriod(ctx, office, q, 'staff');
  const canRead = canReadSurveys(actor);
  const ikm = canRead ? await ikmByService(ctx, office, period) : null;
  const trend = canRead ? await ikmTrend(ctx, office, period) : [];
  return { office, period, ikm, trend, canRead, canEnter: canEnterSurveys(actor) };
}
