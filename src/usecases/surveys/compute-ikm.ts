/**
 * The IKM (Indeks Kepuasan Masyarakat) of an office, or one of its services, over a period,
 * exactly as REFERENCE §2 says: NRR per element, weight exactly 1/9, ×25, rounded only at the end,
 * grade A–D; with the respondents, the population (applications of that office/service completed
 * in the period) and the Krejcie & Morgan minimum sample. One aggregate query per period.
 */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { aggregateResponses, population } from '../../db/surveys-repo.js';
import { periodInstants, type Period } from '../../domain/surveys/periods.js';
import type { Ctx } from '../context.js';
import { ikmBase, ikmFromAggregate, type IkmDto } from './ikm-dto.js';

export async function ikmFor(ctx: Ctx, office: StoredOffice, period: Period, service?: StoredService): Promise<IkmDto> {
  const db = ctx.database.db;
  const { start, end } = periodInstants(period, office.office.timezone);
  const [agg, pop] = await Promise.all([
    aggregateResponses(db, { officeId: office.id, from: period.from, to: period.to, serviceId: service?.id }),
    population(db, office.id, start, end, service?.id),
  ]);
  return ikmFromAggregate(agg, pop, ikmBase(office, service, period));
}
