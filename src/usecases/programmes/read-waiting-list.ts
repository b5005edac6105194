/**
 * Reading what a replacement of a decreed round would change: the recipients who have left (reason
 * and date) and the ranked waiting list, NIK masked, each person shown logged with the
 * verification purpose before the answer.
 */
import type { Outcome } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/mask.js';
import type { Waiting } from '../../domain/programmes/replacement.js';
import type { DocumentPerson } from '../../domain/programmes/rounds.js';
import { logDataReads } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { replacementOf } from './replacement-of.js';

/** The waiting list shows at most this many, ranked. */
const SHOWN = 100;

export interface WaitingListView {
  round: { id: string; programme: string; programmeName: string; period: string; stage: string; decree: string };
  kept: number;
  removed: DocumentPerson[];
  waiting: (Waiting & { rank: number })[];
  total: number;
}

export async function readWaitingList(ctx: Ctx, actor: Actor, roundId: string): Promise<Outcome<WaitingListView>> {
  const r = await replacementOf(ctx, actor, roundId);
  if (!r.ok) return r;
  const { officeId, base, sk, kept, removed, waiting } = r.value;
  const shown = waiting.slice(0, SHOWN);
  await logDataReads(ctx, actor, [...removed, ...shown].map((p) => ({ officeId, recordKind: 'programme-candidate' as const, recordId: p.candidateId, subjectNik: p.nik, purpose: 'programme-verification' as const, fields: ['name', 'village', 'category'] })));
  return {
    ok: true,
    value: {
      round: { id: base.id, programme: base.programme_slug, programmeName: base.programme.name, period: base.period, stage: base.stage, decree: sk.number },
      kept: kept.length,
      removed: removed.map((p) => ({ ...p, nik: maskNik(p.nik) })),
      waiting: shown.map((w, i) => ({ ...w, nik: maskNik(w.nik), rank: i + 1 })),
      total: waiting.length,
    },
  };
}
