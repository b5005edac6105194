/**
 * Recipient decrees of Kutai Kartanegara's programmes, from candidates to SK, on a real database:
 * the santunan Kukar Idaman drawn from a DTKS snapshot (age 60 on the period start, the decree's
 * verifiers), the permakanan from village proposals (PKH / Program Sembako recipients refused by
 * screening), field verification with reasons, the Berita Acara and the SK numbered and signed in
 * the office's register, the public copy with NIK masked, nobody the berita acara refused in any SK
 * of the period (Tahap II included), every read logged and every change audited.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { candidatesOfRound, documentsOfRound } from '../../src/db/programmes-repo.js';
import { maskNik } from '../../src/domain/identity/mask.js';
import type { Actor } from '../../src/usecases/context.js';
import { addCandidate } from '../../src/usecases/programmes/add-candidate.js';
import { drawApplications } from '../../src/usecases/programmes/draw-applications.js';
import { draftDecree } from '../../src/usecases/programmes/draft-decree.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { downloadDocument, downloadPublicDocument } from '../../src/usecases/programmes/download-document.js';
import { issueDecree } from '../../src/usecases/programmes/issue-decree.js';
import { issueReport } from '../../src/usecases/programmes/issue-report.js';
import { openRound } from '../../src/usecases/programmes/open-round.js';
import { showCandidate, showRound } from '../../src/usecases/programmes/read-candidates.js';
import { verifyCandidate } from '../../src/usecases/programmes/verify-candidate.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { pdfText } from '../support/pdf.js';
import { extract, importAs, row, staffActor, writeCsv } from '../registry/support.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const KUKAR = { provinsi: 'KALIMANTAN TIMUR', kota: 'KABUPATEN KUTAI KARTANEGARA', kecamatan: 'TENGGARONG', kelurahan: 'MANGKURAWANG', alamat: 'JL. PATIN NO. 7' };
/** Lansia of the santunan draw: 60 on 2026-01-01 or older, one a day short of 60. */
const SARIPAH = { nik: '6403026107580002', kk: '6403021503090001', nama: 'SARIPAH', tanggal_lahir: '1958-07-21', jenis_kelamin: 'P', pkh: '0', bpnt: '0' };
const ABDUL = { nik: '6403020403500001', kk: '6403021503090002', nama: 'ABDUL GANI', tanggal_lahir: '1950-03-04', jenis_kelamin: 'L', pkh: '0', bpnt: '0' };
const YUSRAN = { nik: '6403020201660003', kk: '6403021503090003', nama: 'YUSRAN', tanggal_lahir: '1966-01-02', jenis_kelamin: 'L', pkh: '0', bpnt: '0' };
/** A PKH recipient: excluded from permakanan by the decree. */
const MASNAH = { nik: '6403025111550004', kk: '6403021503090004', nama: 'MASNAH', tanggal_lahir: '1955-11-11', jenis_kelamin: 'P', pkh: '1', bpnt: '0' };

