import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedNext, checkComplaintIntake, checkTransition, cleanText, complaintStages, officeChannels, receiptNumber, responsePromise } from '../../../src/domain/complaints/index.js';

describe('complaint stages (pure)', () => {
  it('uses the default work stages when the decree names none, the decree’s own otherwise', () => {
    assert.deepEqual(complaintStages().map((s) => s.id), ['diterima', 'cek-administrasi', 'diteruskan', 'dijawab', 'selesai', 'bukan-kewenangan', 'digabung']);
    const bjm = complaintStages(['cek administrasi', 'koordinasi internal/eksternal']);
    assert.deepEqual(bjm.filter((s) => s.kind === 'work').map((s) => [s.id, s.label, s.routing]), [
      ['cek-administrasi', 'Cek administrasi', false],
      ['koordinasi-internal-eksternal', 'Koordinasi internal/eksternal', true],
    ]);
  });

  it('moves forward only, and every way out answers the complainant', () => {
    const st = complaintStages();
    assert.deepEqual(allowedNext(st, 'cek-administrasi').map((s) => s.id), ['diteruskan', 'dijawab', 'bukan-kewenangan', 'digabung']);
    assert.deepEqual(allowedNext(st, 'dijawab').map((s) => s.kind), ['closed', 'work', 'work']);
    for (const end of ['selesai', 'bukan-kewenangan', 'digabung']) assert.deepEqual(allowedNext(st, end), []);
  });

  it('asks each stage for its data: the answer, the unit, where to go, the earlier complaint', () => {
    const st = complaintStages();
    const codes = (to: string, extra = {}) => {
      const r = checkTransition(st, 'diterima', { to, ...extra });
      return r.ok ? [] : r.problems.map((p) => p.code);
    };
    assert.deepEqual(codes('dijawab'), ['answer-required']);
    assert.deepEqual(codes('dijawab', { answer: 'pendek' }), ['too-short']);
    assert.deepEqual(codes('diteruskan').sort(), ['coordination-required', 'unit-required']);
    assert.deepEqual(codes('bukan-kewenangan'), ['referral-required']);
    assert.deepEqual(codes('digabung'), ['mergeInto-required']);
    assert.deepEqual(codes('selesai'), ['transition-not-allowed']);
    const ok = checkTransition(st, 'diterima', { to: 'digabung', mergeInto: ' bnj-adu-2026-000001 ' });
    assert.ok(ok.ok && ok.value.mergeInto === 'BNJ-ADU-2026-000001');
  });
});

describe('complaint intake and promise (pure)', () => {
  const facts = { channels: officeChannels(['counter', 'whatsapp']), serviceSlugs: new Set(['santunan-kematian']), staff: false, now: new Date('2026-04-08T02:00:00Z') };
  it('offers the decree’s channels plus the web form and SP4N-LAPOR!', () => {
    assert.deepEqual(officeChannels(['counter', 'whatsapp']), ['counter', 'whatsapp', 'website', 'lapor']);
  });
  it('accepts a public anonymous report and keeps no identity', () => {
    const r = checkComplaintIntake({ mode: 'anonymous', text: 'Loket tutup sebelum jam 12 siang pada hari Jumat.' }, facts);
    assert.ok(r.ok);
    assert.deepEqual([r.value.channel, r.value.type, r.value.complainant], ['website', 'pengaduan', null]);
  });
  it('reads the decree’s promise, or SP4N-LAPOR!’s 5 working days', () => {
    assert.deepEqual(responsePromise({ responsePromise: { text: 'tiga hari kerja', sla: { value: 3, unit: 'working_days', maxValue: null } } }).sla, { value: 3, unit: 'working_days', maxValue: null });
    assert.equal(responsePromise(undefined).source, 'default');
    assert.equal(responsePromise(undefined).sla.value, 5);
  });
  it('numbers receipts per office and year', () => {
    assert.equal(receiptNumber('BNJ', '2026', 42), 'BNJ-ADU-2026-000042');
  });
  it('cleans text: control characters refused, bidi overrides removed, line ends normalised', () => {
    const rule = { field: 'text', label: 'Isi', labelEn: 'Text', max: 50, multiline: true };
    assert.deepEqual(cleanText('a\r\nb\u202Ec', rule), { ok: true, value: 'a\nbc' });
    const bad = cleanText('bel\u0007', rule);
    assert.ok(!bad.ok && bad.problem.code === 'control-characters');
    const one = cleanText('dua\nbaris', { ...rule, multiline: false });
    assert.ok(!one.ok && one.problem.code === 'single-line');
  });
});
