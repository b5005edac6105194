/**
 * The public performance of an office (issue 15 §5): per service the decree's promise, the share
 * of cases on time, median, p90 and max from the oversight counters, and the IKM of the same
 * period — without personal data, small counts withheld (domain/oversight/performance.ts). Default
 * period: the last whole quarter.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import type { MeasureUnit, PromiseInput } from '../../domain/oversight/evaluate.js';
import { lastQuarter, publicFigures, SUPPRESSION_RULE, wholeMonths, type PublicFigures } from '../../domain/oversight/performance.js';
import { namedPeriod, parsePeriod, type Period } from '../../domain/surveys/periods.js';
import { nowOf, type Ctx } from '../context.js';
import { ikmByService } from '../surveys/compute-ikm-by-service.js';
import { evaluateMonths } from './evaluate-standard.js';

export interface ServicePerformance extends PublicFigures {
  service: string;
  no: string;
  title: string;
  promised: PromiseInput;
  unit: MeasureUnit | null;
  ikm: { value: number | null; grade: string | null; respondents: number } | null;
}

export interface OfficePerformance {
  office: StoredOffice;
  period: Period;
  services: ServicePerformance[];
  rule: { id: string; en: string };
}

export async function readPerformance(ctx: Ctx, office: StoredOffice, q: { periode?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<Outcome<OfficePerformance>> {
  const asked = q.periode || q.from || q.to;
  const parsed = asked ? parsePeriod({ period: q.periode, from: q.from, to: q.to }) : { ok: true as const, value: namedPeriod(lastQuarter(ctx.clock.localDate(office.office, nowOf(ctx).toISOString())))! };
  if (!parsed.ok) return fail('invalid', parsed.error);
  const months = wholeMonths(parsed.value);
  if (!months.ok) return fail('invalid', months.error);
  const [ev, ikm] = await Promise.all([evaluateMonths(ctx, office.id, months.value), ikmByService(ctx, office, parsed.value)]);
  const ikmOf = new Map(ikm.services.map((s) => [s.service?.slug, s]));
  const services = office.services.map((s, i): ServicePerformance => {
    const e = ev.services[i]!.evaluation;
    const k = ikmOf.get(s.service.slug);
    return {
      service: s.service.slug,
      no: String(s.service.no),
      title: s.service.title,
      promised: e.promise,
      unit: e.unit,
      ...publicFigures(e),
      ikm: k && !k.noData ? { value: k.ikm, grade: k.grade, respondents: k.respondents } : null,
    };
  });
  return { ok: true, value: { office, period: parsed.value, services, rule: SUPPRESSION_RULE } };
}
