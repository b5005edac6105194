/**
 * The template language, numbering formats and validity: pure rules, and the five offices'
 * templates checked against their standards.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { caseFields } from '../../../src/domain/letters/case-fields.js';
import { indonesianDate, localDayStartUtc, romanMonth } from '../../../src/domain/letters/dates.js';
import { productTemplate, templatesForStep, validateTemplateSet } from '../../../src/domain/letters/documents.js';
import { checkNumberFormat, counterName, formatLetterNumber } from '../../../src/domain/letters/numbering.js';
import { parseTemplate, renderTemplate } from '../../../src/domain/letters/template.js';
import { publicState, validUntil } from '../../../src/domain/letters/validity.js';
import { formatProblem } from '../../../src/domain/standards/validate.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { readOfficeTemplates } from '../../../src/io/templates-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';
import { SITI } from '../../support/fixtures.js';

const standards = loadStandardsDir(STANDARDS_DIR);
const office = (slug: string) => standards.offices.find((o) => o.office.slug === slug)!;

const minimal = (body: string, front = 'letterType: surat-rekomendasi\nservices: [rekomendasi-jamkesda-bayi]\ntitle: SURAT REKOMENDASI\nsubject: Rekomendasi') => `---\n${front}\n---\n${body}\n`;

describe('the letter template language', () => {
  it('names an unknown field with its file, line and column, and suggests the right one', () => {
    const r = parseTemplate('standards/kota-jambi/templates/salah.txt', minimal('Baris satu\nKepada {{applicant.nama}} di {{office.name}}'));
    assert.equal(r.template, null);
    assert.equal(r.problems.length, 1);
    const p = r.problems[0]!;
    assert.deepEqual([p.file, p.line, p.column, p.code], ['standards/kota-jambi/templates/salah.txt', 8, 8, 'template-field-unknown']);
    assert.match(p.message, /Kolom tidak dikenal: \{\{applicant\.nama\}\}\. Maksud Anda \{\{applicant\.name\}\}\?/);
    assert.match(p.messageEn, /Unknown field \{\{applicant\.nama\}\}\. Did you mean \{\{applicant\.name\}\}\?/);
  });

  it('checks fields in the front matter too, at the line of the value', () => {
    const r = parseTemplate('t.txt', minimal('Isi.', 'letterType: surat-rekomendasi\nservices: [rekomendasi-jamkesda-bayi]\ntitle: SURAT {{letter.nomor}}\nsubject: Rekomendasi'));
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.column, p.code]),
      [[4, 14, 'template-field-unknown']],
    );
  });

  it('reports unknown filters, unbalanced conditions, bad syntax and unknown front-matter keys', () => {
    const r = parseTemplate('t.txt', minimal('{{applicant.name | kapital}}\n{{#if applicant.nik}}ada\n{{else}}{{else}}\n{{/if}}{{/if}}\n{{#if x y}}\n{{ }}'));
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['template-filter-unknown', 'template-else', 'template-endif', 'template-if-syntax', 'template-field-syntax'],
    );
    const front = parseTemplate('t.txt', '---\nletterType: surat-rekomendasi\nservices: [a]\ntitle: T\nsubject: S\nwarna: merah\n---\nIsi');
    assert.deepEqual(front.problems.map((p) => [p.line, p.code]), [[6, 'template-front-invalid']]);
    assert.match(front.problems[0]!.message, /Kunci tidak dikenal: warna/);
    const none = parseTemplate('t.txt', 'Tanpa keterangan');
    assert.equal(none.problems[0]!.code, 'template-front-matter');
    const unclosed = parseTemplate('t.txt', minimal('Halo {{applicant.name'));
    assert.equal(unclosed.problems[0]!.code, 'template-unclosed');
  });

  it('renders fields, filters, conditions and body blocks', () => {
    const r = parseTemplate('t.txt', minimal('# KETERANGAN\nYang bertanda tangan {{office.head | upper}}\nmenerangkan bahwa:\n\n| Nama | {{applicant.name}} |\n| Lahir | {{applicant.birthDate | date}}\n| Keperluan | {{answers.keperluan | label}}\n- {{#if answers.keperluan == "kip"}}Sekolah{{else}}Lainnya{{/if}}\n1. NIK {{applicant.nik | masked}}'));
    assert.deepEqual(r.problems, []);
    const out = renderTemplate(r.template!, {
      values: { 'office.head': 'Kepala Dinas Sosial Kota Jambi', 'applicant.name': 'Siti Aminah', 'applicant.birthDate': '1990-07-01', 'answers.keperluan': 'kip', 'applicant.nik': SITI.nik },
      labels: { 'answers.keperluan': 'Kartu Indonesia Pintar (KIP)' },
    });
    assert.deepEqual(out.blocks, [
      { kind: 'heading', text: 'KETERANGAN' },
      { kind: 'paragraph', text: 'Yang bertanda tangan KEPALA DINAS SOSIAL KOTA JAMBI menerangkan bahwa:' },
      { kind: 'row', label: 'Nama', value: 'Siti Aminah' },
      { kind: 'row', label: 'Lahir', value: '1 Juli 1990' },
      { kind: 'row', label: 'Keperluan', value: 'Kartu Indonesia Pintar (KIP)' },
      { kind: 'bullet', text: 'Sekolah' },
      { kind: 'numbered', marker: '1.', text: 'NIK 1571 02•• •••• 0003' },
    ]);
    assert.equal(out.holder, 'Siti Aminah', 'the holder defaults to the applicant');
  });

  it('ties templates to the standard: services, steps, roles, form answers, coverage and duplicates', () => {
    const jambi = office('kota-jambi');
    const tpl = (file: string, front: string, body = 'Isi {{applicant.name}}.') => parseTemplate(file, `---\n${front}\n---\n${body}\n`).template!;
    const set = [
      tpl('a.txt', 'letterType: surat-rekomendasi\nservices: [rekomendasi-jamkesda-bayi, tidak-ada]\ntitle: T\nsubject: S', 'Untuk {{answers.keperluan}}.'),
      tpl('b.txt', 'letterType: surat-keterangan\nservices: [rekomendasi-masuk-sekolah]\ntitle: T\nsubject: S'),
      tpl('c.txt', 'letterType: berita-acara\nkind: document\nservices: [distribusi-logistik-bencana]\nsteps: [langkah-fiktif]\nsignerRole: bendahara\ntitle: T\nsubject: S'),
      tpl('d.txt', 'letterType: surat-rekomendasi\nservices: [rekomendasi-jamkesda-bayi]\ntitle: T\nsubject: S'),
    ];
    const problems = validateTemplateSet(jambi.office, jambi.services, set, { serviceFiles: jambi.serviceFiles, templatesDir: 'templates' });
    const codes = problems.map((p) => `${p.file}:${p.line}:${p.code}`);
    assert.ok(codes.includes('a.txt:3:template-service-unknown'), codes.join('\n'));
    assert.ok(codes.includes('a.txt:7:template-answer-unknown'), codes.join('\n'));
    assert.ok(codes.includes('b.txt:3:template-letter-type'), codes.join('\n'));
    assert.ok(codes.includes('c.txt:5:template-step-unknown'), codes.join('\n'));
    assert.ok(codes.includes('c.txt:6:template-role-unknown'), codes.join('\n'));
    assert.ok(codes.some((c) => c.startsWith('d.txt') && c.endsWith('template-duplicate')), codes.join('\n'));
    assert.ok(problems.some((p) => p.code === 'template-missing' && p.file.endsWith('12-rekomendasi-sktm-berobat.yaml')), 'a product without a template is reported at its service file');
    assert.ok(problems.some((p) => p.code === 'template-rejection-missing'));
  });

  it('stops `standards validate` and start-up on a bad template, with file:line:column', () => {
    const root = mkdtempSync(join(tmpdir(), 'sigap-tpl-'));
    try {
      cpSync(join(STANDARDS_DIR, 'kota-pekanbaru'), join(root, 'kota-pekanbaru'), { recursive: true });
      writeFileSync(join(root, 'kota-pekanbaru', 'templates', 'surat-rekomendasi.txt'), minimal('Untuk {{pemohon.nama}}.', 'letterType: surat-rekomendasi\nservices: [pengecekan-rekomendasi-dtks]\ntitle: T\nsubject: S'));
      const r = loadStandardsDir(root, root);
      assert.deepEqual(r.problems.map(formatProblem), [
        'kota-pekanbaru/templates/surat-rekomendasi.txt:7:7: Kolom tidak dikenal: {{pemohon.nama}} Daftar kolom ada di docs/LETTERS.md. / Unknown field {{pemohon.nama}} The field list is in docs/LETTERS.md.',
        // The broken template does not count, so the product is reported as uncovered too.
        'kota-pekanbaru/services/01-pengecekan-rekomendasi-dtks.yaml:1:1: Produk "surat-rekomendasi" layanan "pengecekan-rekomendasi-dtks" belum punya templat di kota-pekanbaru/templates / Product "surat-rekomendasi" of service "pengecekan-rekomendasi-dtks" has no template in kota-pekanbaru/templates',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the five offices have a template for every document product', () => {
  it('validates every office with its templates', () => {
    assert.deepEqual(standards.problems.map(formatProblem), []);
  });

  it('every service whose product is a letter or permit, or has a letter type, gets a letter from some step or at completion', () => {
    const missing: string[] = [];
    let products = 0;
    for (const o of standards.offices) {
      const templates = readOfficeTemplates(STANDARDS_DIR, o.office.slug).templates;
      for (const s of o.services.filter((x) => x.procedure)) {
        const isDocument = s.product?.letterType || s.product?.kind === 'letter' || s.product?.kind === 'permit';
        if (!isDocument) continue;
        products++;
        const fromSteps = s.procedure!.steps.some((st) => templatesForStep(templates, s, st.id).length > 0);
        if (!fromSteps && !productTemplate(templates, s)) missing.push(`${o.office.slug}/${s.slug}`);
      }
    }
    assert.ok(products >= 30, `${products} document products`);
    assert.deepEqual(missing, []);
  });
});

describe('letter numbers', () => {
  const cfg = { format: '{code}/{seq:4}/Dinsos/{roman-month}/{year}', scope: 'letter-type' as const, codes: { 'surat-rekomendasi': '400.9.1', 'surat-keterangan': '400.9.2' } };
  it('formats the office format with a zero-padded sequence, year, month, roman month and code', () => {
    assert.equal(formatLetterNumber(cfg, 'surat-rekomendasi', 123, '2026-11-23'), '400.9.1/0123/Dinsos/XI/2026');
    assert.equal(formatLetterNumber({ format: '400.9/{seq:4}/Dinsos/{year}', scope: 'office', codes: {} }, 'x', 7, '2027-01-01'), '400.9/0007/Dinsos/2027');
    assert.equal(formatLetterNumber({ format: 'B-{seq}/{month}/{year}', scope: 'office', codes: {} }, 'x', 12345, '2026-03-05'), 'B-12345/03/2026');
    assert.equal(romanMonth(4), 'IV');
  });
  it('keeps one counter per office, or per letter type, per year', () => {
    assert.equal(counterName({ scope: 'office' }, 'surat-rekomendasi', '2026'), 'letter:2026');
    assert.equal(counterName({ scope: 'letter-type' }, 'surat-rekomendasi', '2026'), 'letter:surat-rekomendasi:2026');
  });
  it('rejects unknown tokens, a missing {seq} and a {code} without a code for a letter type in use', () => {
    assert.deepEqual(
      checkNumberFormat({ format: '{kode}/{nomor}', scope: 'office', codes: {} }, []).map((p) => p.code),
      ['number-token-unknown', 'number-token-unknown', 'number-seq-missing'],
    );
    assert.deepEqual(checkNumberFormat(cfg, ['surat-rekomendasi', 'berita-acara']).map((p) => p.code), ['number-code-missing']);
  });
  it('places the year boundary at local midnight: WIB is UTC+7, WITA UTC+8', () => {
    assert.equal(localDayStartUtc('Asia/Jakarta', '2027-01-01'), '2026-12-31T17:00:00Z');
    assert.equal(localDayStartUtc('Asia/Makassar', '2027-01-01'), '2026-12-31T16:00:00Z');
  });
});

describe('validity and dates', () => {
  it('writes dates in Indonesian', () => {
    assert.equal(indonesianDate('2026-11-23'), '23 November 2026');
    assert.equal(indonesianDate('2027-01-05'), '5 Januari 2027');
  });
  it('counts validity from the letter date in calendar units; a month end clamps', () => {
    assert.equal(validUntil('2026-11-23', { value: 7, unit: 'days' }), '2026-11-30');
    assert.equal(validUntil('2026-01-31', { value: 1, unit: 'months' }), '2026-02-28');
    assert.equal(validUntil('2026-05-04', { value: 5, unit: 'years' }), '2031-05-04');
    assert.equal(validUntil('2026-05-04', null), null);
  });
  it('is valid through its last day, then expired; revoked and cancelled win', () => {
    assert.equal(publicState({ status: 'signed', validUntil: '2026-12-23' }, '2026-12-23'), 'valid');
    assert.equal(publicState({ status: 'signed', validUntil: '2026-12-23' }, '2026-12-24'), 'expired');
    assert.equal(publicState({ status: 'signed', validUntil: null }, '2099-01-01'), 'valid');
    assert.equal(publicState({ status: 'revoked', validUntil: null }, '2026-01-01'), 'revoked');
    assert.equal(publicState({ status: 'ready', validUntil: null }, '2026-01-01'), 'not-issued');
  });
  it('freezes case facts into fields, with choice labels', () => {
    const jambi = office('kota-pekanbaru');
    const svc = jambi.services[0]!;
    const f = caseFields({
      office: jambi.office,
      service: svc,
      facts: { registrationNumber: 'PKB-2026-000001', submittedOn: '2026-11-23', channel: 'counter', applicant: { ...SITI, sex: 'P', reporter: null }, answers: { keperluan: 'kip' } },
      decision: { reason: null, outcome: null, step: null, date: null, officer: null },
      letterType: 'surat-rekomendasi',
      draftedOn: '2026-11-23',
    });
    assert.equal(f.values['applicant.nikMasked'], '1571 02•• •••• 0003');
    assert.equal(f.values['applicant.sex'], 'Perempuan');
    assert.equal(f.values['office.head'], 'Kepala Dinas Sosial Kota Pekanbaru');
    assert.ok(f.labels['answers.keperluan']);
  });
});
