/**
 * The SPM mapping as office data (standards/<office>/spm.yaml): Kutai Kartanegara's file loads;
 * a wrong service, a procedure end that does not exist or does not deliver the service, and a
 * service mapped twice are each refused at file:line:column in both languages. And the needs
 * register's entry: every wrong field named.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { loadOfficeSpm } from '../../../src/io/spm-file.js';
import { validateSpmFile } from '../../../src/domain/oversight/spm-file.js';
import { readSpmNeed } from '../../../src/domain/oversight/spm-need.js';

const loaded = loadStandardsDir('standards');
const kukar = loaded.offices.find((o) => o.office.slug === 'kabupaten-kutai-kartanegara')!;

describe('SPM mapping (spm.yaml)', () => {
  it("Kutai Kartanegara's mapping loads with the standards: disaster aid and assistive devices, their delivered end only", () => {
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loadOfficeSpm(kukar.dir, kukar.services).mapping, [
      { service: 'alat-bantu-disabilitas', indicator: 'rehsos-disabilitas', ends: ['selesai'] },
      { service: 'bantuan-korban-bencana', indicator: 'linjamsos-bencana', ends: ['selesai'] },
    ]);
  });

  it('each mistake at file:line:column, in both languages', () => {
    const text = [
      'mappings:',
      '  - service: bantuan-korban-bencana',
      '    indicator: linjamsos-bencana',
      '    ends: [selesai, tidak-valid]',
      '    source: "Peraturan Menteri Sosial Nomor 9 Tahun 2018"',
      '  - service: bantuan-korban-bencana',
      '    indicator: linjamsos-bencana',
      '    ends: [diterima]',
      '    source: "Peraturan Menteri Sosial Nomor 9 Tahun 2018"',
      '  - service: santunan-yatim',
      '    indicator: rehsos-anak',
      '    ends: [selesai]',
      '    source: "Peraturan Menteri Sosial Nomor 9 Tahun 2018"',
    ].join('\n');
    const r = validateSpmFile({ path: 'standards/x/spm.yaml', text }, kukar.services);
    assert.deepEqual(r.mapping, []);
    const where = r.problems.map((p) => `${p.line}:${p.column} ${p.code}`);
    assert.deepEqual(where, ['4:21 end-not-delivered', '6:14 duplicate-service', '8:12 unknown-end', '10:14 unknown-ref']);
    assert.match(r.problems.find((p) => p.code === 'end-not-delivered')!.message, /akhir "tidak-valid" bukan layanan yang diberikan \(rejected\)/);
    assert.match(r.problems.find((p) => p.code === 'unknown-ref')!.messageEn, /unknown service in this office: santunan-yatim/);
    // An indicator that is not one of the five is refused by the schema, at its value.
    const wrong = validateSpmFile({ path: 'standards/x/spm.yaml', text: 'mappings:\n  - service: alat-bantu-disabilitas\n    indicator: rehsos-tuna-wisma\n    ends: [selesai]\n    source: "Peraturan Menteri Sosial Nomor 9 Tahun 2018"\n' }, kukar.services);
    assert.deepEqual(wrong.problems.map((p) => [p.file, p.line, p.column]), [['standards/x/spm.yaml', 3, 16]]);
  });
});

describe('an entry of the needs register', () => {
  it('reads a correct entry, trimming the name and the NIK', () => {
    const r = readSpmNeed({ year: '2026', indicator: 'rehsos-lansia', nik: '6402 0155 0780 0001', name: '  Siti Rahmah ', assessedOn: '2025-11-20' }, '2026-02-01');
    assert.deepEqual(r, { ok: true, value: { year: 2026, indicator: 'rehsos-lansia', nik: '6402015507800001', name: 'Siti Rahmah', assessedOn: '2025-11-20', note: null } });
  });

  it('names every wrong field: year, indicator, NIK, name, a date two years early, a future date', () => {
    const r = readSpmNeed({ year: '26', indicator: 'lansia', nik: '640201', name: 'S', assessedOn: '2026-02-30' }, '2026-02-01');
    assert.ok(!r.ok);
    assert.deepEqual(r.error.map((p) => p.field), ['year', 'indicator', 'nik', 'name', 'assessedOn']);
    const early = readSpmNeed({ year: 2026, indicator: 'rehsos-anak', nik: '6402015507800001', name: 'Budi', assessedOn: '2024-12-31' }, '2026-02-01');
    assert.ok(!early.ok);
    assert.equal(early.error[0]!.message, 'Asesmen untuk tahun anggaran 2026 bertanggal 2025 atau 2026');
    const future = readSpmNeed({ year: 2026, indicator: 'rehsos-anak', nik: '6402015507800001', name: 'Budi', assessedOn: '2026-03-01' }, '2026-02-01');
    assert.ok(!future.ok);
    assert.equal(future.error[0]!.messageEn, 'The assessment date cannot be in the future');
  });
});
