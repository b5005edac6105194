/**
 * Termination (Banjarmasin 10): the social worker's readiness assessment, then pick-up by the family
 * (their KTP or KK, the surat penjamin signed over a materai) or escort by a pramu sosial carrying a
 * surat tugas; belongings handed back; the numbered berita acara serah terima klien (letterhead, QR,
 * the officer's signature) issued in the same transaction that ends the stay and frees the bed.
 * A stay from an emergency report writes the termination into the report's history. The termination
 * files Banjarmasin 10's own case in the same transaction (docs/SHELTERS.md "The decreed cases").
 */
import { randomBytes } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { nextCounter } from '../../db/applications-repo.js';
import { findReportById, insertEmergencyEvent } from '../../db/emergency-repo.js';
import { findShelter, findStay, insertShelterEvent, updateStayIfVersion } from '../../db/shelters-repo.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { placeOf } from '../../domain/letters/case-fields.js';
import { indonesianDate } from '../../domain/letters/dates.js';
import { counterName, formatLetterNumber } from '../../domain/letters/numbering.js';
import { HANDOVER_KEEP_WITH_SIGNATURE, handoverText } from '../../domain/shelters/handover.js';
import { CATEGORY_NAMES, SEX_NAMES, stayClock, type Category, type Sex, type TerminationKind } from '../../domain/shelters/index.js';
import { roleMay } from '../../domain/staff/permissions.js';
import { signPdf } from '../../io/pades.js';
import { renderLetterPdf } from '../../render/letter-pdf.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { storeLetterFile } from '../letters/letter-files.js';
import { recordEvent } from '../notifications/queue-notices.js';
import { signerBlock } from '../letters/signer-block.js';
import { templatesOf } from '../letters/templates.js';
import { ensureSigningCredential } from '../signing/signing-credential.js';
import { bad, officeFor, StayChangedError, stayLimitOf, stayNotFound, withStayCase } from './shelters-common.js';

export interface TerminationInput {
  /** The social worker's finding: the client "dapat dipulangkan/direunifikasi" by the assessment. */
  ready: boolean;
  readiness: string;
  kind: TerminationKind;
  destination: string;
  family?: { name: string; relationship?: string; document: 'ktp' | 'kk'; documentNumber: string; guaranteeLetter: boolean };
  escort?: { officer: string; assignmentLetter: string };
  belongingsReturned: boolean;
}

export interface Terminated {
  id: string;
  terminatedAt: string;
  number: string;
  verifyUrl: string;
  /** The registration number of Banjarmasin 10's case filed with it (none where the office has no such service). */
  case: string | null;
}

/** The letter type the berita acara is numbered under (the office's register, its own code if the office gives one). */
export const HANDOVER_LETTER_TYPE = 'berita-acara-serah-terima-klien';
export const handoverUrl = (ctx: Pick<Ctx, 'publicBaseUrl'>, token: string) => `${ctx.publicBaseUrl}/rumah-singgah/berita-acara/${token}`;

