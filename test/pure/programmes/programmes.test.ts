/**
 * Programmes as data: every programme the decrees describe loads, its words are the decree's own,
 * the schedule figures follow from the data (12 × Rp 200.000, 6 permakanan deliveries, 12 × Rp
 * 900.000), the validator points at file:line:column, and screening applies age bands on the
 * reference date, cross-programme exclusions and group rules with the decree's wording.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGroup, findCategory, screen, type GroupMember } from '../../../src/domain/programmes/eligibility.js';
import { NOT_STATED, totalPerRecipient, type Programme } from '../../../src/domain/programmes/schema.js';
import { validateProgrammes } from '../../../src/domain/programmes/validate.js';
import { normalizeLoose } from '../../../src/domain/standards/verbatim.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const { offices, problems } = loadStandardsDir(STANDARDS_DIR);
const office = (slug: string) => offices.find((o) => o.office.slug === slug)!;
const programme = (o: string, slug: string): Programme => {
  const p = office(o).programmes.find((x) => x.slug === slug);
  assert.ok(p, `${o}/${slug}`);
  return p;
};
const KUKAR = 'kabupaten-kutai-kartanegara';

/** Every decree-words field of a programme, with where it sits. */
function texts(p: Programme): [string, string][] {
  const out: [string, string][] = [
    ['unitText', p.unitText], ['candidates', p.candidates.text], ['verification', p.verification.text], ['recipientDecree', p.recipientDecree.text],
    ['funding', p.funding.text], ['quota', p.quota.text], ['channel', p.channel.text],
    ...p.conditions.map((c): [string, string] => [`conditions.${c.id}`, c.text]),
    ...p.channel.checks.map((c): [string, string] => [`channel.checks.${c.id}`, c.text]),
  ];
  for (const c of p.categories) {
    out.push([`${c.key}.amount`, c.amount.text], [`${c.key}.duration`, c.duration.text]);
    if (c.age) out.push([`${c.key}.age`, c.age.text]);
    out.push(...c.conditions.map((x): [string, string] => [`${c.key}.${x.id}`, x.text]));
  }
  if (p.group) out.push(['group.size', p.group.size.text], ['group.officers', p.group.officersText], ['group.individual', p.group.individualText], ['group.amount', p.group.amountPerGroup.text], ['group.decree', p.group.groupDecree], ['group.report', p.group.report]);
  return out;
}

describe('programmes as data', () => {
  it('loads every programme the decrees describe, with no problem', () => {
    assert.deepEqual(problems, []);
    const slugs = (o: string) => office(o).programmes.map((p) => p.slug);
    assert.deepEqual(slugs(KUKAR), ['alat-bantu-disabilitas', 'bantuan-permakanan', 'bantuan-sandang', 'bantuan-usaha-wrse', 'santunan-sosial-kukar-idaman', 'santunan-veteran']);
    assert.deepEqual(slugs('kota-semarang'), ['bantuan-kube', 'bantuan-rst']);
    assert.deepEqual(slugs('kota-banjarmasin'), ['pengusulan-jkn-kis', 'rs-rutilahu', 'santunan-kematian']);
  });

  it('copies the decree words exactly: every text is found in the office decree, or says "tidak dinyatakan"', () => {
    for (const o of offices)
      for (const p of o.programmes) {
        const decree = normalizeLoose(o.decreeText ?? '');
        for (const [where, text] of texts(p)) {
          if (text === NOT_STATED) continue;
          for (const line of text.split('\n')) assert.ok(decree.includes(normalizeLoose(line)), `${o.office.slug}/${p.slug} ${where}: "${line}" is not in decree.txt`);
        }
      }
  });

  it('gives the schedule figures of DOMAIN.md §3 from the data', () => {
    const santunan = programme(KUKAR, 'santunan-sosial-kukar-idaman');
    assert.equal(totalPerRecipient(findCategory(santunan, 'lanjut-usia-telantar')!), 2_400_000);
    assert.equal(totalPerRecipient(findCategory(santunan, 'pendidikan-anak')!), 2_000_000);
    assert.equal(totalPerRecipient(programme(KUKAR, 'santunan-veteran').categories[0]!), 10_800_000);
    const lansia = findCategory(programme(KUKAR, 'bantuan-permakanan'), 'lanjut-usia')!;
    assert.deepEqual([lansia.every, lansia.count, lansia.amount.kind], ['two-months', 6, 'in-kind']);
    assert.equal(programme('kota-semarang', 'bantuan-kube').group?.amountPerGroup.value, 20_000_000);
    // The decree states no amount for the death benefit: none is invented.
    assert.equal(programme('kota-banjarmasin', 'santunan-kematian').categories[0]!.amount.value, null);
    assert.equal(programme('kota-banjarmasin', 'pengusulan-jkn-kis').quota.text, '1 Bulan (sesuai dengan ketersediaan kuota usulan pada APBD maupun APBN)');
  });

  it('names who decrees the recipients as the decree does', () => {
    assert.equal(programme(KUKAR, 'santunan-sosial-kukar-idaman').recipientDecree.issuer, 'bupati');
    assert.equal(programme(KUKAR, 'alat-bantu-disabilitas').recipientDecree.signedInSigap, true);
    assert.equal(programme(KUKAR, 'bantuan-sandang').recipientDecree.text, NOT_STATED);
    assert.deepEqual(programme(KUKAR, 'santunan-sosial-kukar-idaman').verification.roles, ['pendamping', 'verifikator']);
  });
});

