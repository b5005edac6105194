/** What the cycle use cases share: one cycle of the officer's office with its round, and the recipients a round's decree names. */
import { documentsOfRound, findRound, type Round } from '../../db/programmes-repo.js';
import { findCycle, type Cycle } from '../../db/programme-cycles-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { DocumentPerson } from '../../domain/programmes/rounds.js';
import type { Actor, Ctx } from '../context.js';
import { officeOf } from './programmes-of.js';

export async function cycleOf(ctx: Ctx, actor: Actor, cycleId: string): Promise<Outcome<{ officeId: string; cycle: Cycle; round: Round }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const cycle = await findCycle(ctx.database.db, officeId.value, cycleId);
  const round = cycle && (await findRound(ctx.database.db, officeId.value, cycle.round_id));
  if (!cycle || !round) return failWith('not-found', 'cycle-not-found', 'Siklus program tidak ditemukan', 'Programme cycle not found');
  return { ok: true, value: { officeId: officeId.value, cycle, round } };
}

/**
 * The recipients a round's decree names: the SK signed in Sigap (its annex), or, for an SK another
 * official issues (SK Bupati), the people its berita acara found eligible under the number of that
 * SK as the operator records it — Sigap prepared its draft from exactly that list.
 */
export async function decreedPeople(ctx: Ctx, round: Round, outsideNumber: string | null | undefined): Promise<Outcome<{ number: string; people: DocumentPerson[] }>> {
  const docs = await documentsOfRound(ctx.database.db, round.id);
  const sk = docs.find((d) => d.kind === 'sk');
  if (sk) return { ok: true, value: { number: sk.number, people: sk.people } };
  if (round.programme.recipientDecree.signedInSigap)
    return failWith('conflict', 'decree-required', 'Siklus dibuat dari SK penerima yang sudah terbit; SK putaran ini belum ditandatangani', "Cycles come from an issued recipients' decree; this round's SK is not signed yet", 'roundId');
  const report = docs.find((d) => d.kind === 'berita-acara');
  if (!report)
    return failWith('conflict', 'report-required', 'Berita Acara Tim Verifikasi dan Validasi putaran ini belum terbit', "This round's verification team report is not issued yet", 'roundId');
  const number = outsideNumber?.trim();
  if (!number)
    return failWith('invalid', 'outside-decree-number', `Tulis nomor SK yang menetapkan penerima: "${round.programme.recipientDecree.text}"`, `Write the number of the decree that names the recipients: "${round.programme.recipientDecree.text}"`, 'decreeNumber');
  if (number.length > 120) return failWith('invalid', 'outside-decree-number', 'Nomor SK paling banyak 120 karakter', 'The decree number is at most 120 characters', 'decreeNumber');
  return { ok: true, value: { number, people: report.people.filter((p) => p.result === 'eligible') } };
}
