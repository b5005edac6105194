/**
 * The IKM (Indeks Kepuasan Masyarakat) of an office, or one of its services, over a period,
 * exactly as REFERENCE §2 says: NRR per element, weight exactly 1/9, ×25, rounded only at the end,
 * grade A–D; with the respondents, the population (applications of that office/service completed
 * in the period) and the Krejcie & Morgan minimum sample. One aggregate query per period.
 *
 * An empty period is not an error: it answers `noData: true` with `ikm`, `grade` and the NRR null
 * and a message saying why, never a division by zero.
 */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { aggregateByMonth, aggregateByService, aggregateResponses, population, populationByService, type Aggregate } from '../../db/surveys-repo.js';
import { ELEMENTS, computeIkmFromTotals, sampleAdequacy } from '../../domain/survey/index.js';
import type { Problem } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { monthLabel, monthsOf, periodInstants, type Period } from './periods.js';

/** Shown wherever an IKM is shown (REFERENCE §2). */
export const WEIGHTING_NOTE = {
  id: 'IKM dihitung sesuai PermenPANRB 14/2017 dengan bobot tepat 1/9 untuk setiap unsur (IKM = rata-rata NRR kesembilan unsur × 25) dan hanya dibulatkan di akhir (2 desimal). Laporan yang memakai bobot 0,111 atau 0,11 menghasilkan angka sedikit lebih rendah (contoh: 91,48 menjadi 91,38 atau 90,56).',
  en: 'The IKM follows PermenPANRB 14/2017 with the exact weight 1/9 for every element (IKM = mean of the nine NRR × 25), rounded only at the end (2 decimals). Reports that use a weight of 0.111 or 0.11 print slightly lower figures (e.g. 91.48 becomes 91.38 or 90.56).',
};

export const SAMPLE_NOTE = {
  id: 'Sampel minimum menurut rumus Krejcie & Morgan (χ² = 3,841; P = 0,5; d = 0,05) atas jumlah permohonan yang selesai dilayani dalam periode, dibulatkan ke bilangan bulat terdekat seperti tabel yang dipublikasikan (pembulatan ke atas memberi angka 1 lebih besar untuk sebagian populasi, mis. 500 → 218).',
  en: 'Minimum sample by the Krejcie & Morgan formula (χ² = 3.841, P = 0.5, d = 0.05) on the number of applications completed in the period, rounded to the nearest whole number as in the published table (rounding up gives 1 more for some populations, e.g. 500 → 218).',
};

export interface IkmElementDto {
  code: string;
  name: string;
  nameEn: string;
  nrr: number | null;
  weighted: number | null;
  answered: number;
  total: number;
}

export interface IkmDto {
  office: { slug: string; name: string };
  service: { slug: string; title: string } | null;
  period: { from: string; to: string; label: string; labelEn: string };
  ikm: number | null;
  index: number | null;
  grade: string | null;
  gradeLabel: string | null;
  gradeLabelEn: string | null;
  respondents: number;
  population: number;
  minimumSample: number;
  sufficient: boolean;
  shortfall: number;
  noData: boolean;
  message: string | null;
  messageEn: string | null;
  elements: IkmElementDto[];
  warnings: Problem[];
  method: { weighting: string; weightingEn: string; sample: string; sampleEn: string };
}

