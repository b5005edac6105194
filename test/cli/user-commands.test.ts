/** `sigap user …` run as a real process: the server's operator manages accounts, under the password policy, each change audited. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { nodeEntry, ROOT } from '../support/paths.js';

function sigap(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...nodeEntry('src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sigap user', () => {
  it('adds, changes roles, resets the password (policy applies), disables, re-enables, unlocks and revokes; each is audited', () => {
    const data = mkdtempSync(join(tmpdir(), 'sigap-cli-user-'));
    try {
      const env = { DATA_DIR: data, DATABASE_URL: '' };
      const u = ['--username', 'dewi.lestari@kota-semarang'];
      const weakAdd = sigap(['user', 'add', '--office', 'kota-semarang', ...u, '--name', 'Dewi Lestari', '--roles', 'front-office'], { ...env, SIGAP_PASSWORD: 'semarang12345' });
      assert.equal(weakAdd.code, 1);
      assert.match(weakAdd.err, /Kata sandi terlalu mudah ditebak .* \/ The password is too easy to guess/);
      const add = sigap(['user', 'add', '--office', 'kota-semarang', ...u, '--name', 'Dewi Lestari', '--roles', 'front-office'], { ...env, SIGAP_PASSWORD: 'Lumpia-Tugu-Muda-Hujan-3' });
      assert.equal(add.code, 0, add.err);
      const roles = sigap(['user', 'roles', ...u, '--roles', 'front-office,operator'], env);
      assert.equal(roles.code, 0, roles.err);
      assert.match(roles.out, /Peran diganti \/ roles changed: dewi\.lestari@kota-semarang/);
      const weak = sigap(['user', 'reset-password', ...u, '--password', 'dewilestari2026'], env);
      assert.equal(weak.code, 1);
      assert.match(weak.err, /password-weak|terlalu mudah ditebak/);
      assert.equal(sigap(['user', 'reset-password', ...u], { ...env, SIGAP_PASSWORD: 'Bandeng-Presto-Simpang-Lima-8' }).code, 0);
      assert.match(sigap(['user', 'disable', ...u], env).out, /Akun dinonaktifkan \/ account disabled/);
      assert.match(sigap(['user', 'enable', ...u], env).out, /Akun diaktifkan lagi/);
      assert.equal(sigap(['user', 'unlock', ...u], env).code, 0);
      assert.equal(sigap(['user', 'revoke', ...u], env).code, 0);
      const missing = sigap(['user', 'disable', '--username', 'tidak.ada@kota-semarang'], env);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /tidak ditemukan/);
      assert.equal(sigap(['user', 'roles', ...u], env).code, 2, '--roles is required');
      const db = new Database(join(data, 'sigap.db'), { readonly: true });
      const actions = db.prepare("select action from audit_events where subject = ? order by seq").all('dewi.lestari@kota-semarang').map((r) => (r as { action: string }).action);
      db.close();
      assert.deepEqual(actions, ['account.add', 'account.roles', 'account.reset-password', 'account.disable', 'account.enable', 'account.unlock', 'account.revoke']);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
