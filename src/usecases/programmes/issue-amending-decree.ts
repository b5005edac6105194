/**
 * Signs the amending SK of an amending round (the head of office, or a deputy under a delegation in
 * force): it names the decree it amends, who leaves and why, who replaces them, and lists every
 * recipient after the change. Its recipients are the round's candidates, which its berita acara
 * fixed; the next cycles come from it.
 */
import { candidatesOfRound, documentsOfRound, findRound } from '../../db/programmes-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { headTitle } from '../../domain/letters/case-fields.js';
import { HEAD_ROLE } from '../../domain/letters/delegation.js';
import { amendingDecreeText, isAmendment } from '../../domain/programmes/replacement.js';
import { MAX_CANDIDATES, type DocumentPerson } from '../../domain/programmes/rounds.js';
import type { Actor, Ctx } from '../context.js';
import { authorityToSign } from '../letters/signing-authority.js';
import { officeOf } from './programmes-of.js';
import { signRound } from './sign-document.js';

export async function issueAmendingDecree(ctx: Ctx, actor: Actor, roundId: string): Promise<Outcome<{ id: string; number: string; recipients: number }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok || !actor.id) return failWith('forbidden', 'office-required', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, roundId);
  if (!round || !isAmendment(round.stage) || !round.amends_round_id) return failWith('not-found', 'round-not-found', 'Putaran perubahan tidak ditemukan', 'Amending round not found');
  if (round.status !== 'reported') return failWith('conflict', 'decree-exists', 'SK perubahan putaran ini sudah terbit', "This round's amending decree is already issued");
  const report = (await documentsOfRound(db, round.id)).find((d) => d.kind === 'berita-acara')!;
  const base = (await documentsOfRound(db, round.amends_round_id)).find((d) => d.kind === 'sk')!;
  const authority = await authorityToSign(ctx, db, actor, HEAD_ROLE);
  if (!authority.ok) return authority;
  const people: DocumentPerson[] = (await candidatesOfRound(db, round.id, MAX_CANDIDATES)).map((c) => ({ candidateId: c.id, nik: c.nik, name: c.name, category: c.category, village: c.village, result: 'eligible', reason: null }));
  const removed = report.people.filter((p) => p.result === 'ineligible');
  const added = report.people.filter((p) => p.result === 'eligible');
  const done = await signRound(ctx, { ...actor, id: actor.id }, { round, kind: 'sk', role: HEAD_ROLE, delegation: authority.value.delegation, people, nextStatus: 'decreed', text: (office, _issuedOn, masked) => amendingDecreeText({ programme: round.programme, headTitle: headTitle(office), period: round.period, stage: round.stage, base: { number: base.number, issuedOn: base.issued_on }, report: { number: report.number, issuedOn: report.issued_on }, removed, added, people, masked }) });
  return done.ok ? { ok: true, value: { ...done.value, recipients: people.length } } : done;
}
