/**
 * Kutai Kartanegara's bantuan permakanan, evaluated and replaced on a real database: 100 places
 * decreed by the head of office's SK; three recipients leave (one evaluated "Tidak Memenuhi
 * Syarat", one deceased, one moved away; another evaluated "Memenuhi Syarat" stays); the ranked
 * waiting list of Tahap II's verified village proposals (first verified, first placed); the
 * amending round keeps 97 and adds the top 3, its berita acara lists all 6 changes with their
 * reasons, the amending SK names the decree it changes and why, and the next cycles (6 deliveries,
 * "setiap 2 bulan sekali") come from it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { documentsOfRound } from '../../src/db/programmes-repo.js';
import type { Actor } from '../../src/usecases/context.js';
import { addCandidate } from '../../src/usecases/programmes/add-candidate.js';
import { downloadDocument } from '../../src/usecases/programmes/download-document.js';
import { evaluateRecipient } from '../../src/usecases/programmes/evaluate-recipient.js';
import { generateCycles } from '../../src/usecases/programmes/generate-cycles.js';
import { issueAmendingDecree } from '../../src/usecases/programmes/issue-amending-decree.js';
import { issueDecree } from '../../src/usecases/programmes/issue-decree.js';
import { issueReport } from '../../src/usecases/programmes/issue-report.js';
import { openRound } from '../../src/usecases/programmes/open-round.js';
import { prepareReplacement } from '../../src/usecases/programmes/prepare-replacement.js';
import { recordExit } from '../../src/usecases/programmes/record-exit.js';
import { replacementOf } from '../../src/usecases/programmes/replacement-of.js';
import { verifyCandidate } from '../../src/usecases/programmes/verify-candidate.js';
import { candidatesOfRound } from '../../src/db/programmes-repo.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { pdfText } from '../support/pdf.js';
import { staffActor } from '../registry/support.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const SLUG = 'bantuan-permakanan';
const VILLAGES = ['MANGKURAWANG', 'LOA IPUH', 'SUKARAME', 'MELAYU', 'TIMBAU'];
/** A lansia's NIK from Tenggarong (6403 02), born in 1950 or 1951, unique per i. */
const nik = (i: number) => `640302${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${50 + (i % 2)}${String(1000 + i).padStart(4, '0')}`;

