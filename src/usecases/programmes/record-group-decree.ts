/**
 * Records the group's own decree (KUBE: "Surat Keputusan (SK) dari Lurah setempat"): its number,
 * date and issuer as the programme data names it. Sigap records it and does not sign it (the
 * issuer is not the head of office). Audited.
 */
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { pastDate, stepGroup } from './group-of.js';

export interface GroupDecreeInput {
  number: string;
  date: string;
  version: number;
}

export async function recordGroupDecree(ctx: Ctx, actor: Actor, id: string, input: GroupDecreeInput): Promise<Outcome<{ version: number }>> {
  const r = await stepGroup(ctx, actor, id, {
    from: 'proposed',
    to: 'decreed',
    action: 'programme-group-decree-recorded',
    version: input.version,
    set: (g, today) => {
      const late = pastDate('date', ['Tanggal SK', 'The decree date'], input.date, today);
      if (late) return [late];
      if (input.date < g.proposal_date) return [{ field: 'date', code: 'decree-before-proposal', message: `Tanggal SK sebelum tanggal usulan (${g.proposal_date})`, messageEn: `The decree date is before the proposal date (${g.proposal_date})` }];
      return { decree_number: input.number.trim(), decree_date: input.date, decree_issuer: g.programme.group?.groupDecreeIssuer ?? 'not-stated' };
    },
  });
  return r.ok ? { ok: true, value: { version: r.value.version } } : r;
}
