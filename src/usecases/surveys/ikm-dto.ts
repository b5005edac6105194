/**
 * The IKM as every answer shows it (API, pages, report): the figures of REFERENCE §2 with the
 * respondents, the population and the minimum sample, the method notes, and a clear "no data"
 * for an empty period (`noData: true`, `ikm`/`grade`/NRR null and a message; never a division
 * by zero).
 */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import type { Aggregate } from '../../db/surveys-repo.js';
import type { Problem } from '../../domain/errors.js';
import { ELEMENTS, computeIkmFromTotals, sampleAdequacy, type ElementCode } from '../../domain/surveys/index.js';
import type { Period } from '../../domain/surveys/periods.js';

/** Shown wherever an IKM is shown (REFERENCE §2). */
const WEIGHTING_NOTE = {
  id: 'IKM dihitung sesuai PermenPANRB 14/2017 dengan bobot tepat 1/9 untuk setiap unsur (IKM = rata-rata NRR kesembilan unsur × 25) dan hanya dibulatkan di akhir (2 desimal). Laporan yang memakai bobot 0,111 atau 0,11 menghasilkan angka sedikit lebih rendah (contoh: 91,48 menjadi 91,38 atau 90,56).',
  en: 'The IKM follows PermenPANRB 14/2017 with the exact weight 1/9 for every element (IKM = mean of the nine NRR × 25), rounded only at the end (2 decimals). Reports that use a weight of 0.111 or 0.11 print slightly lower figures (e.g. 91.48 becomes 91.38 or 90.56).',
};

const SAMPLE_NOTE = {
  id: 'Sampel minimum menurut rumus Krejcie & Morgan (χ² = 3,841; P = 0,5; d = 0,05) atas jumlah permohonan yang selesai dilayani dalam periode, dibulatkan ke bilangan bulat terdekat seperti tabel yang dipublikasikan (pembulatan ke atas memberi angka 1 lebih besar untuk sebagian populasi, mis. 500 → 218).',
  en: 'Minimum sample by the Krejcie & Morgan formula (χ² = 3.841, P = 0.5, d = 0.05) on the number of applications completed in the period, rounded to the nearest whole number as in the published table (rounding up gives 1 more for some populations, e.g. 500 → 218).',
};

export interface IkmElementDto {
  code: ElementCode;
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

/** What an IKM is about: the office, the service (or null for the whole office) and the period. */
export const ikmBase = (office: StoredOffice, service: StoredService | undefined, period: Period) => ({
  office: { slug: office.office.slug, name: office.office.name },
  service: service ? { slug: service.service.slug, title: service.service.title } : null,
  period: { from: period.from, to: period.to, label: period.label, labelEn: period.labelEn },
});

/** An aggregate of no questionnaire (a service with served applications but no response yet). */
export const emptyAggregate = (): Aggregate => ({ n: 0, totals: Array(9).fill(0), counts: Array(9).fill(0) });
