/** `sigap signing`, run as a real process: list the office's keys, revoke a certificate, issue a new one. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nodeEntry, ROOT } from '../support/paths.js';

function sigap(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [...nodeEntry('src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sigap signing', () => {
  it('lists the authority and certificates made at the first signature, revokes one with a reason, and issues a new one', () => {
    const data = mkdtempSync(join(tmpdir(), 'sigap-cli-signing-'));
    const env = { DATA_DIR: data, DATABASE_URL: '' };
    try {
      const none = sigap(['signing', 'list', '--office', 'kota-jambi'], env);
      assert.equal(none.code, 0, none.err);
      assert.match(none.out, /OTORITAS\/AUTHORITY belum ada/);
      // A case through its sign step: the head of office's first signature makes the keys.
      const sim = sigap(['simulate', '--office', 'kota-jambi', '--service', 'rekomendasi-jamkesda-bayi', '--path', 'main'], env);
      assert.equal(sim.code, 0, sim.err);
      const list = sigap(['signing', 'list', '--office', 'kota-jambi'], env);
      assert.equal(list.code, 0, list.err);
      assert.match(list.out, /OTORITAS\/AUTHORITY [0-9a-f]{32} {2}Otoritas Sertifikat Sigap Dinas Sosial Kota Jambi/);
      const cert = /^([0-9a-f]{32}) {2}kepala-dinas@kota-jambi .* BERLAKU\/IN FORCE/m.exec(list.out);
      assert.ok(cert, list.out);
      const noReason = sigap(['signing', 'revoke', '--office', 'kota-jambi', '--serial', cert[1]!], env);
      assert.equal(noReason.code, 2);
      assert.match(noReason.err, /Argumen kurang \/ missing arguments/);
      const revoked = sigap(['signing', 'revoke', '--office', 'kota-jambi', '--serial', cert[1]!, '--reason', 'Laptop kepala dinas hilang'], env);
      assert.equal(revoked.code, 0, revoked.err);
      assert.match(revoked.out, new RegExp(`Dicabut / revoked ${cert[1]}`));
      const again = sigap(['signing', 'revoke', '--office', 'kota-jambi', '--serial', cert[1]!, '--reason', 'Laptop kepala dinas hilang'], env);
      assert.equal(again.code, 2);
      assert.match(again.err, /sudah dicabut .* \/ Certificate .* was already revoked/);
      const issued = sigap(['signing', 'issue', '--office', 'kota-jambi', '--user', 'kepala-dinas@kota-jambi'], env);
      assert.equal(issued.code, 0, issued.err);
      const serial = /new certificate ([0-9a-f]{32})/.exec(issued.out)?.[1];
      assert.ok(serial && serial !== cert[1]);
      const after = sigap(['signing', 'list', '--office', 'kota-jambi'], env).out;
      assert.match(after, new RegExp(`^${cert[1]} {2}kepala-dinas@kota-jambi .*DICABUT/REVOKED .*\\(Laptop kepala dinas hilang\\)`, 'm'));
      assert.match(after, new RegExp(`^${serial} {2}kepala-dinas@kota-jambi .* #2 {2}BERLAKU/IN FORCE`, 'm'));
      assert.equal(sigap(['signing', 'list', '--office', 'kota-antah'], env).code, 1, 'an unknown office');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
