/**
 * Records that the group's aid was disbursed to its account (date, amount) and sets the report's
 * deadline from the programme data (RST: 105 calendar days from disbursement; none where the decree
 * states none). A group whose decree the programme names must have it recorded first. Audited.
 */
import type { Outcome } from '../../domain/errors.js';
import { reportDue } from '../../domain/programmes/groups.js';
import type { Actor, Ctx } from '../context.js';
import { pastDate, stepGroup } from './group-of.js';

export interface GroupDisbursementInput {
  date: string;
  amount: number;
  version: number;
}

export async function recordGroupDisbursement(ctx: Ctx, actor: Actor, id: string, input: GroupDisbursementInput): Promise<Outcome<{ version: number; reportDue: string | null }>> {
  const r = await stepGroup(ctx, actor, id, {
    from: 'decreed',
    to: 'disbursed',
    action: 'programme-group-disbursed',
    version: input.version,
    set: (g, today) => {
      const late = pastDate('date', ['Tanggal pencairan', 'The disbursement date'], input.date, today);
      if (late) return [late];
      const cap = g.programme.group?.amountPerGroup;
      if (cap && cap.value !== null && input.amount > cap.value)
        return [{ field: 'amount', code: 'amount-over', message: `Jumlah melebihi bantuan per kelompok; ketentuan: "${cap.text}"`, messageEn: `The amount exceeds the aid per group; the rule: "${cap.text}"` }];
      return { disbursed_on: input.date, disbursed_amount: input.amount, report_due: reportDue(g.programme, input.date) };
    },
  });
  return r.ok ? { ok: true, value: { version: r.value.version, reportDue: r.value.set.report_due ?? null } } : r;
}
