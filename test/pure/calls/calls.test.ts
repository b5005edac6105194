// Call promises as data (copied exactly from the decrees, on steps and roles that exist) and the figures of how fast they are kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { callFigures, median } from '../../../src/domain/calls/calls.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { waited } from '../../../src/http/pages/calls-views.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const offices = loadStandardsDir(STANDARDS_DIR).offices;

describe('the phone calls the decrees promise, as data', () => {
  it('Banjarmasin promises three: santunan kematian, PUB and LKS, each sentence as the decree prints it', () => {
    const bjm = offices.find((o) => o.office.slug === 'kota-banjarmasin')!;
    const decree = readFileSync(join(STANDARDS_DIR, 'kota-banjarmasin', 'decree.txt'), 'utf8');
    const calls = bjm.services.flatMap((s) => s.calls.map((c) => [s.slug, c.id, c.atStep, c.role] as const));
    assert.deepEqual(calls, [
      ['santunan-kematian', 'menjelang-pencairan', 'transfer-dana', 'front-office'],
      ['ijin-pub', 'surat-ijin-selesai', 'penyerahan-surat-ijin', 'front-office'],
      ['ijin-terdaftar-operasional-lks', 'surat-ijin-jadi', 'serahkan', 'front-office'],
    ]);
    for (const s of bjm.services) for (const c of s.calls) assert.ok(decree.includes(c.text), `${s.slug}: "${c.text}" is in the decree`);
    assert.deepEqual(offices.filter((o) => o.office.slug !== 'kota-banjarmasin').flatMap((o) => o.services.flatMap((s) => s.calls)), [], 'no other decree promises a call');
  });
});

describe('call figures', () => {
  it('counts opened and connected calls and takes the medians from the moment', () => {
    const at = (m: number) => new Date(Date.parse('2026-12-07T01:00:00.000Z') + m * 60_000).toISOString();
    const rows = [
      { due_from: at(0), first_attempt_at: at(30), done_at: at(30) },
      { due_from: at(0), first_attempt_at: at(10), done_at: at(250) },
      { due_from: at(0), first_attempt_at: at(60), done_at: null },
      { due_from: at(0), first_attempt_at: null, done_at: null },
    ];
    assert.deepEqual(callFigures(rows), { opened: 4, connected: 2, medianToFirstAttempt: 30, medianToConnected: 140 });
    assert.deepEqual(callFigures([]), { opened: 0, connected: 0, medianToFirstAttempt: null, medianToConnected: null });
    assert.equal(median([5, 1, 3]), 3);
  });

  it('says a wait in minutes, hours or days, in both languages', () => {
    assert.equal(waited('id', 45), '45 menit');
    assert.equal(waited('en', 200), '3 h 20 min');
    assert.equal(waited('id', 4 * 1440 + 7), '4 hari');
  });
});