/** The IKM DTO from one aggregate and its population. */
export function ikmFromAggregate(agg: Aggregate, pop: number, base: Pick<IkmDto, 'office' | 'service' | 'period'>): IkmDto {
  const r = computeIkmFromTotals({ totals: agg.totals, counts: agg.counts, respondents: agg.n });
  const sample = sampleAdequacy(agg.n, pop);
  const method = { weighting: WEIGHTING_NOTE.id, weightingEn: WEIGHTING_NOTE.en, sample: SAMPLE_NOTE.id, sampleEn: SAMPLE_NOTE.en };
  if (!r.ok)
    return {
      ...base,
      ikm: null,
      index: null,
      grade: null,
      gradeLabel: null,
      gradeLabelEn: null,
      respondents: 0,
      population: pop,
      minimumSample: sample.minimumSample,
      sufficient: sample.sufficient,
      shortfall: sample.shortfall,
      noData: true,
      message: `Belum ada kuesioner SKM untuk periode ini (${base.period.label}), sehingga IKM belum dapat dihitung.`,
      messageEn: `No SKM questionnaire for this period (${base.period.labelEn}) yet, so the IKM cannot be computed.`,
      elements: ELEMENTS.map((e) => ({ code: e.code, name: e.name, nameEn: e.nameEn, nrr: null, weighted: null, answered: 0, total: 0 })),
      warnings: [],
      method,
    };
  return {
    ...base,
    ikm: r.ikm,
    index: r.index,
    grade: r.grade,
    gradeLabel: r.gradeLabel,
    gradeLabelEn: r.gradeLabelEn,
    respondents: r.respondents,
    population: pop,
    minimumSample: sample.minimumSample,
    sufficient: sample.sufficient,
    shortfall: sample.shortfall,
    noData: false,
    message: null,
    messageEn: null,
    elements: r.elements.map((e) => ({ code: e.code, name: e.name, nameEn: e.nameEn, nrr: e.nrr, weighted: e.weighted, answered: e.answered, total: e.total })),
    warnings:
      pop === 0
        ? [
            ...r.warnings,
            {
              code: 'population-unknown',
              message: 'Tidak ada permohonan selesai yang tercatat di Sigap pada periode ini, sehingga populasi 0 dan sampel minimum tidak bermakna; bila layanan dicatat di luar Sigap, periksa kecukupan sampel secara manual.',
              messageEn: 'No completed application is recorded in Sigap for this period, so the population is 0 and the minimum sample means nothing; if the service is recorded outside Sigap, check the sample size by hand.',
            },
          ]
        : r.warnings,
    method,
  };
}

const baseOf = (office: StoredOffice, service: StoredService | undefined, period: Period) => ({
  office: { slug: office.office.slug, name: office.office.name },
  service: service ? { slug: service.service.slug, title: service.service.title } : null,
  period: { from: period.from, to: period.to, label: period.label, labelEn: period.labelEn },
});

export async function ikmFor(ctx: Ctx, office: StoredOffice, period: Period, service?: StoredService): Promise<IkmDto> {
  const db = ctx.database.db;
  const { start, end } = periodInstants(period, office.office.timezone);
  const [agg, pop] = await Promise.all([
    aggregateResponses(db, { officeId: office.id, from: period.from, to: period.to, serviceId: service?.id }),
    population(db, office.id, start, end, service?.id),
  ]);
  return ikmFromAggregate(agg, pop, baseOf(office, service, period));
}

/** The office's IKM and each service's (services with responses or served applications in the period). */
export async function ikmByService(ctx: Ctx, office: StoredOffice, period: Period): Promise<{ office: IkmDto; services: IkmDto[]; unassigned: IkmDto | null }> {
  const db = ctx.database.db;
  const { start, end } = periodInstants(period, office.office.timezone);
  const scope = { officeId: office.id, from: period.from, to: period.to };
  const [all, pop, byService, popByService] = await Promise.all([aggregateResponses(db, scope), population(db, office.id, start, end), aggregateByService(db, scope), populationByService(db, office.id, start, end)]);
  const services: IkmDto[] = [];
  for (const s of office.services) {
    const agg = byService.get(s.id);
    const p = popByService.get(s.id) ?? 0;
    if (!agg && p === 0) continue;
    services.push(ikmFromAggregate(agg ?? { n: 0, totals: Array(9).fill(0), counts: Array(9).fill(0) }, p, baseOf(office, s, period)));
  }
  // Kiosk or paper questionnaires that named no service count for the office only.
  const none = byService.get(null);
  const unassigned = none ? ikmFromAggregate(none, 0, baseOf(office, undefined, period)) : null;
  return { office: ikmFromAggregate(all, pop, baseOf(office, undefined, period)), services, unassigned };
}

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
    const b = buckets.get(key) ?? { label, labelEn, agg: { n: 0, totals: Array(9).fill(0), counts: Array(9).fill(0) } };
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
