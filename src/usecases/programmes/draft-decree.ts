/**
 * The draft of an SK that another official issues (SK Bupati, SK Kepala Dinas Sosial Provinsi…):
 * once the berita acara is issued, the recipient list it found eligible laid out as the decree,
 * watermarked, unnumbered and unsigned, for the issuer's own office to number and sign. Rendered on
 * request (nothing is stored); a logged read, since it lists NIKs.
 */
import { candidatesOfRound, documentsOfRound, findRound, refusedInPeriod } from '../../db/programmes-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { placeOf } from '../../domain/letters/case-fields.js';
import { decreeText, issuerTitle } from '../../domain/programmes/documents.js';
import { MAX_CANDIDATES, refusedProblem } from '../../domain/programmes/rounds.js';
import { renderLetterPdf } from '../../render/letter-pdf.js';
import { logDataRead } from '../audit/log-data-read.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { pdfFileName, type LetterFile } from '../letters/letter-files.js';
import { templatesOf } from '../letters/templates.js';
import { officeOf } from './programmes-of.js';

export async function draftDecree(ctx: Ctx, actor: Actor, roundId: string): Promise<Outcome<LetterFile>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, roundId);
  if (!round) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found');
  const rd = round.programme.recipientDecree;
  if (rd.signedInSigap) return failWith('conflict', 'decree-in-sigap', 'SK program ini ditandatangani Kepala Dinas di Sigap', "This programme's SK is signed by the head of office in Sigap");
  const report = (await documentsOfRound(db, round.id)).find((d) => d.kind === 'berita-acara');
  if (!report) return failWith('conflict', 'report-required', 'Rancangan SK disiapkan setelah Berita Acara Tim Verifikasi dan Validasi', 'The draft SK comes after the verification team’s report');
  const eligible = (await candidatesOfRound(db, round.id, MAX_CANDIDATES)).filter((c) => c.verification === 'eligible');
  const refused = await refusedInPeriod(db, officeId.value, round.programme_slug, round.period, eligible.map((c) => c.nik));
  if (refused.length) return fail('invalid', refusedProblem(refused));
  const office = ctx.catalogue.officeById(officeId.value).office;
  const people = eligible.map((c) => ({ candidateId: c.id, nik: c.nik, name: c.name, category: c.category, village: c.village, result: 'eligible' as const, reason: null }));
  const who = issuerTitle(rd.issuer, office.government);
  const t = decreeText({ programme: round.programme, headTitle: who, period: round.period, stage: round.stage, report: { number: report.number, issuedOn: report.issued_on }, people, masked: false });
  await logDataRead(ctx, actor, { officeId: officeId.value, recordKind: 'letter', recordId: report.id, purpose: 'programme-verification', action: 'download', fields: ['nik', 'name'] });
  const pdf = await renderLetterPdf({
    paper: 'F4',
    layout: 'official-letter',
    office: { government: office.government, name: office.name, address: office.address, postalCode: office.postalCode, contacts: office.contacts },
    logo: templatesOf(ctx, office.slug).logo,
    title: `RANCANGAN ${t.title}`,
    number: null,
    place: placeOf(office),
    dateText: null,
    // The official-letter layout prints the subject, not the title: the subject says what this is.
    subject: `Rancangan Keputusan ${who} tentang ${t.subject}`,
    addressee: [],
    blocks: t.blocks,
    validUntilText: null,
    signer: { position: [`${who},`], name: '(nama pejabat)' },
    verifyUrl: ctx.publicBaseUrl,
    draft: true,
    at: nowOf(ctx),
  });
  return { ok: true, value: { pdf, fileName: pdfFileName(`rancangan-sk-${round.programme_slug}-${round.period}-${round.stage}`) } };
}
