/**
 * Issues the round's Berita Acara Tim Verifikasi dan Validasi once every candidate is verified:
 * signed by the verification team's officer, numbered in the office's register, listing every
 * candidate with the result and the reason. The round moves to "reported": its results are final.
 */
import { candidatesOfRound, findRound } from '../../db/programmes-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { reportText } from '../../domain/programmes/documents.js';
import { MAX_CANDIDATES, type DocumentPerson } from '../../domain/programmes/rounds.js';
import { roleMay } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { signerBlock } from '../letters/signer-block.js';
import { ensureSigningCredential } from '../signing/signing-credential.js';
import { officeOf } from './programmes-of.js';
import { RoundChanged, signDocument } from './sign-document.js';

export async function issueReport(ctx: Ctx, actor: Actor, roundId: string): Promise<Outcome<{ id: string; number: string }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok || !actor.id) return failWith('forbidden', 'office-required', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, roundId);
  if (!round) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found');
  if (round.status !== 'verifying') return failWith('conflict', 'report-exists', 'Berita acara putaran ini sudah terbit', "This round's report is already issued");
  const all = await candidatesOfRound(db, round.id, MAX_CANDIDATES);
  if (all.length === 0) return failWith('conflict', 'no-candidates', 'Putaran ini belum memiliki calon penerima', 'This round has no candidates yet');
  const pending = all.filter((c) => c.verification === 'pending');
  if (pending.length)
    return failWith('conflict', 'verification-pending', `${pending.length} calon belum diverifikasi (antara lain ${pending.slice(0, 3).map((c) => c.name).join(', ')}); berita acara dibuat setelah semua diverifikasi`, `${pending.length} candidates are not verified yet (among them ${pending.slice(0, 3).map((c) => c.name).join(', ')}); the report comes after all are verified`);
  const people: DocumentPerson[] = all.map((c) => ({ candidateId: c.id, nik: c.nik, name: c.name, category: c.category, village: c.village, result: c.verification === 'eligible' ? 'eligible' : 'ineligible', reason: c.reason }));
  const now = nowOf(ctx).toISOString();
  const credential = await ensureSigningCredential(ctx, officeId.value, actor.id, now, actor.name);
  if (!credential.ok) return credential;
  const office = ctx.catalogue.officeById(officeId.value).office;
  const role = actor.roles.find((r) => roleMay(r, 'programmes.report')) ?? actor.roles[0]!;
  try {
    const done = await ctx.database.write(async (trx) => {
      const signer = await signerBlock(trx, office, actor.id!, role, null);
      return signDocument(ctx, trx, { round, kind: 'berita-acara', actor, signer, credential: credential.value, people, nextStatus: 'reported', now, text: (issuedOn, masked) => reportText({ programme: round.programme, officeName: office.name, period: round.period, stage: round.stage, issuedOn, people, masked }) });
    });
    return { ok: true, value: done };
  } catch (e) {
    if (e instanceof RoundChanged) return failWith('conflict', 'round-changed', 'Putaran ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this round; reload the page');
    throw e;
  }
}
