import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAcrossOffices, formatProblem, validateOffice } from '../../../src/domain/standards/validate.js';

const OFFICE = `slug: kota-uji
registrationCode: UJI
name: Dinas Sosial Kota Uji
government: Pemerintah Kota Uji
region: { kind: kota, name: Kota Uji, province: Jambi }
address: Jl. Uji No. 1
timezone: Asia/Jakarta
decree:
  number: "7 Tahun 2026"
  title: Standar Pelayanan
  date: 2026-01-05
  signer: { name: Siti Rahmawati, title: Kepala Dinas }
serviceHours:
  source: decree
  week:
    - { days: [mon, tue, wed, thu, fri], open: "08:00", close: "15:00" }
complaints:
  channels:
    - { kind: counter, label: Loket Pengaduan }
letterNumbering: { format: "400.9/{seq:4}/Dinsos/{year}" }
roles:
  - { id: admin, name: Admin }
  - { id: front-office, name: Front Office }
  - { id: kepala-dinas, name: Kepala Dinas }
  - { id: auditor, name: Auditor }
`;

const SERVICE = `no: 1
slug: rekomendasi-sktm
title: Pelayanan Rekomendasi SKTM
components:
  - { key: persyaratan, group: delivery, heading: Persyaratan, text: "1. Fotocopy KK" }
sla: { text: "15 menit", value: 15, unit: minutes }
fee: { amount: 0, text: Gratis }
product: { text: Surat Rekomendasi SKTM, kind: letter }
procedure:
  start: terima
  steps:
    - id: terima
      label: Terima berkas
      kind: check
      role: front-office
      outcomes:
        - { id: lengkap, label: Lengkap, next: selesai }
  ends:
    - { id: selesai, label: Selesai, kind: completed }
`;

const run = (office: string, services: string[]) =>
  validateOffice(
    'kota-uji',
    { path: 'kota-uji/office.yaml', text: office },
    services.map((text, i) => ({ path: `kota-uji/services/0${i + 1}.yaml`, text })),
  );

