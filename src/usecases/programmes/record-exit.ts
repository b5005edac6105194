/**
 * Records that a recipient left a programme for a period, with the reason and date (meninggal
 * dunia, pindah, tidak lagi memenuhi syarat, menolak): every cycle approved after it keeps them
 * out with that reason, and their place is the next decree's to fill. Audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findExit, insertExit } from '../../db/programme-cycles-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { EXIT_REASONS, type ExitReason } from '../../domain/programmes/cycles.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { findProgramme, officeOf } from './programmes-of.js';

const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

export interface ExitInput {
  period: string;
  nik: string;
  name: string;
  reason: ExitReason;
  date: string;
  note?: string | null;
}

export async function recordExit(ctx: Ctx, actor: Actor, slug: string, input: ExitInput): Promise<Outcome<{ id: string }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  if (!/^\d{16}$/.test(input.nik)) return failWith('invalid', 'nik', 'NIK harus 16 angka', 'The NIK must be 16 digits', 'nik');
  if (!EXIT_REASONS.includes(input.reason)) return failWith('invalid', 'reason', 'Pilih alasan keluar', 'Choose the reason for leaving', 'reason');
  if (!isDate(input.date)) return failWith('invalid', 'date', 'Tanggal keluar ditulis TTTT-BB-HH', 'The date is written YYYY-MM-DD', 'date');
  const db = ctx.database.db;
  if (await findExit(db, officeId.value, slug, input.period, input.nik))
    return failWith('conflict', 'exit-exists', 'Penerima ini sudah tercatat keluar pada periode ini', 'This recipient is already recorded as leaving in this period', 'nik');
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  const note = input.note?.trim().slice(0, 500) || null;
  await ctx.database.write(async (trx) => {
    await insertExit(trx, { id, office_id: officeId.value, programme_slug: slug, period: input.period, nik: input.nik, name: input.name.trim().slice(0, 200), reason: input.reason, note, exit_date: input.date, recorded_by: actor.name, recorded_at: now });
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-recipient-exited', subject: `programme:${slug}`, detail: { period: input.period, nik: input.nik, reason: input.reason, date: input.date, note }, at: now });
  });
  return { ok: true, value: { id } };
}
