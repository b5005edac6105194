/** A backup's manifest is read strictly: a crafted one cannot make restore write outside the data directory's folders. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readManifest, SAFE_PATH } from '../../../src/usecases/backup/manifest.js';

const H = 'a3f1'.repeat(16);
const manifest = (files: { path: string; sha256: string; size: number }[]) => ({
  format: 'sigap-backup',
  formatVersion: 1,
  sigapVersion: '0.1.0',
  snapshotAt: '2026-12-07T01:00:00.000Z',
  finishedAt: '2026-12-07T01:00:04.000Z',
  database: { dialect: 'sqlite', file: 'database/sigap.db', sha256: H, size: 495616, schemaVersion: '006-office-calendar', migrations: ['006-office-calendar'], rowCounts: { applications: 282 } },
  files,
  missing: [],
});

function withManifest(m: unknown, fn: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-manifest-'));
  try {
    writeFileSync(join(dir, 'manifest.json'), typeof m === 'string' ? m : JSON.stringify(m));
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('backup manifest', () => {
  it('accepts the stored folders: uploads and letters by content address, registry reports by name', () => {
    for (const p of [`uploads/a3/${H}`, `letters/a3/${H}.pdf`, 'registry/reports/0d7f2c8a-1e3b-4c5d-8f9a-6b7c8d9e0f12.csv']) assert.match(p, SAFE_PATH);
    withManifest(manifest([{ path: `uploads/a3/${H}`, sha256: H, size: 2116 }]), (dir) => assert.equal(readManifest(dir)?.files.length, 1));
  });

  it('refuses paths that leave those folders, a manifest that is not Sigap\'s, and a missing one', () => {
    for (const path of ['../etc/passwd', `uploads/a3/../../../root/.ssh/${H}`, '/etc/cron.d/x', 'sigap.db', 'registry/reports/../../sigap.db', `uploads/a3/${H}/x`])
      withManifest(manifest([{ path, sha256: H, size: 1 }]), (dir) => assert.equal(readManifest(dir), null, path));
    withManifest({ ...manifest([]), database: { ...manifest([]).database, file: '../sigap.db' } }, (dir) => assert.equal(readManifest(dir), null));
    withManifest({ ...manifest([]), format: 'other' }, (dir) => assert.equal(readManifest(dir), null));
    withManifest('{"format": "sigap-backup", ', (dir) => assert.equal(readManifest(dir), null));
    const empty = mkdtempSync(join(tmpdir(), 'sigap-manifest-'));
    assert.equal(readManifest(empty), null);
    rmSync(empty, { recursive: true, force: true });
  });
});
