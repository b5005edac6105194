/**
 * Signs the round's SK (recipients' decree) with its recipient list as annex, by the head of office
 * or a deputy under a delegation in force, once the berita acara is issued. The recipients are
 * those the berita acara found eligible (or the subset named); anyone a berita acara of the same
 * programme and period marked ineligible is refused, naming them and the report. Programmes whose
 * SK another official issues (SK Bupati, SK Kepala Dinas Sosial Provinsi) are not signed here.
 */
import { candidatesOfRound, documentsOfRound, findRound, refusedInPeriod } from '../../db/programmes-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { headTitle } from '../../domain/letters/case-fields.js';
import { HEAD_ROLE } from '../../domain/letters/delegation.js';
import { decreeText, issuerTitle } from '../../domain/programmes/documents.js';
import { MAX_CANDIDATES, refusedProblem, type DocumentPerson } from '../../domain/programmes/rounds.js';
import type { Actor, Ctx } from '../context.js';
import { authorityToSign } from '../letters/signing-authority.js';
import { issueAmendingDecree } from './issue-amending-decree.js';
import { officeOf } from './programmes-of.js';
import { signRound } from './sign-document.js';

export async function issueDecree(ctx: Ctx, actor: Actor, roundId: string, input: { candidateIds?: string[] | null }): Promise<Outcome<{ id: string; number: string; recipients: number }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok || !actor.id) return failWith('forbidden', 'office-required', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, roundId);
  if (!round) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found');
  // An amending round's SK names what it changes and why (issue-amending-decree.ts).
  if (round.amends_round_id) return issueAmendingDecree(ctx, actor, round.id);
  const rd = round.programme.recipientDecree;
  if (!rd.signedInSigap) {
    const who = issuerTitle(rd.issuer, ctx.catalogue.officeById(officeId.value).office.government);
    return failWith('conflict', 'decree-outside', `Penetapan penerima program ini bukan SK Kepala Dinas: "${rd.text}" (${who}); Sigap tidak menandatanganinya, hanya menyiapkan rancangannya`, `This programme's recipients are not decreed by the head of office: "${rd.text}" (${who}); Sigap does not sign it, it only prepares the draft`);
  }
  if (round.status === 'decreed') return failWith('conflict', 'decree-exists', 'SK putaran ini sudah terbit', "This round's SK is already issued");
  const report = (await documentsOfRound(db, round.id)).find((d) => d.kind === 'berita-acara');
  if (!report || round.status !== 'reported')
    return failWith('conflict', 'report-required', 'SK diterbitkan setelah Berita Acara Tim Verifikasi dan Validasi', 'The SK comes after the verification team’s report');
  const authority = await authorityToSign(ctx, db, actor, HEAD_ROLE);
  if (!authority.ok) return authority;
  const all = await candidatesOfRound(db, round.id, MAX_CANDIDATES);
  const chosen = input.candidateIds?.length ? all.filter((c) => input.candidateIds!.includes(c.id)) : all.filter((c) => c.verification === 'eligible');
  if (input.candidateIds?.length && chosen.length !== new Set(input.candidateIds).size)
    return failWith('invalid', 'candidate-unknown', 'Sebagian calon yang dipilih tidak ada dalam putaran ini', 'Some chosen candidates are not in this round', 'candidateIds');
  const refused = await refusedInPeriod(db, officeId.value, round.programme_slug, round.period, chosen.map((c) => c.nik));
  if (refused.length) return fail('invalid', refusedProblem(refused));
  if (chosen.length === 0) return failWith('conflict', 'no-recipients', 'Tidak ada calon yang memenuhi syarat dalam berita acara', 'The report found nobody eligible');
  const people: DocumentPerson[] = chosen.map((c) => ({ candidateId: c.id, nik: c.nik, name: c.name, category: c.category, village: c.village, result: 'eligible', reason: null }));
  const done = await signRound(ctx, { ...actor, id: actor.id }, { round, kind: 'sk', role: HEAD_ROLE, delegation: authority.value.delegation, people, nextStatus: 'decreed', text: (office, _issuedOn, masked) => decreeText({ programme: round.programme, headTitle: headTitle(office), period: round.period, stage: round.stage, report: { number: report.number, issuedOn: report.issued_on }, people, masked }) });
  return done.ok ? { ok: true, value: { ...done.value, recipients: people.length } } : done;
}
