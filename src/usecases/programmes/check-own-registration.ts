/**
 * The citizen's self-check (issue 14 §7): someone holding both a NIK and its KK learns only whether
 * that person is a decreed recipient of the programme in its latest decreed period ("terdaftar" or
 * "tidak") and the next cycle date. Every check is logged (the NIK asked about, the answer, when)
 * before the answer; the routes rate-limit it. A wrong format is refused without a look-up.
 */
import { decreedInPeriod, decreedPeriods, insertSelfCheck } from '../../db/programme-groups-repo.js';
import { nextDueMonth } from '../../db/programme-deliveries-repo.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { parseKk } from '../../domain/identity/kk.js';
import { parseNik } from '../../domain/identity/nik.js';
import { nowOf, type Ctx } from '../context.js';
import { programmesOf } from './programmes-of.js';

export interface SelfCheckAnswer {
  registered: boolean;
  /** The period the answer is about (the programme's latest with an SK); null when none yet. */
  period: string | null;
  /** YYYY-MM: the due month of the next cycle of the person's category not yet paid, delivered or closed; null when none is planned. */
  nextCycle: string | null;
}

export async function checkOwnRegistration(ctx: Ctx, officeSlug: string, slug: string, input: { nik: string; kk: string }): Promise<Outcome<SelfCheckAnswer>> {
  const office = ctx.catalogue.office(officeSlug);
  const programme = office && programmesOf(ctx, office).find((p) => p.slug === slug);
  if (!office || !programme) return failWith('not-found', 'programme-not-found', 'Program tidak ditemukan', 'Programme not found');
  const today = ctx.clock.localDate(office.office, nowOf(ctx).toISOString());
  const nik = parseNik(input.nik, { today });
  const kk = parseKk(input.kk, { today });
  const problems: FieldProblem[] = [];
  if (!nik.ok) problems.push({ ...nik.error, field: 'nik' });
  if (!kk.ok) problems.push({ ...kk.error, field: 'kk' });
  if (!nik.ok || !kk.ok) return fail('invalid', ...problems);
  const db = ctx.database.db;
  const [period] = await decreedPeriods(db, office.id, slug, 1);
  const category = period ? await decreedInPeriod(db, office.id, slug, period, nik.value.nik, kk.value.kk) : null;
  const registered = category !== null;
  // The earliest cycle of their category not yet paid, delivered or closed, due this month or later.
  const nextCycle = period && category ? await nextDueMonth(db, office.id, slug, period, category, today.slice(0, 7)) : null;
  await insertSelfCheck(db, { office_id: office.id, programme_slug: slug, nik: nik.value.nik, found: registered ? 1 : 0, at: nowOf(ctx).toISOString() });
  return { ok: true, value: { registered, period: period ?? null, nextCycle } };
}