describe('standards validator', () => {
  it('accepts a well-formed office with one service', () => {
    const { result, problems } = run(OFFICE, [SERVICE]);
    assert.deepEqual(problems, []);
    assert.equal(result?.services.length, 1);
    assert.equal(result?.services[0]?.sla?.maxValue, null, 'maxValue defaults to null');
  });

  it('reports a YAML syntax error with file, line and column', () => {
    const { result, problems } = run(OFFICE, ['no: 1\nslug: [unclosed\n']);
    assert.equal(result, null);
    assert.equal(problems[0]?.code, 'yaml-syntax');
    assert.equal(problems[0]?.file, 'kota-uji/services/01.yaml');
    assert.ok(problems[0]!.line >= 2, `line ${problems[0]!.line}`);
    assert.match(problems[0]!.message, /^YAML tidak sah/);
    assert.match(problems[0]!.messageEn, /^invalid YAML/);
  });

  it('points a wrong SLA unit at its line with both languages', () => {
    const broken = SERVICE.replace('unit: minutes', 'unit: menit');
    const { problems } = run(OFFICE, [broken]);
    assert.equal(problems.length, 1);
    assert.equal(
      formatProblem(problems[0]!),
      'kota-uji/services/01.yaml:6:43: sla.unit: harus salah satu dari minutes, hours, days, working_days, months, years / sla.unit: must be one of minutes, hours, days, working_days, months, years',
    );
  });

  it('accepts an office data-protection block and points a wrong one at its line (UU 27/2022 Pasal 53)', () => {
    const dp = 'dataProtection:\n  address: Jl. Uji No. 1\n  contacts:\n    - { kind: phone, label: Telepon, value: "(0741) 24193" }\n';
    const named = `${dp}  officer: { name: Rina Marlina, title: Analis Data }\n`;
    for (const block of [dp, named]) {
      const { result, problems } = run(OFFICE.replace('roles:\n', `${block}roles:\n`), [SERVICE]);
      assert.deepEqual(problems, []);
      assert.equal(result!.office.dataProtection!.contacts[0]!.value, '(0741) 24193');
    }
    assert.equal(run(OFFICE.replace('roles:\n', `${named}roles:\n`), [SERVICE]).result!.office.dataProtection!.officer!.name, 'Rina Marlina');
    const empty = run(OFFICE.replace('roles:\n', 'dataProtection:\n  contacts: []\nroles:\n'), [SERVICE]).problems;
    assert.equal(empty.length, 1);
    assert.match(formatProblem(empty[0]!), /^kota-uji\/office\.yaml:22:13: dataProtection\.contacts: /);
    const typo = run(OFFICE.replace('roles:\n', `${dp}  pejabat: Rina\nroles:\n`), [SERVICE]).problems;
    assert.equal(typo.length, 1);
    assert.match(typo[0]!.message, /pejabat/);
    assert.equal(typo[0]!.line, 22, "at the block that holds the unknown key");
  });

  it('says which required field is missing, at its parent', () => {
    const broken = SERVICE.replace('title: Pelayanan Rekomendasi SKTM\n', '');
    const { problems } = run(OFFICE, [broken]);
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.column} ${p.message} / ${p.messageEn}`),
      ['1:1 title: wajib diisi / title: is required'],
    );
  });

  it('rejects unknown keys (a typo in a field name)', () => {
    const broken = SERVICE.replace('fee:', 'biaya:');
    const { problems } = run(OFFICE, [broken]);
    const msgs = problems.map((p) => p.message);
    assert.ok(msgs.includes('(dokumen): kunci tidak dikenal: biaya'), msgs.join('\n'));
  });

  it('rejects a step whose role the office does not declare', () => {
    const broken = SERVICE.replace('role: front-office', 'role: kepala-bidang');
    const { problems } = run(OFFICE, [broken]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'unknown-role');
    assert.equal(problems[0]!.line, 15);
    assert.equal(problems[0]!.message, 'peran tidak dideklarasikan di office.yaml: kepala-bidang');
    assert.equal(problems[0]!.messageEn, 'role not declared in office.yaml: kepala-bidang');
  });

  it('rejects an outcome leading nowhere and an unreachable step', () => {
    const broken = SERVICE.replace('next: selesai', 'next: verifikasi').replace(
      '  ends:',
      `    - id: yatim
      label: Tak terjangkau
      kind: sign
      role: kepala-dinas
      outcomes:
        - { id: ok, label: OK, next: selesai }
  ends:`,
    );
    const { problems } = run(OFFICE, [broken]);
    const codes = problems.map((p) => p.code).sort();
    assert.deepEqual(codes, ['no-completion', 'unknown-ref', 'unreachable']);
    assert.ok(problems.some((p) => p.message === 'langkah tidak terjangkau dari awal: yatim'));
  });

  it('checks a registry proposal profile against the procedure: steps and their outcomes', () => {
    const good = `${SERVICE}registryProposal:
  kind: dtks
  opensAt: { step: terima, outcomes: [lengkap] }
`;
    assert.deepEqual(run(OFFICE, [good]).problems, []);
    const broken = `${SERVICE}registryProposal:
  kind: dtks
  opensAt: { step: terima, outcomes: [tidak-lengkap] }
  marks:
    - { step: survei, stage: surveyed }
  siksngStep: finalisasi
`;
    const { problems } = run(OFFICE, [broken]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.code, p.message, p.messageEn]),
      [
        [22, 'unknown-ref', 'hasil tidak dikenal pada langkah terima: tidak-lengkap', 'unknown outcome of step terima: tidak-lengkap'],
        [24, 'unknown-ref', 'langkah tidak dikenal: survei', 'unknown step: survei'],
        [25, 'unknown-ref', 'langkah tidak dikenal: finalisasi', 'unknown step: finalisasi'],
      ],
    );
    const badStage = run(OFFICE, [good.replace('opensAt: { step: terima, outcomes: [lengkap] }', 'opensAt: { step: terima }\n  marks: [{ step: terima, stage: confirmed }]')]).problems;
    assert.equal(badStage.length, 1);
    assert.equal(badStage[0]!.line, 23, 'confirmed is reached by a snapshot, never marked by a step');
  });

  it('requires the four roles every office must have', () => {
    const broken = OFFICE.replace('  - { id: auditor, name: Auditor }\n', '');
    const { problems } = run(broken, [SERVICE]);
    assert.deepEqual(problems.map((p) => `${p.code}: ${p.messageEn}`), ['missing-role: required role missing: auditor']);
  });

  it('requires the office slug to equal its folder name', () => {
    const { problems } = run(OFFICE.replace('slug: kota-uji', 'slug: kota-lain'), [SERVICE]);
    assert.equal(problems[0]?.code, 'slug-mismatch');
    assert.equal(problems[0]?.line, 1);
  });

  it('rejects two services with the same number', () => {
    const { problems } = run(OFFICE, [SERVICE, SERVICE.replace('slug: rekomendasi-sktm', 'slug: lain')]);
    assert.deepEqual(problems.map((p) => p.code), ['duplicate-no']);
    assert.match(problems[0]!.message, /nomor layanan ganda: 1 \(juga di kota-uji\/services\/01.yaml\)/);
  });

  it('rejects a listed-only service that is open for applications', () => {
    const { problems } = run(OFFICE, ['no: 1\nslug: kjs\ntitle: KJS\ndetailed: false\n']);
    assert.deepEqual(problems.map((p) => p.code), ['undetailed-open']);
  });

  it('rejects a range whose upper bound is not above the lower', () => {
    const { problems } = run(OFFICE, [SERVICE.replace('unit: minutes }', 'unit: minutes, maxValue: 10 }')]);
    assert.deepEqual(problems.map((p) => p.messageEn), ['sla: maxValue must exceed value']);
  });

  it('requires the registration code as 2-5 capital letters, on its line', () => {
    for (const bad of ['registrationCode: uji', 'registrationCode: U', 'registrationCode: UJIAN1', 'registrationCode: KOTAUJI']) {
      const { problems } = run(OFFICE.replace('registrationCode: UJI', bad), [SERVICE]);
      assert.deepEqual(
        problems.map((p) => `${p.file}:${p.line} ${p.message} / ${p.messageEn}`),
        ['kota-uji/office.yaml:2 registrationCode: harus 2-5 huruf kapital (mis. JMB) / registrationCode: must be 2-5 capital letters (e.g. JMB)'],
        bad,
      );
    }
    const { problems } = run(OFFICE.replace('registrationCode: UJI\n', ''), [SERVICE]);
    assert.deepEqual(problems.map((p) => p.message), ['registrationCode: wajib diisi']);
    assert.deepEqual(run(OFFICE.replace('registrationCode: UJI', 'registrationCode: KS'), [SERVICE]).problems, []);
  });

  it('refuses two offices with one registration code: Kota and Kabupaten Semarang may not both be SMR', () => {
    const kota = run(OFFICE.replace('registrationCode: UJI', 'registrationCode: SMR'), [SERVICE]).result!.office;
    const kabText = OFFICE.replace('slug: kota-uji', 'slug: kabupaten-uji').replace('registrationCode: UJI', 'registrationCode: SMR');
    const kab = validateOffice('kabupaten-uji', { path: 'kabupaten-uji/office.yaml', text: kabText }, []).result!.office;
    const problems = checkAcrossOffices([
      { office: kota, file: { path: 'kota-uji/office.yaml', text: OFFICE } },
      { office: kab, file: { path: 'kabupaten-uji/office.yaml', text: kabText } },
    ]);
    assert.deepEqual(problems.map(formatProblem), [
      'kabupaten-uji/office.yaml:2:1: registrationCode SMR sudah dipakai kantor kota-uji: nomor registrasi akan kembar / registrationCode SMR is already used by office kota-uji: registration numbers would collide',
    ]);
    assert.deepEqual(checkAcrossOffices([{ office: kota, file: { path: 'a', text: OFFICE } }, { office: { ...kab, registrationCode: 'UNG' }, file: { path: 'b', text: kabText } }]), []);
  });

  it('accepts a step any of several roles may do, only with declared roles, each named once, never on a sign step', () => {
    const office = OFFICE.replace('  - { id: auditor, name: Auditor }\n', '  - { id: auditor, name: Auditor }\n  - { id: back-office, name: Back Office }\n');
    const withOr = (roles: string) => SERVICE.replace('      role: front-office\n', `      role: front-office\n      orRoles: ${roles}\n`);
    assert.deepEqual(run(office, [withOr('[back-office, kepala-dinas]')]).problems, []);
    assert.deepEqual(run(office, [withOr('[back-office, kepala-dinas]')]).result!.services[0]!.procedure!.steps[0]!.orRoles, ['back-office', 'kepala-dinas']);
    assert.deepEqual(
      run(office, [withOr('[kabid]')]).problems.map((p) => [p.line, p.code, p.messageEn]),
      [[16, 'unknown-role', 'role not declared in office.yaml: kabid']],
    );
    assert.deepEqual(
      run(office, [withOr('[back-office, front-office]')]).problems.map((p) => [p.code, p.message, p.messageEn]),
      [['duplicate-id', 'peran disebut dua kali pada langkah terima: front-office', 'role named twice on step terima: front-office']],
    );
    const sign = withOr('[back-office]').replace('kind: check', 'kind: sign');
    assert.deepEqual(run(office, [sign]).problems.map((p) => [p.code, p.messageEn]), [['sign-or-roles', 'a sign step has one signing role; authority passes by delegation']]);
    assert.deepEqual(run(office, [withOr('[]')]).problems.map((p) => p.code), ['too-small']);
  });

  it("accepts further products and a service's own complaint channels; another product has no letter type", () => {
    const more = `${SERVICE}otherProducts:
  - { text: Bantuan transportasi, kind: aid }
  - { text: Bantuan makan, kind: aid, validity: null }
complaints:
  channels:
    - { kind: facebook, label: Facebook, value: Dinsos Kota Uji }
    - { kind: fax, label: Faks, value: "(0741) 000001" }
    - { kind: twitter, label: Twitter, value: "@dinsosuji" }
`;
    const { result, problems } = run(OFFICE, [more]);
    assert.deepEqual(problems, []);
    assert.deepEqual(result!.services[0]!.otherProducts.map((p) => [p.text, p.kind, p.validity]), [['Bantuan transportasi', 'aid', null], ['Bantuan makan', 'aid', null]]);
    assert.deepEqual(result!.services[0]!.complaints!.channels.map((c) => c.kind), ['facebook', 'fax', 'twitter']);
    assert.deepEqual(run(OFFICE, [SERVICE]).result!.services[0]!.otherProducts, [], 'none by default');
    const letterType = run(OFFICE, [more.replace('kind: aid }', 'kind: aid, letterType: surat-rekomendasi }')]).problems;
    assert.deepEqual(letterType.map((p) => p.messageEn), ['otherProducts[0]: unknown key: letterType']);
    const tiktok = run(OFFICE, [more.replace('kind: facebook', 'kind: tiktok')]).problems;
    assert.equal(tiktok.length, 1);
    assert.match(tiktok[0]!.messageEn, /^complaints\.channels\[0\]\.kind: must be one of .*fax, facebook, twitter$/);
    assert.deepEqual(run(OFFICE, [`${SERVICE}complaints: { channels: [] }\n`]).problems.map((p) => p.code), ['too-small']);
  });
});
