/** Records the group's report after disbursement (date and a short note), saying whether it came after the deadline. Audited. */
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { pastDate, stepGroup } from './group-of.js';

export interface GroupReportInput {
  date: string;
  note: string;
  version: number;
}

export async function recordGroupReport(ctx: Ctx, actor: Actor, id: string, input: GroupReportInput): Promise<Outcome<{ version: number; late: boolean }>> {
  let late = false;
  const r = await stepGroup(ctx, actor, id, {
    from: 'disbursed',
    to: 'reported',
    action: 'programme-group-reported',
    version: input.version,
    set: (g, today) => {
      const future = pastDate('date', ['Tanggal laporan', 'The report date'], input.date, today);
      if (future) return [future];
      if (g.disbursed_on && input.date < g.disbursed_on)
        return [{ field: 'date', code: 'report-before-disbursement', message: `Tanggal laporan sebelum pencairan (${g.disbursed_on})`, messageEn: `The report date is before the disbursement (${g.disbursed_on})` }];
      late = g.report_due !== null && input.date > g.report_due;
      return { reported_on: input.date, report_note: input.note.trim() };
    },
  });
  return r.ok ? { ok: true, value: { version: r.value.version, late } } : r;
}
