/**
 * Quota queues (Banjarmasin JKN-KIS: "sesuai dengan ketersediaan kuota usulan pada APBD maupun
 * APBN"): the office records a period's quota as allotted (the decree states no size), and each
 * proposal takes the next place in that period's queue; the answer is the applicant's position and
 * whether it falls within the quota. A person is queued once per period. Audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { applicationByNumber, insertQueued, lastQueuePosition, queuedByRegistration, quotaOf, queuedPerson, upsertQuota } from '../../db/programme-groups-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { parseNik } from '../../domain/identity/nik.js';
import { findCategory } from '../../domain/programmes/eligibility.js';
import { NOT_STATED, type Programme } from '../../domain/programmes/schema.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { findProgramme, officeOf } from './programmes-of.js';

export interface QueuePlace {
  position: number;
  quota: number | null;
  withinQuota: boolean | null;
}

/** Only a programme whose decree speaks of a quota queues against one. */
const quotaProgramme = (ctx: Ctx, actor: Actor, slug: string): Outcome<{ officeId: string; programme: Programme; today: string }> => {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  const p = found.value.programme;
  if (p.quota.value === null && p.quota.text === NOT_STATED)
    return failWith('invalid', 'no-quota', `Keputusan tidak menyebut kuota untuk program ini: ${p.name}`, `The decree names no quota for this programme: ${p.name}`);
  return { ok: true, value: { officeId: officeId.value, programme: p, today: ctx.clock.localDate(found.value.office.office, nowOf(ctx).toISOString()) } };
};

export const placeOf = (position: number, quota: number | null): QueuePlace => ({ position, quota, withinQuota: quota === null ? null : position <= quota });

/** The period's quota: as the office recorded it, else the decree's own number, else unknown. */
export async function periodQuota(ctx: Ctx, officeId: string, p: Programme, period: string): Promise<number | null> {
  return (await quotaOf(ctx.database.db, officeId, p.slug, period))?.quota ?? p.quota.value;
}

export async function setProgrammeQuota(ctx: Ctx, actor: Actor, slug: string, input: { period: string; quota: number; note: string }): Promise<Outcome<{ quota: number }>> {
  const found = quotaProgramme(ctx, actor, slug);
  if (!found.ok) return found;
  const now = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await upsertQuota(trx, { office_id: found.value.officeId, programme_slug: slug, period: input.period, quota: input.quota, note: input.note.trim(), set_at: now, set_by: actor.name });
    await insertAuditEvent(trx, { officeId: found.value.officeId, actor: actor.name, action: 'programme-quota-set', subject: `programme:${slug}:${input.period}`, detail: input, at: now });
  });
  return { ok: true, value: { quota: input.quota } };
}

export interface QueueInput {
  period: string;
  nik: string;
  name: string;
  category: string;
  registrationNumber?: string | null;
}

export async function queueProposal(ctx: Ctx, actor: Actor, slug: string, input: QueueInput): Promise<Outcome<QueuePlace & { id: string }>> {
  const found = quotaProgramme(ctx, actor, slug);
  if (!found.ok) return found;
  const { officeId, programme: p, today } = found.value;
  if (!findCategory(p, input.category)) return failWith('invalid', 'category-unknown', `Kategori tidak ada pada program ini: ${input.category}`, `No such category in this programme: ${input.category}`, 'category');
  const nik = parseNik(input.nik, { today });
  if (!nik.ok) return fail('invalid', { ...nik.error, field: 'nik' });
  const db = ctx.database.db;
  const number = input.registrationNumber?.trim() || null;
  if (number) {
    // The applicant sees the place on the case's tracking page: the number must be this person's case of the programme's service.
    const service = p.service ? ctx.catalogue.officeById(officeId).services.find((s) => s.service.slug === p.service) : undefined;
    const app = service ? await applicationByNumber(db, officeId, service.id, number) : undefined;
    if (!app || app.applicant_nik !== nik.value.nik)
      return failWith('invalid', 'application-not-matching', `Nomor registrasi ${number} bukan permohonan ${p.name} atas NIK ini`, `Registration number ${number} is not this NIK's application for ${p.name}`, 'registrationNumber');
  }
  const already = await queuedPerson(db, officeId, slug, input.period, nik.value.nik);
  if (already)
    return failWith('conflict', 'already-queued', `NIK ini sudah dalam antrean periode ${input.period} pada nomor ${already.position}`, `This NIK is already queued for ${input.period} at position ${already.position}`, 'nik');
  const quota = await periodQuota(ctx, officeId, p, input.period);
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  // Two clerks at once: the unique (period, position) constraint refuses the second; it takes the next place.
  for (let attempt = 0; ; attempt++) {
    try {
      let position = 0;
      await ctx.database.write(async (trx) => {
        position = (await lastQueuePosition(trx, officeId, slug, input.period)) + 1;
        await insertQueued(trx, { id, office_id: officeId, programme_slug: slug, period: input.period, position, nik: nik.value.nik, name: input.name.trim().toUpperCase(), category: input.category, registration_number: number, created_at: now, created_by: actor.name });
        await insertAuditEvent(trx, { officeId, actor: actor.name, action: 'programme-proposal-queued', subject: `programme-queue:${id}`, detail: { programme: slug, period: input.period, position, category: input.category }, at: now });
      });
      return { ok: true, value: { id, ...placeOf(position, quota) } };
    } catch (e) {
      if (attempt >= 3) throw e;
      if (await queuedPerson(db, officeId, slug, input.period, nik.value.nik))
        return failWith('conflict', 'already-queued', `NIK ini sudah dalam antrean periode ${input.period}`, `This NIK is already queued for ${input.period}`, 'nik');
    }
  }
}

export interface CaseQueuePlace extends QueuePlace {
  programme: string;
  period: string;
}

/** The places a case holds in quota queues, for its tracking page: programme, period, position and whether within the quota. */
export async function queuePlacesOfCase(ctx: Ctx, officeId: string, registrationNumber: string): Promise<CaseQueuePlace[]> {
  const rows = await queuedByRegistration(ctx.database.db, officeId, registrationNumber);
  const out: CaseQueuePlace[] = [];
  for (const r of rows) {
    const found = findProgramme(ctx, officeId, r.programme_slug);
    if (!found.ok) continue;
    out.push({ programme: found.value.programme.name, period: r.period, ...placeOf(r.position, await periodQuota(ctx, officeId, found.value.programme, r.period)) });
  }
  return out;
}
