/** The IKM month by month over a period (quarter by quarter beyond two years), for the trend chart. */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { aggregateByMonth, type Aggregate } from '../../db/surveys-repo.js';
import { computeIkmFromTotals } from '../../domain/surveys/index.js';
import { monthLabel, monthsOf, type Period } from '../../domain/surveys/periods.js';
import type { Ctx } from '../context.js';
import { emptyAggregate } from './ikm-dto.js';

export interface TrendPoint {
  key: string;
  label: string;
  labelEn: string;
  ikm: number | null;
  respondents: number;
}

/** IKM per month of the period (per quarter when the period spans more than 24 months). */
export async function ikmTrend(ctx: Ctx, office: StoredOffice, period: Period, service?: StoredService): Promise<TrendPoint[]> {
  const byMonth = await aggregateByMonth(ctx.database.db, { officeId: office.id, from: period.from, to: period.to, serviceId: service?.id });
  const months = monthsOf(period);
  const quarterly = months.length > 24;
  const buckets = new Map<string, { label: string; labelEn: string; agg: Aggregate }>();
  for (const m of months) {
    const key = quarterly ? `${m.slice(0, 4)}-Q${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}` : m;
    const label = quarterly ? `TW${key.slice(-1)} ${key.slice(0, 4)}` : monthLabel(m, 'id');
    const labelEn = quarterly ? `Q${key.slice(-1)} ${key.slice(0, 4)}` : monthLabel(m, 'en');
    const b = buckets.get(key) ?? { label, labelEn, agg: emptyAggregate() };
    const a = byMonth.get(m);
    if (a) {
      b.agg.n += a.n;
      a.totals.forEach((t, i) => (b.agg.totals[i]! += t));
      a.counts.forEach((c, i) => (b.agg.counts[i]! += c));
    }
    buckets.set(key, b);
  }
  return [...buckets.entries()].map(([key, b]) => {
    const r = computeIkmFromTotals({ totals: b.agg.totals, counts: b.agg.counts, respondents: b.agg.n });
    return { key, label: b.label, labelEn: b.labelEn, ikm: r.ok ? r.ikm : null, respondents: b.agg.n };
  });
}
