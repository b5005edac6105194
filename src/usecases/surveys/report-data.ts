/**
 * Everything the printable IKM report shows for a period: the IKM and NRR, the trend, the IKM per
 * service, the respondents' profile, the lowest elements, the suggestions and the office's
 * follow-up plan (rencana tindak lanjut).
 */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { countSuggestions, getFollowup, profileCounts, suggestions } from '../../db/surveys-repo.js';
import type { Period } from '../../domain/surveys/periods.js';
import { PROFILE_FIELDS, optionLabel } from '../../domain/surveys/questionnaire.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { ikmFor } from './compute-ikm.js';
import { ikmByService } from './compute-ikm-by-service.js';
import { ikmTrend, type TrendPoint } from './compute-ikm-trend.js';
import type { IkmDto, IkmElementDto } from './ikm-dto.js';

const MAX_SUGGESTIONS_IN_REPORT = 300;

export interface IkmReportData {
  office: { name: string; government: string; address: string; slug: string };
  period: Period;
  service: { slug: string; title: string } | null;
  ikm: IkmDto;
  services: IkmDto[];
  trend: TrendPoint[];
  profile: { label: string; rows: { label: string; n: number; pct: number }[] }[];
  lowest: IkmElementDto[];
  suggestions: { date: string; service: string | null; text: string }[];
  suggestionsTotal: number;
  followUp: { text: string; by: string; atLocal: string } | null;
  generatedAtLocal: string;
}

export async function ikmReportData(ctx: Ctx, office: StoredOffice, period: Period, service?: StoredService): Promise<IkmReportData> {
  const db = ctx.database.db;
  const scope = { officeId: office.id, from: period.from, to: period.to, serviceId: service?.id };
  const ikm = await ikmFor(ctx, office, period, service);
  const services = service ? [] : (await ikmByService(ctx, office, period)).services;
  const trend = await ikmTrend(ctx, office, period, service);
  const profile = [];
  for (const f of PROFILE_FIELDS) {
    const counts = await profileCounts(db, scope, f.column);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const rows = [...f.options.map((o) => ({ id: o.id as string | null })), { id: null }]
      .map(({ id }) => ({ label: optionLabel(f.options, id), n: counts.get(id) ?? 0 }))
      .filter((r) => r.n > 0)
      .map((r) => ({ ...r, pct: total ? (r.n / total) * 100 : 0 }));
    profile.push({ label: f.label, rows });
  }
  const lowest = ikm.elements
    .filter((e) => e.nrr !== null)
    .sort((a, b) => a.nrr! - b.nrr! || a.code.localeCompare(b.code))
    .slice(0, 3);
  const titleOf = new Map(office.services.map((s) => [s.id, s.service.title]));
  const sugg = await suggestions(db, scope, MAX_SUGGESTIONS_IN_REPORT);
  const f = await getFollowup(db, office.id, service?.id ?? '', period.from, period.to);
  const now = nowOf(ctx).toISOString();
  return {
    office: { name: office.office.name, government: office.office.government, address: office.office.address, slug: office.office.slug },
    period,
    service: service ? { slug: service.service.slug, title: service.service.title } : null,
    ikm,
    services,
    trend,
    profile,
    lowest,
    suggestions: sugg.map((s) => ({ date: s.responded_on, service: s.service_id ? (titleOf.get(s.service_id) ?? null) : null, text: s.suggestion ?? '' })),
    suggestionsTotal: await countSuggestions(db, scope),
    followUp: f ? { text: f.text, by: f.updated_by, atLocal: ctx.clock.local(office.office, f.updated_at) } : null,
    generatedAtLocal: ctx.clock.local(office.office, now),
  };
}
