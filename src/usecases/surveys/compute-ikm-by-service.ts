/** The IKM of an office and of each of its services over a period (one aggregate query each). */
import type { StoredOffice } from '../../db/standards-repo.js';
import { aggregateByService, aggregateResponses, population, populationByService } from '../../db/surveys-repo.js';
import { periodInstants, type Period } from '../../domain/surveys/periods.js';
import type { Ctx } from '../context.js';
import { emptyAggregate, ikmBase, ikmFromAggregate, type IkmDto } from './ikm-dto.js';

/**
 * The office's IKM and each service's (services with responses or served applications in the
 * period). Kiosk or paper questionnaires that named no service count for the office only.
 */
export async function ikmByService(ctx: Ctx, office: StoredOffice, period: Period): Promise<{ office: IkmDto; services: IkmDto[] }> {
  const db = ctx.database.db;
  const { start, end } = periodInstants(period, office.office.timezone);
  const scope = { officeId: office.id, from: period.from, to: period.to };
  const [all, pop, byService, popByService] = await Promise.all([aggregateResponses(db, scope), population(db, office.id, start, end), aggregateByService(db, scope), populationByService(db, office.id, start, end)]);
  const services: IkmDto[] = [];
  for (const s of office.services) {
    const agg = byService.get(s.id);
    const p = popByService.get(s.id) ?? 0;
    if (!agg && p === 0) continue;
    services.push(ikmFromAggregate(agg ?? emptyAggregate(), p, ikmBase(office, s, period)));
  }
  return { office: ikmFromAggregate(all, pop, ikmBase(office, undefined, period)), services };
}