describe('the programme validator', () => {
  const kukar = office(KUKAR);
  const services = new Set(kukar.services.map((s) => s.slug));
  const file = (text: string) => [{ path: 'standards/kabupaten-kutai-kartanegara/programmes/uji.yaml', text }];
  const base = `slug: uji
name: Uji
service: santunan-veteran
source: Lampiran
unit: person
unitText: tidak dinyatakan
referenceDate: period-start
candidates: { sources: [registry], text: tidak dinyatakan }
verification: { roles: [verifikator], text: tidak dinyatakan }
recipientDecree: { issuer: kepala-dinas, signedInSigap: true, text: tidak dinyatakan }
funding: { source: not-stated, text: tidak dinyatakan }
quota: { value: null, text: tidak dinyatakan }
channel: { kind: bank, name: null, text: tidak dinyatakan }
categories:
  - key: satu
    name: Satu
    amount: { value: 200000, kind: cash, text: tidak dinyatakan }
    every: month
    count: 12
    duration: { text: tidak dinyatakan }
`;

  it('accepts a well-formed programme', () => {
    assert.deepEqual(validateProgrammes(kukar.office, services, file(base)).problems, []);
  });

  it('points at the line and column of an undeclared verifier role', () => {
    const { problems: p } = validateProgrammes(kukar.office, services, file(base.replace('roles: [verifikator]', 'roles: [lurah]')));
    assert.equal(p.length, 1);
    assert.deepEqual([p[0]!.line, p[0]!.column, p[0]!.code], [9, 25, 'unknown-role']);
    assert.match(p[0]!.message, /peran tidak dideklarasikan di office.yaml: lurah/);
    assert.match(p[0]!.messageEn, /role not declared/);
  });

  it('refuses an unknown frequency, a registry condition without a rule, a fact a programme cannot read, and a reversed age band', () => {
    const bad = base.replace('every: month', 'every: weekly') + `    age: { min: 59, max: 18, text: tidak dinyatakan }
    conditions:
      - { id: dtks, text: tidak dinyatakan, check: registry }
      - { id: umur, text: tidak dinyatakan, check: registry, rule: { fact: applicant.age, op: gte, value: 60 } }
`;
    const { problems: p } = validateProgrammes(kukar.office, services, file(bad));
    const at = (code: string) => p.find((x) => x.code === code);
    // The schema refuses first; the rest shows once the frequency is fixed.
    assert.equal(at('invalid-value')?.line, 18);
    const second = validateProgrammes(kukar.office, services, file(bad.replace('every: weekly', 'every: month'))).problems;
    assert.deepEqual(second.map((x) => [x.code, x.line]), [['age-band', 21], ['rule-missing', 23], ['unknown-fact', 24]]);
  });

  it('refuses an SK signed in Sigap for an issuer outside the office, and a missing service', () => {
    const { problems: p } = validateProgrammes(kukar.office, services, file(base.replace('issuer: kepala-dinas', 'issuer: bupati').replace('service: santunan-veteran', 'service: tidak-ada')));
    assert.deepEqual(p.map((x) => x.code).sort(), ['issuer-outside', 'unknown-ref']);
  });
});

