/**
 * Generates a category's cycles from a round's decree: as many as the decree's frequency and count
 * give (santunan 12 monthly, permakanan 6 every two months, pendidikan one a year), each a draft
 * with the decree's number, the recipients counted and the amount in whole rupiah. Recipients are
 * frozen into a cycle only when it is approved. Audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findRound } from '../../db/programmes-repo.js';
import { cycleExists, insertCycles } from '../../db/programme-cycles-repo.js';
import type { ProgrammeCyclesTable } from '../../db/schema-programme-cycles.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { schedule } from '../../domain/programmes/cycles.js';
import { findCategory } from '../../domain/programmes/eligibility.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { decreedPeople } from './cycle-of.js';
import { officeOf } from './programmes-of.js';

export interface GenerateCyclesInput {
  roundId: string;
  category: string;
  /** YYYY-MM of the first payment or delivery. */
  firstMonth: string;
  /** The number of an SK another official issued (SK Bupati), when the round's SK is not signed in Sigap. */
  decreeNumber?: string | null;
}

export async function generateCycles(ctx: Ctx, actor: Actor, input: GenerateCyclesInput): Promise<Outcome<{ ids: string[]; recipients: number; perRecipient: number | null }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, input.roundId);
  if (!round) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found', 'roundId');
  const category = findCategory(round.programme, input.category);
  if (!category) return failWith('invalid', 'category-unknown', `Kategori tidak ada pada program ini: ${input.category}`, `No such category in this programme: ${input.category}`, 'category');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.firstMonth)) return failWith('invalid', 'first-month', 'Bulan pertama ditulis TTTT-BB, misalnya 2026-01', 'The first month is written YYYY-MM, e.g. 2026-01', 'firstMonth');
  const plan = schedule(category, input.firstMonth);
  if (!plan.ok) return fail('invalid', plan.error);
  const decree = await decreedPeople(ctx, round, input.decreeNumber);
  if (!decree.ok) return decree;
  const people = decree.value.people.filter((p) => p.category === category.key);
  if (people.length === 0) return failWith('conflict', 'no-recipients', `SK ${decree.value.number} tidak menetapkan penerima kategori ${category.name}`, `Decree ${decree.value.number} names no recipient of ${category.name}`, 'category');
  if (await cycleExists(db, round.id, category.key)) return failWith('conflict', 'cycles-exist', `Siklus kategori ${category.name} untuk putaran ini sudah dibuat`, `The cycles of ${category.name} for this round already exist`, 'category');
  const now = nowOf(ctx).toISOString();
  const amount = category.amount.kind === 'cash' ? category.amount.value : null;
  const rows: ProgrammeCyclesTable[] = plan.value.map((s) => ({
    id: randomUUID(),
    office_id: officeId.value,
    programme_slug: round.programme_slug,
    round_id: round.id,
    period: round.period,
    category: category.key,
    seq: s.seq,
    of_count: plan.value.length,
    due_month: s.dueMonth,
    kind: category.amount.kind === 'cash' ? 'cash' : 'in-kind',
    amount,
    decree_number: decree.value.number,
    status: 'draft',
    recipients: people.length,
    excluded: 0,
    total: (amount ?? 0) * people.length,
    snapshot_id: null,
    created_at: now,
    created_by: actor.name,
    approved_at: null,
    approved_by: null,
    closed_at: null,
    closed_by: null,
    close_note: null,
    version: 1,
  }));
  await ctx.database.write(async (trx) => {
    await insertCycles(trx, rows);
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-cycles-generated', subject: `programme-round:${round.id}`, detail: { category: category.key, decree: decree.value.number, cycles: rows.length, firstMonth: input.firstMonth, recipients: people.length, amount }, at: now });
  });
  return { ok: true, value: { ids: rows.map((r) => r.id), recipients: people.length, perRecipient: amount === null ? null : amount * rows.length } };
}