describe(`programme rounds: candidates, verification, berita acara and SK (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  let operator: Actor, pendamping: Actor, verifikator: Actor, head: Actor, auditor: Actor;
  let santunan: string;
  let permakanan: string;

  before(async () => {
    t = await testCtx({ now: () => new Date('2026-02-02T02:00:00Z') });
    dir = mkdtempSync(join(tmpdir(), 'sigap-programmes-'));
    const file = join(dir, 'dtks.csv');
    writeCsv(file, extract(OFFICE, 200, [SARIPAH, ABDUL, YUSRAN, MASNAH].map((p) => row({ ...KUKAR, ...p }))));
    const imported = await importAs(t, file, OFFICE, { period: '2026-01' });
    assert.ok(imported.ok, JSON.stringify(imported));
    const as = (role: string) => staffActor(t.ctx, role, OFFICE);
    [operator, pendamping, verifikator, head, auditor] = [await as('operator'), await as('pendamping'), await as('verifikator'), await as('kepala-dinas'), await as('auditor')];
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the santunan lansia candidates from DTKS by the age on the period start', async () => {
    const r = await openRound(t.ctx, operator, { programme: 'santunan-sosial-kukar-idaman', period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01', drawCategory: 'lanjut-usia-telantar' });
    assert.ok(r.ok, JSON.stringify(r));
    santunan = r.value.id;
    const all = await candidatesOfRound(t.database.db, santunan, 5000);
    const names = new Set(all.map((c) => c.name));
    assert.ok(names.has('SARIPAH') && names.has('ABDUL GANI'));
    assert.ok(!names.has('YUSRAN'), 'a day short of 60 on 2026-01-01');
    assert.ok(r.value.refusedByScreening > 0);
    assert.equal(r.value.drawn, all.length);
    assert.ok(all.every((c) => c.category === 'lanjut-usia-telantar' && c.verification === 'pending' && c.source === 'registry'));
    // Field conditions are left to the verifier.
    assert.ok(all.find((c) => c.name === 'SARIPAH')!.checks.some((c) => c.id === 'tidak-bekerja-bukan-penerima' && c.verdict === 'to-verify'));
  });

  it('refuses a second round of the same period and stage', async () => {
    const again = await openRound(t.ctx, operator, { programme: 'santunan-sosial-kukar-idaman', period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01' });
    assert.equal(!again.ok && again.error.kind, 'conflict');
  });

  it('shows a bounded list with NIK masked and logs each read with its purpose', async () => {
    const v = await showRound(t.ctx, auditor, santunan, {}, 0);
    assert.ok(v.ok);
    assert.ok(v.value.candidates.length <= 50);
    const saripah = (await showRound(t.ctx, auditor, santunan, { name: 'SARIP' }, 0));
    assert.ok(saripah.ok);
    assert.equal(saripah.value.candidates[0]!.nik, maskNik(SARIPAH.nik));
    const logged = await t.database.db.selectFrom('data_access_log').select(['record_kind', 'purpose', 'subject_nik', 'actor_name']).where('subject_nik', '=', SARIPAH.nik).execute();
    assert.ok(logged.some((l) => l.record_kind === 'programme-candidate' && l.purpose === 'programme-verification' && l.actor_name === auditor.name));
  });

  it('lets only the roles the decree names verify, and needs a reason for "tidak memenuhi syarat"', async () => {
    const [saripah] = (await candidatesOfRound(t.database.db, santunan, 5000)).filter((c) => c.name === 'SARIPAH');
    const byOperator = await verifyCandidate(t.ctx, operator, santunan, saripah!.id, { result: 'eligible', version: saripah!.version });
    assert.equal(!byOperator.ok && byOperator.error.kind, 'forbidden');
    assert.match(!byOperator.ok ? byOperator.error.problems[0]!.message : '', /Pendamping PKH/);
    const noReason = await verifyCandidate(t.ctx, verifikator, santunan, saripah!.id, { result: 'ineligible', reason: '  ', version: saripah!.version });
    assert.equal(!noReason.ok && noReason.error.problems[0]!.field, 'reason');
    const first = await verifyCandidate(t.ctx, pendamping, santunan, saripah!.id, { result: 'eligible', version: saripah!.version });
    assert.ok(first.ok);
    // A stale version loses: another officer verified in between.
    const stale = await verifyCandidate(t.ctx, verifikator, santunan, saripah!.id, { result: 'eligible', version: saripah!.version });
    assert.equal(!stale.ok && stale.error.kind, 'conflict');
    const second = await verifyCandidate(t.ctx, verifikator, santunan, saripah!.id, { result: 'eligible', version: first.ok ? first.value.version : 0 });
    assert.ok(second.ok);
    const seen = await showCandidate(t.ctx, verifikator, santunan, saripah!.id);
    assert.ok(seen.ok);
    assert.equal(seen.value.candidate.nik, SARIPAH.nik);
    assert.deepEqual(seen.value.history.map((h) => h.role), ['verifikator', 'pendamping']);
  });

  it('issues the berita acara only once every candidate is verified; the santunan SK is the Bupati’s, not signed here', async () => {
    const early = await issueReport(t.ctx, verifikator, santunan);
    assert.equal(!early.ok && early.error.problems[0]!.code, 'verification-pending');
    for (const c of await candidatesOfRound(t.database.db, santunan, 5000))
      if (c.verification === 'pending') assert.ok((await verifyCandidate(t.ctx, verifikator, santunan, c.id, c.name === 'ABDUL GANI' ? { result: 'ineligible', reason: 'Menerima pensiun janda PNS', version: c.version } : { result: 'eligible', version: c.version })).ok);
    const ba = await issueReport(t.ctx, verifikator, santunan);
    assert.ok(ba.ok, JSON.stringify(ba));
    assert.match(ba.value.number, /^400\.9\/\d{4}\/DINSOS\/2026$/);
    const sk = await issueDecree(t.ctx, head, santunan, {});
    assert.equal(!sk.ok && sk.error.problems[0]!.code, 'decree-outside');
    assert.match(!sk.ok ? sk.error.problems[0]!.message : '', /Surat Keputusan Bupati Kutai Kartanegara/);
    // Sigap prepares the Bupati's SK as a draft: unnumbered, unsigned, the eligible recipients only.
    const draft = await draftDecree(t.ctx, operator, santunan);
    assert.ok(draft.ok, JSON.stringify(draft));
    const text = (await pdfText(draft.value.pdf)).text;
    assert.match(text, /Rancangan Keputusan Bupati Kutai Kartanegara tentang Penetapan Penerima Santunan Sosial/);
    assert.match(text, /Bupati Kutai Kartanegara, \(belum ditandatangani\)/);
    assert.match(text, /PRATINJAU/);
    assert.match(text, new RegExp(`SARIPAH — NIK ${SARIPAH.nik}`));
    assert.ok(!text.includes('ABDUL GANI'), 'the ineligible lansia is not in the draft');
  });

  it('screens village proposals for permakanan: a PKH recipient is refused with the decree words', async () => {
    const r = await openRound(t.ctx, operator, { programme: 'bantuan-permakanan', period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01' });
    assert.ok(r.ok);
    permakanan = r.value.id;
    const add = (p: { nik: string; nama: string }) => addCandidate(t.ctx, operator, permakanan, { nik: p.nik, name: p.nama, category: 'lanjut-usia', source: 'village', village: 'MANGKURAWANG', note: 'Usulan Desa Mangkurawang 2026' });
    assert.ok((await add(SARIPAH)).ok);
    assert.ok((await add(ABDUL)).ok);
    const pkh = await add(MASNAH);
    assert.equal(!pkh.ok && pkh.error.problems[0]!.code, 'screening-refused');
    assert.match(!pkh.ok ? pkh.error.problems[0]!.message : '', /Program Keluarga Harapan \(PKH\) dan atau Program Sembako/);
    const twice = await addCandidate(t.ctx, operator, permakanan, { nik: SARIPAH.nik, name: 'SARIPAH', category: 'lanjut-usia', source: 'village' });
    assert.equal(!twice.ok && twice.error.problems[0]!.code, 'candidate-exists');
    // The decree's source for permakanan is the village proposals, not the registry ("Penyandingan data … usulan baru dari Desa/Kelurahan").
    const viaApplications = await addCandidate(t.ctx, operator, permakanan, { nik: YUSRAN.nik, name: 'YUSRAN', category: 'lanjut-usia', source: 'applications' });
    assert.equal(!viaApplications.ok && viaApplications.error.problems[0]!.code, 'source-not-in-decree');
    // A person not in DTKS: screening cannot pass the registry conditions, so the candidate stays "unknown" for the verifier.
    const outside = await addCandidate(t.ctx, operator, permakanan, { nik: '6403021208490005', name: 'Hasanudin', category: 'lanjut-usia', source: 'village', village: 'MANGKURAWANG' });
    assert.ok(outside.ok, JSON.stringify(outside));
  });

  it('signs the SK of permakanan by the head of office; the berita acara’s ineligible person is refused by name', async () => {
    for (const c of await candidatesOfRound(t.database.db, permakanan, 50)) {
      const v = c.name === 'HASANUDIN' ? { result: 'ineligible' as const, reason: 'Tinggal bersama anak yang mampu mengurus kebutuhannya', version: c.version } : { result: 'eligible' as const, version: c.version };
      assert.ok((await verifyCandidate(t.ctx, operator, permakanan, c.id, v)).ok);
    }
    const ba = await issueReport(t.ctx, operator, permakanan);
    assert.ok(ba.ok, JSON.stringify(ba));
    const all = await candidatesOfRound(t.database.db, permakanan, 50);
    const byVerifier = await issueDecree(t.ctx, verifikator, permakanan, {});
    assert.equal(!byVerifier.ok && byVerifier.error.kind, 'forbidden');
    const tampered = await issueDecree(t.ctx, head, permakanan, { candidateIds: all.map((c) => c.id) });
    assert.equal(!tampered.ok && tampered.error.kind, 'invalid');
    const problem = !tampered.ok ? tampered.error.problems[0]! : null;
    assert.equal(problem?.code, 'sk-includes-ineligible');
    assert.match(problem!.message, new RegExp(`HASANUDIN \\(Tahap I, ${ba.value.number.replace(/[./]/g, '\\$&')}: Tinggal bersama anak`));
    assert.match(problem!.messageEn, /cannot include anyone the verification team's report marked ineligible/);
    const sk = await issueDecree(t.ctx, head, permakanan, {});
    assert.ok(sk.ok, JSON.stringify(sk));
    assert.equal(sk.value.recipients, 2);
    // Numbered in the office's one register right after the berita acara: no gap.
    const seq = (n: string) => Number(n.split('/')[1]);
    assert.equal(seq(sk.value.number), seq(ba.value.number) + 1);
    const again = await issueDecree(t.ctx, head, permakanan, {});
    assert.equal(!again.ok && again.error.problems[0]!.code, 'decree-exists');
  });

  it('stores a full copy for officers and a public copy with NIK masked, both signed', async () => {
    const docs = await documentsOfRound(t.database.db, permakanan);
    const sk = docs.find((d) => d.kind === 'sk')!;
    assert.deepEqual(sk.people.map((p) => p.name).sort(), ['ABDUL GANI', 'SARIPAH']);
    const full = await downloadDocument(t.ctx, head, permakanan, sk.id);
    assert.ok(full.ok);
    const fullText = (await pdfText(full.value.pdf)).text;
    assert.match(fullText, new RegExp(SARIPAH.nik));
    assert.match(fullText, /LAMPIRAN: DAFTAR PENERIMA \(2 orang\)/);
    const pub = await downloadPublicDocument(t.ctx, sk.token);
    assert.ok(pub.ok);
    const pubText = (await pdfText(pub.value.pdf)).text;
    assert.ok(!pubText.includes(SARIPAH.nik), 'the public copy never shows a full NIK');
    assert.ok(pubText.includes(maskNik(SARIPAH.nik)));
    assert.ok(full.value.pdf.includes(Buffer.from('/ByteRange')) && pub.value.pdf.includes(Buffer.from('/ByteRange')), 'both copies carry a PAdES signature');
    const read = await t.database.db.selectFrom('data_access_log').select(['action', 'record_kind']).where('record_id', '=', sk.id).execute();
    assert.deepEqual(read.map((r) => [r.action, r.record_kind]), [['download', 'letter']]);
  });

  it('keeps the berita acara’s ineligible person out of the Tahap II SK too', async () => {
    const r = await openRound(t.ctx, operator, { programme: 'bantuan-permakanan', period: '2026', stage: 'Tahap II', referenceDate: '2026-01-01' });
    assert.ok(r.ok);
    const hasan = await addCandidate(t.ctx, operator, r.value.id, { nik: '6403021208490005', name: 'HASANUDIN', category: 'lanjut-usia', source: 'village' });
    assert.ok(hasan.ok);
    const [c] = await candidatesOfRound(t.database.db, r.value.id, 10);
    assert.ok((await verifyCandidate(t.ctx, operator, r.value.id, c!.id, { result: 'eligible', version: c!.version })).ok);
    assert.ok((await issueReport(t.ctx, operator, r.value.id)).ok);
    const sk = await issueDecree(t.ctx, head, r.value.id, {});
    assert.equal(!sk.ok && sk.error.problems[0]!.code, 'sk-includes-ineligible');
  });

  it('draws the alat bantu candidates from the service’s cases: a child who turned 6 after the reference date is refused, nobody twice', async () => {
    const front = await staffActor(t.ctx, 'front-office', OFFICE);
    const file = async (nik: string, name: string) => {
      const r = await submitApplication(t.ctx, { office: OFFICE, service: 'alat-bantu-disabilitas', applicant: { nik, name }, answers: { 'jenis-disabilitas': 'fisik', 'pns-tni-polri-legislatif-perangkat-desa-bumn': false }, attachments: [] }, front);
      assert.ok(r.ok, JSON.stringify(r));
    };
    await file('6403021506900001', 'Rahmat Hidayat');
    // Born 2020-01-20: 6 when the case was filed (2026-02-02), 5 on the round's reference date 2026-01-01.
    await file('6403022001200003', 'Muhammad Arya');
    const r = await openRound(t.ctx, operator, { programme: 'alat-bantu-disabilitas', period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01' });
    assert.ok(r.ok);
    const noCategory = await drawApplications(t.ctx, operator, r.value.id, {});
    assert.deepEqual(noCategory.ok && noCategory.value, { added: 0, alreadyListed: 0, refusedByScreening: 0, withoutCategory: 2 });
    const drawn = await drawApplications(t.ctx, operator, r.value.id, { category: 'kursi-roda' });
    assert.deepEqual(drawn.ok && drawn.value, { added: 1, alreadyListed: 0, refusedByScreening: 1, withoutCategory: 0 });
    const again = await drawApplications(t.ctx, operator, r.value.id, { category: 'kursi-roda' });
    assert.deepEqual(again.ok && again.value, { added: 0, alreadyListed: 1, refusedByScreening: 1, withoutCategory: 0 });
    const [rahmat] = await candidatesOfRound(t.database.db, r.value.id, 10);
    assert.deepEqual([rahmat!.name, rahmat!.source, rahmat!.category], ['RAHMAT HIDAYAT', 'applications', 'kursi-roda']);
    assert.match(rahmat!.source_note ?? '', /\d/, 'the case’s registration number');
    // Santunan's candidates come from DTKS, not from applications.
    const second = await openRound(t.ctx, operator, { programme: 'santunan-sosial-kukar-idaman', period: '2026', stage: 'Tahap II', referenceDate: '2026-01-01' });
    assert.ok(second.ok);
    const wrong = await drawApplications(t.ctx, operator, second.value.id, {});
    assert.equal(!wrong.ok && wrong.error.problems[0]!.code, 'source-not-in-decree');
  });

  it('audits every change in the office chain', async () => {
    const actions = (await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'programme-%').execute()).map((a) => a.action);
    for (const a of ['programme-round-opened', 'programme-applicants-drawn', 'programme-candidate-added', 'programme-candidate-verified', 'programme-report-signed', 'programme-decree-signed']) assert.ok(actions.includes(a), a);
  });
});