export async function terminateStay(ctx: Ctx, actor: Actor, stayId: string, input: TerminationInput): Promise<Outcome<Terminated>> {
  const office = officeFor(actor, 'shelters.terminate');
  if (!office.ok) return office;
  const db = ctx.database.db;
  const s = await findStay(db, office.value, stayId);
  if (!s) return stayNotFound();
  if (s.state !== 'in-residence' || !s.checked_in_at) return fail('conflict', bad('ready', 'not-in-residence', 'Klien tidak sedang tinggal di rumah singgah', 'The client is not in residence'));
  const now = nowOf(ctx);
  const nowIso = now.toISOString();
  const limit = stayLimitOf(ctx, office.value);
  const clock = stayClock(s.checked_in_at, limit?.limit ?? null, nowIso);
  const problems: FieldProblem[] = [];
  if (!input.ready && clock.state !== 'eligible')
    problems.push(
      bad('ready', 'not-eligible', `Belum memenuhi syarat terminasi: asesmen belum menyatakan klien dapat dipulangkan${limit ? ` dan masa tinggal belum ${limit.limit.rule === 'more-than' ? 'lebih dari' : ''} ${limit.limit.days} hari (${clock.daysStayed} hari)` : ''}`, `Not yet eligible for termination: the assessment does not find the client ready${limit ? ` and the stay is not yet ${limit.limit.rule === 'more-than' ? 'over' : ''} ${limit.limit.days} days (${clock.daysStayed} days)` : ''}`),
    );
  if (input.kind === 'family') {
    if (!input.family?.name.trim()) problems.push(bad('family.name', 'family-name-required', 'Isi nama keluarga yang menjemput', 'Give the name of the family member picking up'));
    if (!input.family?.documentNumber.trim()) problems.push(bad('family.documentNumber', 'family-document-required', 'Isi nomor KTP atau Kartu Keluarga yang melakukan penjemputan', 'Give the KTP or KK number of the person picking up'));
    if (!input.family?.guaranteeLetter) problems.push(bad('family.guaranteeLetter', 'guarantee-letter-required', 'Keluarga wajib menandatangani Surat Penjamin klien yang dibubuhi materai', 'The family must sign the guarantee letter (surat penjamin) over a duty stamp (materai)'));
  } else {
    if (!input.escort?.officer.trim()) problems.push(bad('escort.officer', 'escort-officer-required', 'Isi nama Pramu Sosial pengantar', 'Give the escorting pramu sosial'));
    if (!input.escort?.assignmentLetter.trim()) problems.push(bad('escort.assignmentLetter', 'assignment-letter-required', 'Petugas pengantaran klien membawa dengan surat tugas: isi nomor surat tugas', 'The escort carries an assignment letter (surat tugas): give its number'));
  }
  const belongings = JSON.parse(s.belongings) as { item: string; quantity: number }[];
  if (belongings.length && !input.belongingsReturned) problems.push(bad('belongingsReturned', 'belongings-not-returned', `Serahkan kembali ${belongings.length} barang bawaan klien dan centang konfirmasinya`, `Hand back the client's ${belongings.length} belongings and tick the confirmation`));
  if (problems.length) return fail('invalid', ...problems);

  const credential = await ensureSigningCredential(ctx, office.value, actor.id!, nowIso, actor.name);
  if (!credential.ok) return credential;
  const o = ctx.catalogue.officeById(office.value).office;
  const shelter = (await findShelter(db, office.value, s.shelter_id))!;
  const issuedOn = ctx.clock.localDate(o, nowIso);
  const token = randomBytes(18).toString('base64url');
  const ground = input.ready
    ? 'Klien yang telah mendapatkan intervensi atau berdasarkan hasil asesmen dapat dipulangkan/direunifikasi'
    : (limit?.limit.text ?? '');
  const family = input.kind === 'family' && input.family ? { name: input.family.name.trim(), relationship: input.family.relationship?.trim() || null, document: input.family.document, documentNumber: input.family.documentNumber.trim() } : null;
  const escort = input.kind === 'escort' && input.escort ? { officer: input.escort.officer.trim(), assignmentLetter: input.escort.assignmentLetter.trim() } : null;
  const role = actor.roles.find((r) => roleMay(r, 'shelters.terminate')) ?? actor.roles[0]!;
  // Banjarmasin 10's case: asked for by the family ("Pemohon (Keluarga Klien) mengajukan permohonan
  // terminasi", initiator citizen) or, for a client the Pramu Sosial escorts, by the office itself.
  const filed = await withStayCase(
    ctx,
    actor,
    'shelters.terminate',
    {
      officeId: office.value,
      stayId: s.id,
      kind: 'termination',
      at: nowIso,
      intake: {
        initiator: family ? 'citizen' : 'office',
        applicant: { name: s.client_name, nik: s.client_nik ?? undefined },
        reporter: family ? { name: family.name, role: family.relationship ?? undefined } : undefined,
        answers: { 'cara-pemulangan': family ? 'dijemput-keluarga' : 'diantar-pramu-sosial', 'lama-menghuni': clock.daysStayed, ...(input.ready ? { 'sudah-intervensi': true } : {}) },
        attachments: family ? [{ requirement: 'ktp-kk-penjemput', shown: true }, { requirement: 'surat-penjamin', shown: true }] : [],
        aboutOther: true,
      },
    },
    async (trx, filedCase) => {
    const counter = counterName(o.letterNumbering, HANDOVER_LETTER_TYPE, issuedOn.slice(0, 4));
    const number = formatLetterNumber(o.letterNumbering, HANDOVER_LETTER_TYPE, await nextCounter(trx, office.value, counter), issuedOn);
    const signer = await signerBlock(trx, o, actor.id!, role, null);
    const t = handoverText({
      officeName: o.name, shelterName: shelter.name, issuedOn,
      client: { name: s.client_name, nik: s.client_nik, sexText: SEX_NAMES[s.client_sex as Sex]?.[0] ?? s.client_sex, categoryText: CATEGORY_NAMES[s.client_category as Category]?.[0] ?? s.client_category },
      checkedInLocal: ctx.clock.local(o, s.checked_in_at!), terminatedLocal: ctx.clock.local(o, nowIso), daysStayed: clock.daysStayed,
      readiness: input.readiness.trim(), ground, kind: input.kind, destination: input.destination.trim(), family, escort, belongings,
    });
    const verifyUrl = handoverUrl(ctx, token);
    const at = new Date(nowIso);
    const pdf = await (ctx.signPdf ?? signPdf)(
      await renderLetterPdf({
        paper: 'F4', layout: 'certificate',
        office: { government: o.government, name: o.name, address: o.address, postalCode: o.postalCode, contacts: o.contacts },
        logo: templatesOf(ctx, o.slug).logo, title: t.title, number, place: placeOf(o), dateText: indonesianDate(issuedOn), subject: t.subject, addressee: [], blocks: t.blocks, validUntilText: null, cosigner: t.cosigner, keepWithSignature: HANDOVER_KEEP_WITH_SIGNATURE,
        signer: { position: signer.position, name: signer.name, rank: signer.rank, nip: signer.nip }, verifyUrl, signature: { kind: credential.value.kind, provider: credential.value.provider }, draft: false, at,
      }),
      { name: signer.name, reason: `${t.title} ${number}`, location: placeOf(o), contactInfo: verifyUrl, at },
      credential.value.signer,
    );
    const file = (await storeLetterFile(ctx, pdf));
    const termination = { ready: input.ready, readiness: input.readiness.trim(), ground, kind: input.kind, destination: input.destination.trim(), family, escort, belongingsReturned: belongings.length ? input.belongingsReturned : null, daysStayed: clock.daysStayed };
    if (!(await updateStayIfVersion(trx, s.id, s.version, { state: 'terminated', terminated_at: nowIso, termination: JSON.stringify(termination), handover_number: number, handover_token: token, handover_sha256: file.sha256 }))) throw new StayChangedError();
    await insertShelterEvent(trx, { stay_id: s.id, office_id: s.office_id, type: 'terminated', actor_id: actor.id, actor_name: actor.name, data: { number, kind: input.kind, daysStayed: clock.daysStayed, belongings: belongings.length, case: filedCase?.registrationNumber ?? null }, at: nowIso });
    if (s.emergency_report_id) {
      const report = await findReportById(trx, s.emergency_report_id);
      if (report) {
        const data = { stay: s.id, number, kind: input.kind };
        await insertEmergencyEvent(trx, { report_id: report.id, office_id: s.office_id, type: 'shelter-terminated', actor_id: actor.id, actor_name: actor.name, data, at: nowIso });
        await recordEvent(trx, ctx, { application_id: report.application_id, office_id: s.office_id, type: 'emergency:shelter-terminated', actor_id: actor.id, actor_name: actor.name, note: null, data, at: nowIso });
      }
    }
    await insertAuditEvent(trx, { officeId: s.office_id, actor: actor.name, action: 'shelter.terminated', subject: `shelter-stay:${s.id}`, detail: { number, kind: input.kind, daysStayed: clock.daysStayed, sha256: file.sha256, case: filedCase?.registrationNumber ?? null, actorId: actor.id }, at: nowIso });
    return { number, verifyUrl };
    },
  );
  if (!filed.ok) return filed;
  const done = filed.value.value;
  return { ok: true, value: { id: s.id, terminatedAt: nowIso, number: done.number, verifyUrl: done.verifyUrl, case: filed.value.case?.registrationNumber ?? null } };
}
