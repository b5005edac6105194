/**
 * Everything the printable IKM report shows for a period: the IKM and NRR, the trend, the IKM per
 * service, the respondents' profile, the lowest elements, the suggestions and the office's
 * follow-up plan (rencana tindak lanjut).
 */
import { randomUUID } from 'node:crypto';
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { countSuggestions, getFollowup, profileCounts, suggestions, upsertFollowup } from '../../db/surveys-repo.js';
import { cleanText } from '../../domain/complaints/text.js';
import type { Problem } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { ikmByService, ikmFor, ikmTrend, type IkmDto, type IkmElementDto, type TrendPoint } from './compute-ikm.js';
import type { Period } from './periods.js';
import { PROFILE_FIELDS, optionLabel } from './questionnaire.js';
import { canPlanFollowup } from './survey-roles.js';

export const MAX_SUGGESTIONS_IN_REPORT = 300;

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

/** Saves the office's follow-up plan for a period (and service), audited. */
export async function saveFollowup(ctx: Ctx, actor: Actor, office: StoredOffice, period: Period, service: StoredService | undefined, text: unknown): Promise<{ ok: true } | { ok: false; status: 403 | 422; error: Problem & { field?: string } }> {
  if (!canPlanFollowup(actor)) return { ok: false, status: 403, error: { code: 'role-required', message: 'Hanya admin, petugas survei atau Kepala Dinas yang dapat mengisi rencana tindak lanjut', messageEn: 'Only the admin, a surveyor or the head of office can write the follow-up plan' } };
  const t = cleanText(text, { field: 'text', label: 'Rencana tindak lanjut', labelEn: 'Follow-up plan', min: 3, max: 8000, multiline: true, required: true });
  if (!t.ok) return { ok: false, status: 422, error: t.problem };
  const now = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await upsertFollowup(trx, { office_id: office.id, scope: service?.id ?? '', period_from: period.from, period_to: period.to, text: t.value!, updated_by: actor.name, updated_at: now });
    await trx
      .insertInto('audit_events')
      .values({ id: randomUUID(), office_id: office.id, actor: actor.name, action: 'survey.follow-up', subject: `office:${office.office.slug}`, detail: JSON.stringify({ from: period.from, to: period.to, service: service?.service.slug ?? null }), at: now })
      .execute();
  });
  return { ok: true };
}
