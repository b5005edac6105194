/**
 * Opens the amending round of a decreed round once recipients have left: it keeps everyone the SK
 * names who has not left, adds the top of the ranked waiting list for each freed place, and issues
 * its Berita Acara Tim Verifikasi dan Validasi listing every change (each removal with its reason
 * and date, each replacement with the proposal and report it comes from), signed and numbered in
 * the office's register like any berita acara. The amending SK follows (issue-amending-decree.ts).
 */
import { randomUUID } from 'node:crypto';
import { insertCandidates, insertRound, roundsOf, type Round } from '../../db/programmes-repo.js';
import { amendingRoundOf } from '../../db/programme-cycles-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { amendmentStage, isAmendment, replacementReportText } from '../../domain/programmes/replacement.js';
import type { DocumentPerson } from '../../domain/programmes/rounds.js';
import { roleMay } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { candidateRowsOf, replacementOf } from './replacement-of.js';
import { signRound } from './sign-document.js';

export async function prepareReplacement(ctx: Ctx, actor: Actor, baseRoundId: string): Promise<Outcome<{ roundId: string; number: string; removed: number; added: number; kept: number }>> {
  if (!actor.id) return failWith('forbidden', 'office-required', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  const r = await replacementOf(ctx, actor, baseRoundId);
  if (!r.ok) return r;
  const { officeId, base, sk, kept, removed, waiting } = r.value;
  if (removed.length === 0) return failWith('conflict', 'nothing-to-replace', 'Tidak ada penerima SK ini yang tercatat keluar; tidak ada yang perlu diganti', 'No recipient of this decree is recorded as leaving; nothing to replace');
  const db = ctx.database.db;
  const amended = await amendingRoundOf(db, officeId, base.id);
  if (amended) return failWith('conflict', 'already-amended', `SK putaran ini sudah diubah oleh putaran ${amended.stage}; penggantian berikutnya mengubah putaran itu`, `This round's decree is already amended by round ${amended.stage}; the next replacement amends that round`);
  const later = (await roundsOf(db, officeId, base.programme_slug, 200)).filter((x) => x.period === base.period && isAmendment(x.stage));
  const chosen = waiting.slice(0, removed.length);
  const added: DocumentPerson[] = chosen.map((w) => ({ candidateId: w.candidateId, nik: w.nik, name: w.name, category: w.category, village: w.village, result: 'eligible', reason: `pengganti dari usulan yang telah diverifikasi: ${w.stage}, Berita Acara Nomor ${w.report}` }));
  const rows = await candidateRowsOf(ctx, [base.id, ...chosen.map((w) => w.roundId)]);
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  const stage = amendmentStage(later.length + 1);
  const round: Round = { ...base, id, stage, status: 'verifying', created_at: now, created_by: actor.name, version: 1, amends_round_id: base.id, snapshot_id: null };
  const copy = (p: DocumentPerson, note: string) => {
    const c = rows.get(p.candidateId)!;
    return { ...c, id: randomUUID(), round_id: id, checks: JSON.stringify(c.checks), verification: 'eligible', reason: null, source_note: note, created_at: now, version: 1 };
  };
  const role = actor.roles.find((x) => roleMay(x, 'programmes.report')) ?? actor.roles[0]!;
  const changes = [...removed, ...added];
  const done = await signRound(ctx, { ...actor, id: actor.id }, {
    round,
    kind: 'berita-acara',
    role,
    delegation: null,
    people: changes,
    nextStatus: 'reported',
    before: async (trx) => {
      await insertRound(trx, { ...round, programme: JSON.stringify(base.programme) });
      await insertCandidates(trx, [...kept.map((p) => copy(p, `SK ${sk.number}`)), ...added.map((p) => copy(p, p.reason!))]);
    },
    text: (office, _issuedOn, masked) => replacementReportText({ programme: base.programme, officeName: office.name, period: base.period, stage, base: { number: sk.number, issuedOn: sk.issued_on }, removed, added, kept: kept.length, masked }),
  });
  return done.ok ? { ok: true, value: { roundId: id, number: done.value.number, removed: removed.length, added: added.length, kept: kept.length } } : done;
}
