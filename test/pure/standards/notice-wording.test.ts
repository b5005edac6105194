// An office's own wording of citizen notices as data (issue 16 §6): validated with file:line:column, no NIK placeholder possible, used over the default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMessage, wordingTemplates, type NoticeFacts } from '../../../src/domain/notifications/messages.js';
import { formatProblem, validateOffice } from '../../../src/domain/standards/validate.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(STANDARDS_DIR, 'kota-jambi');
const officeText = readFileSync(join(dir, 'office.yaml'), 'utf8');
const services = readdirSync(join(dir, 'services'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ path: `kota-jambi/services/${f}`, text: readFileSync(join(dir, 'services', f), 'utf8') }));
const withNotices = (block: string) => validateOffice('kota-jambi', { path: 'kota-jambi/office.yaml', text: `${officeText.trimEnd()}\n${block}` }, services);
const lineOf = (block: string, needle: string) => officeText.trimEnd().split('\n').length + block.split('\n').findIndex((l) => l.includes(needle)) + 1;

const facts: NoticeFacts = {
  registrationNumber: 'JMB-2026-000042',
  serviceName: 'Rekomendasi Jaminan Kesehatan Daerah bagi Bayi',
  officeName: 'Dinas Sosial Kota Jambi',
  trackingUrl: 'https://sigap.jambikota.go.id/lacak',
  status: 'waiting-applicant',
  note: 'Surat keterangan lahir belum dilampirkan',
  letterNumber: null,
  stopUrl: 'https://sigap.jambikota.go.id/kabar/berhenti?t=abc.def',
};

describe("an office's own wording of notices", () => {
  const good = `notices:\n  returned:\n    subject: "Berkas {nomor} perlu dilengkapi"\n    text: "Yth. pemohon, berkas {nomor} ({layanan}) perlu dilengkapi: {catatan}. Silakan datang ke Mal Pelayanan Publik Kota Jambi."\n`;

  it('is accepted with known placeholders and replaces the default, the tracking line and stop link still added', () => {
    const { result, problems } = withNotices(good);
    assert.deepEqual(problems, []);
    const m = composeMessage('returned', facts, { office: wordingTemplates(result!.office.notices) });
    assert.equal(m.subject, 'Berkas JMB-2026-000042 perlu dilengkapi');
    assert.match(m.text, /^Yth\. pemohon, berkas JMB-2026-000042 \(Rekomendasi Jaminan Kesehatan Daerah bagi Bayi\) perlu dilengkapi: Surat keterangan lahir belum dilampirkan\. Silakan datang/);
    assert.match(m.text, /Lacak permohonan Anda di https:\/\/sigap\.jambikota\.go\.id\/lacak/);
    assert.match(m.text, /Stop these messages: https:\/\/sigap\.jambikota\.go\.id\/kabar\/berhenti\?t=abc\.def$/);
    // Kinds the office does not word keep the default.
    assert.equal(composeMessage('receipt', facts, { office: wordingTemplates(result!.office.notices) }).subject, 'Permohonan JMB-2026-000042 diterima / Application received');
  });

  it('refuses a NIK placeholder (none exists) at its file, line and column', () => {
    const bad = `notices:\n  receipt:\n    subject: "Permohonan {nomor} diterima"\n    text: "NIK Anda {nik} tercatat."\n`;
    const { problems } = withNotices(bad);
    assert.equal(problems.length, 1, problems.map(formatProblem).join('\n'));
    assert.equal(problems[0]!.file, 'kota-jambi/office.yaml');
    assert.equal(problems[0]!.line, lineOf(bad, 'NIK Anda'));
    assert.match(formatProblem(problems[0]!), /notices\.receipt\.text: placeholder tidak dikenal: \{nik\} \(yang boleh: \{nomor\}, .*\/ notices\.receipt\.text: unknown placeholder: \{nik\}/);
  });

  it('refuses an unknown kind of notice', () => {
    const { problems } = withNotices(`notices:\n  ulang-tahun:\n    subject: "Selamat"\n    text: "Selamat ulang tahun"\n`);
    assert.equal(problems.length, 1);
    assert.match(formatProblem(problems[0]!), /notices/);
  });

  it('no office carries its own wording yet: the defaults stay in code', () => {
    const offices = loadStandardsDir(STANDARDS_DIR).offices;
    assert.deepEqual(offices.filter((o) => o.office.notices || o.services.some((s) => s.notices)).map((o) => o.office.slug), []);
  });
});
