/**
 * The attack run (`npm run attack`, scripts/attack.mjs) cannot rot: its two quickest sections run
 * here against the real server on a throwaway place. Kabupaten Kutai Kartanegara's and Kota
 * Banjarmasin's admins ask for each other's cases, uploads, complaints, registry imports and NIKs
 * on every staff GET route, and nothing leaks while each office sees its own (letters, made by
 * `sigap simulate`, are left to the full run for time); then audit rows
 * edited, deleted and reordered in the database are each named by `sigap audit verify`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newDatabasePlace, TEMPLATE, TEST_DB, type DatabasePlace } from '../support/db.js';
import { nodeEntry, ROOT } from '../support/paths.js';

/** The repository itself: under npm test, ROOT is the compiled tree, which links package.json back to it. */
const REPO = dirname(realpathSync(join(ROOT, 'package.json')));

interface Section {
  pass: boolean;
  failures: string[];
  figures: Record<string, unknown>;
}

describe(`the attack run's isolation and tampering sections (${TEST_DB})`, () => {
  let place: DatabasePlace;
  let dir: string;
  let report: { pass: boolean; sections: Record<string, Section> };
  let output = '';
  let code: number | null = null;

  before(async () => {
    place = await newDatabasePlace(TEMPLATE);
    dir = mkdtempSync(join(tmpdir(), 'sigap-attack-test-'));
    const entry = nodeEntry('src/cli/main.ts');
    const argv = [...entry.slice(0, -1), join(REPO, 'scripts/attack.mjs'), '--only', 'isolation,tamper', '--offices', '2', '--no-letters', '--entry', entry.at(-1)!, '--data-dir', place.location.dataDir, '--report', join(dir, 'report.json')];
    if (place.location.databaseUrl) argv.push('--database-url', place.location.databaseUrl);
    const child = spawn(process.execPath, argv, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    code = await new Promise((resolve) => child.on('close', resolve));
    const file = join(dir, 'report.json');
    assert.ok(existsSync(file), `the attack run wrote no report (exit ${code}):\n${output}`);
    report = JSON.parse(readFileSync(file, 'utf8'));
  });
  after(async () => {
    await place?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for every record of the other office on every staff route, and no answer carries it', () => {
    const s = report.sections.isolation!;
    assert.deepEqual(s.failures, [], output);
    const f = s.figures as { pairs: number; requests: number; leaks: number; controlAnswersWithOwnData: number; staffRoutes: number };
    assert.equal(f.pairs, 2);
    assert.ok(f.staffRoutes >= 40, `${f.staffRoutes} staff GET routes (API and pages) were aimed at`);
    assert.ok(f.requests >= 150, `${f.requests} cross-office requests`);
    assert.equal(f.leaks, 0);
    // The same requests by the office's own admin show its records: a refusal to the other office is a real one.
    assert.ok(f.controlAnswersWithOwnData >= 40, `${f.controlAnswersWithOwnData} answers to the office's own admin carried its records`);
  });

  it('names every edit, deletion and reordering of audit rows, and the chain verifies again once undone', () => {
    const s = report.sections.tamper!;
    assert.deepEqual(s.failures, [], output);
    const f = s.figures as { chains: string[]; chainCount: number; tamperings: number; detected: number; named: number };
    assert.ok(f.chains.includes('audit_events') && f.chains.includes('registry_access_log'), `chains tampered with: ${f.chains.join(', ')}`);
    // Two offices' audit trails and registry access logs, each edited, cut in the middle, cut at the end, reordered.
    assert.ok(f.chainCount >= 4, `${f.chainCount} chains`);
    assert.equal(f.tamperings, f.chainCount * 4);
    assert.equal(f.detected, f.tamperings);
    assert.equal(f.named, f.tamperings);
  });

  it('exits 0 and writes every figure to its report', () => {
    assert.equal(code, 0, output);
    assert.equal(report.pass, true);
  });
});
