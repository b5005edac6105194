/**
 * The oversight's scheduled checks (issue 15 §1/§4), run by the background scheduler for each
 * office: the validation rules ("served ≤ needing", "occupancy ≤ capacity", "stock ≥ 0") and the
 * evaluation reminders at the office's cadence. One process claims an office's run for a local
 * day (a row in oversight_runs: on PostgreSQL and SQLite alike, the insert that wins is the
 * claim); each finding or reminder is a notice recorded once under its (rule, period, subject) key,
 * audited, and listed on the oversight page — a breach still there the next day is not told again.
 */
import { join } from 'node:path';
import { claimRun, finishRun, negativeStock, overfullShelters, recordNotice } from '../../db/figures-repo.js';
import { dueCycle, type Reminder } from '../../domain/oversight/reminders.js';
import { validationNotices, type NoticeDraft } from '../../domain/oversight/validation-rules.js';
import { loadOfficeReminders } from '../../io/oversight-file.js';
import { nowOf, type Ctx } from '../context.js';
import { computeSpm } from './compute-spm.js';

const SCHEDULER = 'Sigap (pemeriksaan terjadwal)';

// Office data, read once per process like the SPM mapping (validated when the standards load).
const loaded = new WeakMap<object, Map<string, Reminder[]>>();
export function remindersOf(ctx: Pick<Ctx, 'standardsDir' | 'caches' | 'catalogue'>, officeId: string): Reminder[] {
  const o = ctx.catalogue.officeById(officeId);
  let byOffice = loaded.get(ctx.caches);
  if (!byOffice) loaded.set(ctx.caches, (byOffice = new Map()));
  let found = byOffice.get(o.office.slug);
  if (!found) byOffice.set(o.office.slug, (found = loadOfficeReminders(join(ctx.standardsDir, o.office.slug), o.office.roles.map((r) => r.id)).reminders));
  return found;
}

/** The reminders due on `today`: each reminder's cycle just ended (recorded once, so a day the server was down is caught up). */
export function reminderNotices(reminders: readonly Reminder[], today: string): NoticeDraft[] {
  return reminders.map((r) => {
    const c = dueCycle(r.every_months, today);
    return {
      rule: `reminder:${r.id}`,
      period: c.key,
      subject: '',
      roles: r.roles,
      text: { id: `${r.what}: periode ${c.key} (${c.from} – ${c.to}) sudah berakhir, jatuh tempo ${c.dueOn}.`, en: `${r.what_en}: the period ${c.key} (${c.from} – ${c.to}) has ended, due ${c.dueOn}.` },
    };
  });
}

export interface CheckRun {
  /** False when another process (or an earlier run today) already claimed this office's day. */
  ran: boolean;
  /** Notices recorded now (new findings and reminders); repeated ones are not counted. */
  told: number;
}

export async function runOversightChecks(ctx: Ctx, officeId: string): Promise<CheckRun> {
  const office = ctx.catalogue.officeById(officeId);
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(office.office, now);
  if (!(await claimRun(ctx.database.db, { officeId, job: 'checks', period: today, at: now }))) return { ran: false, told: 0 };
  const db = ctx.database.db;
  const [spm, shelters, stock] = await Promise.all([computeSpm(ctx, office, Number(today.slice(0, 4))), overfullShelters(db, officeId), negativeStock(db, officeId)]);
  const declared = new Set(office.office.roles.map((r) => r.id));
  const drafts = [...validationNotices({ today, spm, shelters, stock }), ...reminderNotices(remindersOf(ctx, officeId), today)];
  let told = 0;
  for (const d of drafts) {
    const kind = d.rule.startsWith('reminder:') ? 'reminder' : 'finding';
    const roles = d.roles.filter((r) => declared.has(r));
    const isNew = await ctx.database.write((trx) =>
      recordNotice(trx, { office_id: officeId, kind, rule: d.rule, period: d.period, subject: d.subject, detail: JSON.stringify(d.text), roles: JSON.stringify(roles.length ? roles : ['kepala-dinas']), found_at: now }, SCHEDULER),
    );
    if (isNew) told++;
  }
  await finishRun(db, { officeId, job: 'checks', period: today, notices: told });
  return { ran: true, told };
}