describe(`programme evaluation, exits and replacement: permakanan, 100 places, 3 exits (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2026-01-10T02:00:00Z');
  let operator: Actor, verifikator: Actor, head: Actor;
  let tahap1: string, tahap2: string, amending: string;
  let decree: { number: string; people: { nik: string; name: string }[] };
  const LEAVERS = { evaluated: 'LANSIA 007', deceased: 'LANSIA 042', moved: 'LANSIA 099' };

  before(async () => {
    t = await testCtx({ now: () => clock });
    const as = (role: string) => staffActor(t.ctx, role, OFFICE);
    [operator, verifikator, head] = [await as('operator'), await as('verifikator'), await as('kepala-dinas')];
    const open = async (stage: string) => {
      const r = await openRound(t.ctx, operator, { programme: SLUG, period: '2026', stage, referenceDate: '2026-01-01' });
      assert.ok(r.ok, JSON.stringify(r));
      return r.value.id;
    };
    const add = async (round: string, i: number, name: string) => assert.ok((await addCandidate(t.ctx, operator, round, { nik: nik(i), name, category: 'lanjut-usia', source: 'village', village: VILLAGES[i % 5]!, note: `Usulan Desa ${VILLAGES[i % 5]} 2026` })).ok);
    tahap1 = await open('Tahap I');
    for (let i = 1; i <= 100; i++) await add(tahap1, i, `LANSIA ${String(i).padStart(3, '0')}`);
    for (const c of await candidatesOfRound(t.database.db, tahap1, 500)) assert.ok((await verifyCandidate(t.ctx, operator, tahap1, c.id, { result: 'eligible', version: c.version })).ok);
    assert.ok((await issueReport(t.ctx, operator, tahap1)).ok);
    const sk = await issueDecree(t.ctx, head, tahap1, {});
    assert.ok(sk.ok, JSON.stringify(sk));
    decree = { number: sk.value.number, people: (await documentsOfRound(t.database.db, tahap1)).find((d) => d.kind === 'sk')!.people };
    // Tahap II: five verified village proposals, verified at different hours (the waiting list's order).
    tahap2 = await open('Tahap II');
    const waiting = ['SITI AMINAH', 'BAHRUDIN', 'NORHAYATI', 'JAMALUDIN', 'RUSMINAH'];
    for (const [k, name] of waiting.entries()) await add(tahap2, 200 + k, name);
    const order = ['NORHAYATI', 'SITI AMINAH', 'JAMALUDIN', 'BAHRUDIN', 'RUSMINAH'];
    for (const [k, name] of order.entries()) {
      clock = new Date(`2026-02-0${k + 2}T02:00:00Z`);
      const c = (await candidatesOfRound(t.database.db, tahap2, 50)).find((x) => x.name === name)!;
      assert.ok((await verifyCandidate(t.ctx, operator, tahap2, c.id, { result: 'eligible', version: c.version })).ok);
    }
    assert.ok((await issueReport(t.ctx, operator, tahap2)).ok);
    clock = new Date('2026-03-02T02:00:00Z');
  });
  after(() => t.close());

  const who = (name: string) => decree.people.find((p) => p.name === name)!;

  it('records evaluations by the decree’s role: Memenuhi stays, Tidak Memenuhi Syarat needs a reason and exits', async () => {
    const byVerifikator = await evaluateRecipient(t.ctx, verifikator, SLUG, { period: '2026', nik: who('LANSIA 001').nik, name: 'LANSIA 001', result: 'memenuhi' });
    assert.equal(!byVerifikator.ok && byVerifikator.error.kind, 'forbidden');
    const stays = await evaluateRecipient(t.ctx, operator, SLUG, { period: '2026', nik: who('LANSIA 001').nik, name: 'LANSIA 001', result: 'memenuhi' });
    assert.ok(stays.ok && !stays.value.exited);
    const noReason = await evaluateRecipient(t.ctx, operator, SLUG, { period: '2026', nik: who(LEAVERS.evaluated).nik, name: LEAVERS.evaluated, result: 'tidak-memenuhi' });
    assert.equal(!noReason.ok && noReason.error.problems[0]!.field, 'reason');
    const out = await evaluateRecipient(t.ctx, operator, SLUG, { period: '2026', nik: who(LEAVERS.evaluated).nik, name: LEAVERS.evaluated, result: 'tidak-memenuhi', reason: 'Kini diurus anaknya yang bekerja di Samarinda' });
    assert.ok(out.ok && out.value.exited);
    assert.ok((await recordExit(t.ctx, operator, SLUG, { period: '2026', nik: who(LEAVERS.deceased).nik, name: LEAVERS.deceased, reason: 'deceased', date: '2026-02-15' })).ok);
    assert.ok((await recordExit(t.ctx, operator, SLUG, { period: '2026', nik: who(LEAVERS.moved).nik, name: LEAVERS.moved, reason: 'moved', date: '2026-02-20', note: 'Pindah ke Kota Balikpapan' })).ok);
    const twice = await recordExit(t.ctx, operator, SLUG, { period: '2026', nik: who(LEAVERS.moved).nik, name: LEAVERS.moved, reason: 'moved', date: '2026-02-21' });
    assert.equal(!twice.ok && twice.error.kind, 'conflict');
  });

  it('ranks the waiting list of verified proposals: first verified, first placed', async () => {
    const r = await replacementOf(t.ctx, operator, tahap1);
    assert.ok(r.ok);
    assert.deepEqual(r.value.waiting.map((w) => w.name), ['NORHAYATI', 'SITI AMINAH', 'JAMALUDIN', 'BAHRUDIN', 'RUSMINAH']);
    assert.deepEqual(r.value.removed.map((p) => p.name).sort(), Object.values(LEAVERS).sort());
    assert.equal(r.value.kept.length, 97);
  });

  it('keeps 97, adds the top 3 of the waiting list, and its berita acara lists all 6 changes with their reasons', async () => {
    const r = await prepareReplacement(t.ctx, verifikator, tahap1);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual({ removed: r.value.removed, added: r.value.added, kept: r.value.kept }, { removed: 3, added: 3, kept: 97 });
    amending = r.value.roundId;
    const again = await prepareReplacement(t.ctx, verifikator, tahap1);
    assert.equal(!again.ok && again.error.problems[0]!.code, 'already-amended', 'a decree is amended once; the next change amends the amendment');
    const [ba] = await documentsOfRound(t.database.db, amending);
    assert.equal(ba!.kind, 'berita-acara');
    assert.equal(ba!.people.length, 6);
    const pdf = await downloadDocument(t.ctx, operator, amending, ba!.id);
    assert.ok(pdf.ok);
    const text = (await pdfText(pdf.value.pdf)).text.replace(/\s+/g, ' ');
    assert.match(text, /6 perubahan atas penerima yang ditetapkan dengan Keputusan Nomor/);
    assert.ok(text.includes(`${LEAVERS.evaluated} — NIK ${who(LEAVERS.evaluated).nik}`) && text.includes('Tidak lagi memenuhi syarat, 2026-03-02 (Kini diurus anaknya yang bekerja di Samarinda)'));
    assert.ok(text.includes('Meninggal dunia, 2026-02-15') && text.includes('Pindah domisili, 2026-02-20 (Pindah ke Kota Balikpapan)'));
    for (const name of ['NORHAYATI', 'SITI AMINAH', 'JAMALUDIN']) assert.ok(text.includes(name), name);
    assert.ok(!text.includes('BAHRUDIN') && !text.includes('RUSMINAH'));
    assert.match(text, /pengganti dari usulan yang telah diverifikasi: Tahap II, Berita Acara Nomor 400\.9\/\d{4}\/DINSOS\/2026/);
  });

  it('the amending SK names the decree it changes and why; the next cycles come from it (100 recipients, 6 deliveries)', async () => {
    const byOperator = await issueAmendingDecree(t.ctx, operator, amending);
    assert.equal(!byOperator.ok && byOperator.error.kind, 'forbidden');
    const sk = await issueAmendingDecree(t.ctx, head, amending);
    assert.ok(sk.ok, JSON.stringify(sk));
    assert.equal(sk.value.recipients, 100);
    const doc = (await documentsOfRound(t.database.db, amending)).find((d) => d.kind === 'sk')!;
    const names = new Set(doc.people.map((p) => p.name));
    for (const n of Object.values(LEAVERS)) assert.ok(!names.has(n), n);
    for (const n of ['NORHAYATI', 'SITI AMINAH', 'JAMALUDIN', 'LANSIA 001']) assert.ok(names.has(n), n);
    const pdf = await downloadDocument(t.ctx, operator, amending, doc.id);
    assert.ok(pdf.ok);
    const text = (await pdfText(pdf.value.pdf)).text.replace(/\s+/g, ' ');
    assert.ok(text.includes(`Perubahan atas Keputusan Nomor ${decree.number}`));
    assert.match(text, /Mengeluarkan dari daftar penerima: .*LANSIA 042 \(Meninggal dunia, 2026-02-15\)/);
    assert.match(text, /Menetapkan sebagai penerima pengganti: NORHAYATI; SITI AMINAH; JAMALUDIN/);
    assert.match(text, /berjumlah 100 orang/);
    const cycles = await generateCycles(t.ctx, operator, { roundId: amending, category: 'lanjut-usia', firstMonth: '2026-04' });
    assert.ok(cycles.ok, JSON.stringify(cycles));
    assert.equal(cycles.value.ids.length, 6);
    assert.equal(cycles.value.recipients, 100);
    assert.equal(cycles.value.perRecipient, null, 'in kind: no rupiah amount is invented');
    const audit = (await t.database.db.selectFrom('audit_events').select('action').where('action', 'in', ['programme-recipient-evaluated', 'programme-recipient-exited']).execute()).map((a) => a.action);
    assert.equal(audit.filter((a) => a === 'programme-recipient-evaluated').length, 2);
    assert.equal(audit.filter((a) => a === 'programme-recipient-exited').length, 2);
  });
});
