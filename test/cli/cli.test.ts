/** The `sigap` command line, run as a real process. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rewriteExample, writeExampleStandards } from '../support/format-example.js';
import { loadStandardsDir } from '../../src/io/standards-dir.js';
import { nodeEntry, ROOT, SEED_STANDARDS_DIR, STANDARDS_DIR } from '../support/paths.js';

function sigap(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...nodeEntry('src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sigap CLI', () => {
  it('standards validate: exit 0 and a count for the five seed offices, and for whatever offices the suite runs on', () => {
    const r = sigap(['standards', 'validate', SEED_STANDARDS_DIR]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /OK: 5 kantor, 53 layanan \/ 5 offices, 53 services/);
    const { offices } = loadStandardsDir(STANDARDS_DIR);
    const n = offices.reduce((a, o) => a + o.services.length, 0);
    const all = sigap(['standards', 'validate'], { STANDARDS_DIR });
    assert.equal(all.code, 0, all.err);
    assert.equal(all.out, `OK: ${offices.length} kantor, ${n} layanan / ${offices.length} offices, ${n} services\n`);
  });

  it('standards validate: exit 1 listing every problem as file:line:column in both languages', () => {
    const root = writeExampleStandards((s) => ({ office: s.office, service: s.service.replace('unit: minutes', 'unit: menit') }));
    // A second service whose only problem is a role the office does not declare.
    const second = readFileSync(join(root, 'kota-contoh/services/01-rekomendasi-sktm.yaml'), 'utf8')
      .replace('unit: menit', 'unit: minutes')
      .replace('no: 1', 'no: 2')
      .replace('slug: rekomendasi-sktm', 'slug: rekomendasi-lain')
      .replace('role: kepala-dinas', 'role: bupati');
    writeFileSync(join(root, 'kota-contoh/services/02-rekomendasi-lain.yaml'), second);
    try {
      const r = sigap(['standards', 'validate', root]);
      assert.equal(r.code, 1);
      const lines = r.err.trim().split('\n');
      assert.ok(lines.some((l) => /kota-contoh\/services\/01-rekomendasi-sktm\.yaml:\d+:\d+: sla\.unit: harus salah satu dari .* \/ sla\.unit: must be one of/.test(l)), r.err);
      assert.ok(lines.some((l) => /02-rekomendasi-lain\.yaml:\d+:\d+: peran tidak dideklarasikan di office\.yaml: bupati \/ role not declared in office\.yaml: bupati/.test(l)), r.err);
      assert.match(lines[lines.length - 1]!, /masalah ditemukan \/ .* problems found/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('serve refuses to start with an invalid standard, with the same messages', () => {
    const root = writeExampleStandards();
    rewriteExample(root, (s) => ({ ...s, service: s.service.replace('kind: sign', 'kind: tandatangan') }));
    const data = mkdtempSync(join(tmpdir(), 'sigap-cli-'));
    try {
      const r = sigap(['serve', '--port', '0'], { STANDARDS_DIR: root, DATA_DIR: data, DATABASE_URL: '' });
      assert.equal(r.code, 1);
      assert.match(r.err, /procedure\.steps\[1\]\.kind: harus salah satu dari/);
      assert.match(r.err, /Standar tidak sah, server tidak dijalankan \/ invalid standards, not starting/);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('standards lint prints warnings but exits 0', () => {
    const r = sigap(['standards', 'lint']);
    assert.equal(r.code, 0);
    assert.match(r.out, /\[sla-contradicts-guarantee\] Layanan 9: jangka waktu "15 menit" bertentangan/);
    // DOMAIN.md §8's lints on the decree text, checked against standards/regulations.yaml.
    assert.match(r.out, /kota-jambi\/decree\.txt:53: peringatan\/warning \[wrong-title\] Peraturan Menteri Dalam Negeri Nomor 59 Tahun 2021 dikutip dengan judul yang salah/);
    assert.match(r.out, /kota-jambi\/decree\.txt:534: peringatan\/warning \[wrong-year\] Undang-Undang Nomor 11 tentang Kesejahteraan Sosial dikutip bertahun 2019; tahunnya 2009 \(juga baris 561, 587, 616, 644\)/);
    assert.match(r.out, /kota-semarang\/decree\.txt:465: peringatan\/warning \[revoked-regulation\]/);
    assert.match(r.out, /kabupaten-kutai-kartanegara\/decree\.txt:56: peringatan\/warning \[stale-budget-year\]/);
    assert.match(r.out, /kota-semarang\/decree\.txt:102: peringatan\/warning \[missing-annex\] Keputusan menyebut 9 layanan, tetapi lampirannya hanya sampai Lampiran VIII/);
    assert.match(r.out, /\d+ peringatan \/ \d+ warnings/);
  });

  it('standards lint exits 1 naming file, line and text where a quoted line is not in decree.txt', () => {
    const root = mkdtempSync(join(tmpdir(), 'sigap-lint-'));
    try {
      cpSync(join(realpathSync(SEED_STANDARDS_DIR), 'kota-pekanbaru'), join(root, 'kota-pekanbaru'), { recursive: true });
      const file = join(root, 'kota-pekanbaru/services/01-pengecekan-rekomendasi-dtks.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('1. Foto copy Kartu Keluarga ( KK )', '1. Fotokopi KK'));
      const r = sigap(['standards', 'lint', root]);
      assert.equal(r.code, 1);
      assert.match(r.out, /kota-pekanbaru\/services\/01-pengecekan-rekomendasi-dtks\.yaml:14: tidak sesuai keputusan\/not verbatim \[not-in-decree\] Layanan 1, komponen persyaratan: teks tidak ditemukan di decree\.txt: "1\. Fotokopi KK" \/ Service 1, component persyaratan: text not found in decree\.txt: "1\. Fotokopi KK"/);
      assert.match(r.out, /1 teks tidak ditemukan di decree\.txt \/ 1 texts not found in decree\.txt\n$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('sla due prints the same due time as the API would (Jambi, Friday short hours)', () => {
    const r = sigap(['sla', 'due', '--office', 'kota-jambi', '--start', '2026-03-13T10:50:00+07:00', '--value', '15', '--unit', 'minutes']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), { dueAt: '2026-03-16T07:35:00+07:00', dueAtLocal: 'Senin, 16 Maret 2026 07.35 WIB', timezone: 'Asia/Jakarta', warnings: [] });
    const bad = sigap(['sla', 'due', '--office', 'kota-jambi', '--start', 'besok', '--value', '1', '--unit', 'days']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /Waktu mulai tidak sah \/ invalid start/);
    const usage = sigap(['sla', 'due', '--office', 'kota-jambi']);
    assert.equal(usage.code, 2);
  });

  it('user add creates an account that can sign in; an unknown role is refused', () => {
    const data = mkdtempSync(join(tmpdir(), 'sigap-cli-'));
    try {
      const env = { DATA_DIR: data, DATABASE_URL: '', SIGAP_PASSWORD: 'Rahasia-Kuat-2026' };
      const ok = sigap(['user', 'add', '--office', 'kota-semarang', '--username', 'dewi.lestari', '--name', 'Dewi Lestari', '--roles', 'front-office,operator'], env);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.out, /Akun dibuat \/ account created: dewi\.lestari \(front-office, operator\)/);
      const bad = sigap(['user', 'add', '--office', 'kota-semarang', '--username', 'andi', '--name', 'Andi', '--roles', 'bupati'], env);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /Peran tidak dikenal di kota-semarang: bupati/);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('simulate runs one case with the demo accounts and prints its number and final state', () => {
    const data = mkdtempSync(join(tmpdir(), 'sigap-cli-'));
    try {
      const r = sigap(['simulate', '--office', 'kota-banjarmasin', '--service', 'pengusulan-jkn-kis', '--path', 'reject'], { DATA_DIR: data, DATABASE_URL: '' });
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /Nomor registrasi \/ registration number: BNJ-\d{4}-000001/);
      assert.match(r.out, /Akhir \/ final state: rejected/);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('simulate --path reject on a service without a rejection refuses before anything is written', () => {
    const data = mkdtempSync(join(tmpdir(), 'sigap-cli-'));
    try {
      // Banjarmasin "Verifikasi Segera" has no rejection in its decree's procedure.
      const r = sigap(['simulate', '--office', 'kota-banjarmasin', '--service', 'verifikasi-segera', '--path', 'reject'], { DATA_DIR: data, DATABASE_URL: '' });
      assert.equal(r.code, 1);
      assert.equal(r.err.trim(), 'Layanan verifikasi-segera tidak punya jalur penolakan; tidak ada yang diajukan / verifikasi-segera has no rejection path; nothing was filed');
      assert.equal(r.out, '');
      assert.deepEqual(readdirSync(data), [], 'not even a database file was created');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
