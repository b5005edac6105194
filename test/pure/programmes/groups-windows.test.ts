/**
 * The pure rules of group proposals and filing windows, at their edges: the santunan kematian
 * window counted from the death as day 0 (15 Jan → 14 Feb in, 15 Feb out; across a leap February;
 * a death in the future refused), the RST report 105 days after disbursement and no KUBE deadline
 * invented, one member per KK in a KUBE, an RST individual of exactly one person, and a RAB above
 * the Rp 20 juta a KUBE receives refused in the decree's words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filingWindowProblem, lastFilingDay } from '../../../src/domain/applications/filing-window.js';
import { checkGroupMembers, checkRab, reportDue, type MemberInput } from '../../../src/domain/programmes/groups.js';
import type { Programme } from '../../../src/domain/programmes/schema.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const { offices } = loadStandardsDir(STANDARDS_DIR);
const programme = (o: string, slug: string): Programme => offices.find((x) => x.office.slug === o)!.programmes.find((p) => p.slug === slug)!;
const KUBE = programme('kota-semarang', 'bantuan-kube');
const RST = programme('kota-semarang', 'bantuan-rst');
const window = offices.find((o) => o.office.slug === 'kota-banjarmasin')!.services.find((s) => s.slug === 'santunan-kematian')!.filingWindow!;

/** Ten Semarang heads of family born in the 1980s, each on their own KK. */
const ten = (): MemberInput[] => Array.from({ length: 10 }, (_, i) => ({ nik: `33740115058${i}${String(i + 1).padStart(4, '0')}`, kk: `337401150309001${i}`, name: `Anggota ${i + 1}`, birthDate: `198${i}-05-15` }));

describe('filing windows and group proposals (pure)', () => {
  it('counts the santunan kematian window from the death as day 0', () => {
    assert.equal(window.days, 30);
    assert.equal(lastFilingDay(window, '2025-01-15'), '2025-02-14');
    assert.equal(filingWindowProblem(window, 'Tanggal meninggal dunia', '2025-01-15', '2025-02-14'), null);
    const late = filingWindowProblem(window, 'Tanggal meninggal dunia', '2025-01-15', '2025-02-15');
    assert.equal(late?.code, 'filing-window-closed');
    assert.equal(late?.field, 'answers.tanggal-meninggal');
    assert.match(late!.message, /"2\. Pengajuan oleh Ahli Waris dan tidak lebih dari 30 hari kalender dari tanggal meninggal dunia\."$/);
    // Across a leap February: 10 February 2024 + 30 days is 11 March 2024.
    assert.equal(lastFilingDay(window, '2024-02-10'), '2024-03-11');
    assert.equal(filingWindowProblem(window, 'Tanggal meninggal dunia', '2025-03-01', '2025-02-28')?.code, 'date-in-future');
  });

  it('sets the RST report 105 days after disbursement and invents none for KUBE', () => {
    assert.equal(reportDue(RST, '2026-03-10'), '2026-06-23');
    assert.equal(reportDue(RST, '2026-12-01'), '2027-03-16');
    assert.equal(reportDue(KUBE, '2026-03-10'), null);
  });

  it('accepts ten KK aged 20–55 and refuses two members on one KK with the decree’s size rule', () => {
    assert.deepEqual(checkGroupMembers(KUBE, ten(), '2026-03-02', false).problems, []);
    const members = ten();
    members[4] = { ...members[4]!, kk: members[3]!.kk };
    const { problems } = checkGroupMembers(KUBE, members, '2026-03-02', false);
    assert.deepEqual(problems.map((p) => [p.field, p.code]), [['members.4.kk', 'family-twice']]);
    assert.match(problems[0]!.message, /"3\. Satu kelompok beranggotakan 10 KK"/);
  });

  it('takes an RST individual of exactly one person without officers, and no KUBE individual', () => {
    const one = ten().slice(0, 1);
    assert.deepEqual(checkGroupMembers(RST, one, '2026-03-02', true).problems, []);
    assert.deepEqual(checkGroupMembers(RST, ten().slice(0, 2), '2026-03-02', true).problems.map((p) => p.code), ['individual-one', 'group-size']);
    assert.ok(checkGroupMembers(KUBE, one, '2026-03-02', true).problems.some((p) => p.code === 'individual-not-allowed' && p.field === 'individual'));
  });

  it('refuses a KUBE RAB above Rp 20 juta and takes one at exactly Rp 20 juta', () => {
    assert.deepEqual(checkRab(KUBE, [{ item: 'Etalase', amount: 5_000_000 }, { item: 'Stok barang', amount: 15_000_000 }]), { total: 20_000_000, problems: [] });
    const over = checkRab(KUBE, [{ item: 'Etalase', amount: 5_000_000 }, { item: 'Stok barang', amount: 15_000_001 }]);
    assert.equal(over.problems[0]?.code, 'rab-over');
    assert.match(over.problems[0]!.message, /"Bantuan Uang Non Tunai sebesar 20 Juta \/ kelompok \(KUBE\)"/);
    assert.equal(checkRab(RST, []).problems[0]?.code, 'rab-required');
  });
});
