/**
 * The domain intake check, whoever calls it (API, forms, CLI, imports): wrong types and oversized
 * texts are named problems, never a thrown TypeError (a 500) or a stored 100,000-character field;
 * and what the public is told never depends on the registry (issue 12, finding 4).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkIntake, INTAKE_LIMITS, type IntakeInput } from '../../../src/domain/applications/intake.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const offices = loadStandardsDir(STANDARDS_DIR).offices;
const bayi = offices.find((o) => o.office.slug === 'kota-jambi')!.services.find((s) => s.slug === 'rekomendasi-jamkesda-bayi')!;
const dtks = offices.find((o) => o.office.slug === 'kota-pekanbaru')!.services.find((s) => s.slug === 'pengecekan-rekomendasi-dtks')!;
const SITI = { nik: '1571024107900003', name: 'Siti Aminah', address: 'Jl. Sultan Thaha No. 12, RT 05, Pasar Jambi' };
const TODAY = { today: '2026-12-07', staff: false };

const fields = (input: unknown, svc = bayi, ctx = TODAY) => {
  const r = checkIntake(svc, input as IntakeInput, ctx);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
};

describe('intake bounds in the domain', () => {
  it('names non-text applicant and reporter fields instead of throwing', () => {
    assert.deepEqual(fields({ applicant: { ...SITI, name: 12345 } }), ['applicant.name:not-text']);
    assert.deepEqual(fields({ applicant: { ...SITI, nik: ['1571024107900003'], address: { jalan: 'x' } } }), ['applicant.nik:not-text', 'applicant.address:not-text']);
    assert.deepEqual(fields({ applicant: SITI, reporter: { name: { first: 'Rahmat' } } }), ['reporter.name:not-text']);
    assert.deepEqual(fields({ applicant: 'Siti' }), ['applicant:not-an-object']);
    assert.deepEqual(fields({ applicant: { ...SITI, residentOfRegion: 'ya' } }), ['applicant.residentOfRegion:not-boolean']);
  });

  it('refuses texts over their bounds, each beside its field, in both languages', () => {
    const r = checkIntake(bayi, { applicant: { ...SITI, address: 'a'.repeat(100_000) }, reporter: { institution: 'b'.repeat(201) } }, TODAY);
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map((p) => `${p.field}:${p.code}`), ['applicant.address:too-long', 'reporter.institution:too-long']);
    assert.match(r.problems[0]!.message, /maksimal 500 karakter/);
    assert.match(r.problems[0]!.messageEn, /at most 500 characters/);
    assert.equal(INTAKE_LIMITS.applicant.name, 200);
    assert.deepEqual(fields({ applicant: SITI, answers: { keperluan: 'k'.repeat(2001) } }, dtks), ['answers.keperluan:answer-too-long']);
  });

  it('bounds answers and attachments: values only, at most 100 of each', () => {
    assert.deepEqual(fields({ applicant: SITI, answers: { keperluan: { kis: true } } }, dtks), ['answers.keperluan:not-a-value']);
    assert.deepEqual(fields({ applicant: SITI, answers: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, 'x'])) }), ['answers:too-many']);
    assert.deepEqual(fields({ applicant: SITI, attachments: Array.from({ length: 101 }, () => ({ requirement: 'kk-ktp-akte', shown: true })) }), ['attachments:too-many']);
    assert.deepEqual(fields({ applicant: SITI, attachments: [{ requirement: 7 }] }), ['attachments.0:attachment-invalid']);
    assert.deepEqual(fields({ applicant: SITI, attachments: 'semua' }), ['attachments:not-a-list']);
  });

  it('answers the public alike for a NIK in DTKS and one not in it; staff see the registry verdict', () => {
    const input: IntakeInput = { applicant: { nik: '1471015506850001', name: 'Rina Wati' }, answers: { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 1 }, attachments: [{ requirement: 'fotokopi-kk', upload: 'u-1' }] };
    const listed = checkIntake(dtks, input, { ...TODAY, registry: { 'registry.dtks': true } });
    const unlisted = checkIntake(dtks, input, { ...TODAY, registry: { 'registry.dtks': false } });
    assert.ok(listed.ok && unlisted.ok, JSON.stringify(unlisted));
    assert.equal(unlisted.value.eligibility.find((e) => e.id === 'reaktivasi-terdaftar-dtks')!.verdict, 'fail', 'the verdict is recorded for the officer');
    const counter = checkIntake(dtks, { ...input, attachments: [{ requirement: 'fotokopi-kk', shown: true }] }, { today: TODAY.today, staff: true, registry: { 'registry.dtks': false } });
    assert.deepEqual(counter.ok ? [] : counter.problems.map((p) => `${p.field}:${p.code}`), ['eligibility.reaktivasi-terdaftar-dtks:not-eligible']);
  });
});