describe('screening a candidate', () => {
  const santunan = programme(KUKAR, 'santunan-sosial-kukar-idaman');
  const lansia = findCategory(santunan, 'lanjut-usia-telantar')!;
  const permakanan = programme(KUKAR, 'bantuan-permakanan');
  const dtks = { 'registry.dtks': true, 'registry.pkh': false, 'registry.bpnt': false };

  it('counts the age on the reference date: 60 on the period start passes, the day before does not', () => {
    const on = '2026-01-01';
    assert.equal(screen(santunan, lansia, { birthDate: '1966-01-01', sex: 'P' }, dtks, on).result, 'eligible');
    const young = screen(santunan, lansia, { birthDate: '1966-01-02', sex: 'P' }, dtks, on);
    assert.equal(young.result, 'ineligible');
    assert.deepEqual(young.checks.filter((c) => c.verdict === 'fail').map((c) => c.text), ['Berusia 60 tahun ke atas']);
  });

  it('leaves the field conditions to the verifier and never passes an unknown birth date', () => {
    const s = screen(santunan, lansia, { birthDate: null, sex: null }, dtks, '2026-01-01');
    assert.equal(s.result, 'unknown');
    assert.deepEqual(s.checks.filter((c) => c.verdict === 'to-verify').map((c) => c.id), ['penduduk-kukar', 'tidak-bekerja-bukan-penerima']);
  });

  it('excludes a PKH or Program Sembako recipient from permakanan, naming the decree condition', () => {
    const cat = findCategory(permakanan, 'lanjut-usia')!;
    const pkh = screen(permakanan, cat, { birthDate: '1950-03-04', sex: 'L' }, { ...dtks, 'registry.pkh': true }, '2026-01-01');
    assert.equal(pkh.result, 'ineligible');
    const failed = pkh.checks.find((c) => c.verdict === 'fail')!;
    assert.equal(failed.exclusion, true);
    assert.match(failed.text, /Bukan penerima bantuan Program Keluarga Harapan \(PKH\) dan atau Program Sembako/);
    assert.equal(screen(permakanan, cat, { birthDate: '1950-03-04', sex: 'L' }, { ...dtks, 'registry.bpnt': true }, '2026-01-01').result, 'ineligible');
    assert.equal(screen(permakanan, cat, { birthDate: '1950-03-04', sex: 'L' }, dtks, '2026-01-01').result, 'eligible');
  });

  it('holds a woman of 59 years to the WRSE band and refuses her at 60 and a man at any age', () => {
    const wrse = programme(KUKAR, 'bantuan-usaha-wrse');
    const cat = wrse.categories[0]!;
    const on = '2026-03-10';
    assert.equal(screen(wrse, cat, { birthDate: '1966-03-11', sex: 'P' }, {}, on).result, 'eligible');
    assert.equal(screen(wrse, cat, { birthDate: '1966-03-10', sex: 'P' }, {}, on).result, 'ineligible');
    assert.equal(screen(wrse, cat, { birthDate: '1990-05-05', sex: 'L' }, {}, on).result, 'ineligible');
  });
});

describe('group rules as data', () => {
  const kube = programme('kota-semarang', 'bantuan-kube').group!;
  const rst = programme('kota-semarang', 'bantuan-rst').group!;
  const on = '2026-02-10';
  const members = (n: number, birthDate = '1980-06-15'): GroupMember[] => Array.from({ length: n }, (_, i) => ({ name: `ANGGOTA ${i + 1}`, birthDate }));

  it('KUBE: exactly 10 KK; 9 or 11 are refused with the decree wording', () => {
    assert.deepEqual(checkGroup(kube, members(10), on), []);
    for (const n of [9, 11]) {
      const p = checkGroup(kube, members(n), on);
      assert.deepEqual(p.map((x) => x.code), ['group-size']);
      assert.match(p[0]!.message, /Satu kelompok beranggotakan 10 KK/);
    }
  });

  it('KUBE: a member aged 19 years 364 days is refused, one aged 55 before the 56th birthday accepted', () => {
    const young = [...members(9), { name: 'RUDI HARTONO', birthDate: '2006-02-11' }];
    const p = checkGroup(kube, young, on);
    assert.deepEqual(p.map((x) => [x.code, x.field]), [['group-member-age', 'members.9.birthDate']]);
    assert.match(p[0]!.message, /RUDI HARTONO: berusia 19 tahun.*minimal 20 tahun dan maksimal 55 tahun/);
    assert.deepEqual(checkGroup(kube, [...members(9), { name: 'SITI AMINAH', birthDate: '1970-02-11' }], on), []);
  });

  it('RST: 3–15 KK with one ketua, sekretaris and bendahara; 2 or 16 KK, or no bendahara, refused', () => {
    const officers = (m: GroupMember[]): GroupMember[] => m.map((x, i) => ({ ...x, role: (['ketua', 'sekretaris', 'bendahara'] as const)[i] ?? null }));
    assert.deepEqual(checkGroup(rst, officers(members(3)), on), []);
    assert.deepEqual(checkGroup(rst, officers(members(2)), on).map((x) => x.code), ['group-size', 'group-officer']);
    assert.deepEqual(checkGroup(rst, officers(members(16)), on).map((x) => x.code), ['group-size']);
    const noTreasurer = officers(members(5)).map((m) => (m.role === 'bendahara' ? { ...m, role: null } : m));
    assert.match(checkGroup(rst, noTreasurer, on)[0]!.message, /tanpa bendahara/);
  });
});
