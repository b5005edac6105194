/**
 * DOMAIN.md §8's lints on the decree text, each against the real seed that has the finding: Kota
 * Jambi cites PP 2/2018 "tentang Pelayanan Minimal" and Permendagri 59/2021 "tentang Penetapan …"
 * (wrong titles) and UU 11/2009 as of 2019 (wrong year); Kota Semarang cites the revoked Permensos
 * 25/2015 and lists 9 services with annexes up to Lampiran VIII; Kutai Kartanegara charges the DPA of
 * 2023 in a decree of 22 Mei 2024. Banjarmasin and Pekanbaru have none of these. The facts are data
 * (standards/regulations.yaml), each with its source.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintDecreeText, validateRegulationsFile } from '../../../src/domain/standards/lint-regulations.js';
import { loadRegulations } from '../../../src/io/regulations-file.js';
import { SEED_STANDARDS_DIR } from '../../support/paths.js';

const facts = loadRegulations(SEED_STANDARDS_DIR);
const decree = (slug: string) => readFileSync(join(SEED_STANDARDS_DIR, slug, 'decree.txt'), 'utf8');
const lint = (slug: string, date: string | null) => lintDecreeText(decree(slug), facts.regulations, { decreeDate: date }).map((l) => [l.code, l.lines]);

describe('decree lints on the decree text (DOMAIN.md §8)', () => {
  it('the known-regulation facts load, each with its source', () => {
    assert.deepEqual(facts.problems, []);
    assert.deepEqual(facts.regulations.map((r) => r.id), ['uu-11-2009', 'pp-2-2018', 'permendagri-59-2021', 'permensos-25-2015']);
    assert.ok(facts.regulations.every((r) => r.source.length > 20));
  });

  it('Kota Jambi: two wrong titles and a wrong year, at their lines', () => {
    assert.deepEqual(lint('kota-jambi', '2023-12-29'), [
      ['wrong-title', [44]],
      ['wrong-title', [53]],
      ['wrong-year', [534, 561, 587, 616, 644]],
    ]);
    const [pp, permendagri] = lintDecreeText(decree('kota-jambi'), facts.regulations, { decreeDate: '2023-12-29' });
    assert.match(pp!.message, /Peraturan Pemerintah Nomor 2 Tahun 2018 dikutip dengan judul yang salah \("tentang Pelayanan Minimal/);
    assert.match(permendagri!.messageEn, /its title is "Penerapan Standar Pelayanan Minimal"/);
    assert.ok(decree('kota-jambi').split('\n')[533]!.includes('Undang-Undang No 11 Tahun 2019 tentang Kesejahteraan Sosial'));
  });

  it('Kota Semarang: a revoked regulation cited, and a service without its annex', () => {
    const found = lintDecreeText(decree('kota-semarang'), facts.regulations, { decreeDate: '2023-04-10' });
    assert.deepEqual(found.map((l) => [l.code, l.lines]), [['revoked-regulation', [465]], ['missing-annex', [102]]]);
    assert.match(found[0]!.message, /Nomor 25 Tahun 2015 tentang Kelompok Usaha Bersama dikutip sebagai dasar hukum, padahal sudah dicabut oleh Peraturan Menteri Sosial Nomor 2 Tahun 2019/);
    assert.equal(found[1]!.message, 'Keputusan menyebut 9 layanan, tetapi lampirannya hanya sampai Lampiran VIII: 1 layanan tanpa lampiran standar');
  });

  it('Kutai Kartanegara: the DPA of 2023 in a decree of 2024; the same decree dated 2023 would be fine', () => {
    assert.deepEqual(lint('kabupaten-kutai-kartanegara', '2024-05-22'), [['stale-budget-year', [56]]]);
    assert.deepEqual(lint('kabupaten-kutai-kartanegara', '2023-06-01'), []);
  });

  it('Banjarmasin and Pekanbaru cite correctly; without facts only the budget and annex checks run', () => {
    assert.deepEqual(lint('kota-banjarmasin', '2024-06-10'), []);
    assert.deepEqual(lint('kota-pekanbaru', null), []);
    assert.deepEqual(lintDecreeText(decree('kota-jambi'), [], { decreeDate: '2023-12-29' }), []);
  });

  it('a fact without its source is refused at its line', () => {
    const r = validateRegulationsFile({ path: 'standards/regulations.yaml', text: 'regulations:\n  - id: uu-11-2009\n    kind: Undang-Undang\n    number: 11\n    year: 2009\n    title: Kesejahteraan Sosial\n' });
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.line, 2);
  });
});
