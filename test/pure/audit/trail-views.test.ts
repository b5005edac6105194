/** The trail's filters are checked field by field, and its views escape what officers typed and hide from roles that do not read the trail. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayReadAuditTrail, readTrailFilter, trailShowsFullNik } from '../../../src/domain/audit/trail.js';
import { recordReadsSection, trailPage } from '../../../src/http/pages/audit-views.js';

const EVIL = '<img src=x onerror=alert(1)>';
const shell = (lang: 'id' | 'en') => ({ lang, csrf: 'c', displayName: 'Drs. H. Yusuf Effendi', roles: ['kepala-dinas'] });

describe('audit trail (pure)', () => {
  it('reads the filters: a NIK with separators, the actor in lower case; each refusal names its field', () => {
    const ok = readTrailFilter({ from: '2026-04-06', to: '2026-04-07', actor: ' Siti Aminah ', kind: 'upload', action: 'download', record: 'JMB-2026-000123', nik: '1571 0241 0790 0003' });
    assert.deepEqual(ok, { ok: true, value: { from: '2026-04-06', to: '2026-04-07', actor: 'siti aminah', kind: 'upload', action: 'download', record: 'JMB-2026-000123', nik: '1571024107900003' } });
    const bad = readTrailFilter({ from: '2026-02-30', actor: 'Siti_%', kind: 'semua', action: 'DROP TABLE', record: 'JMB%', nik: '157102410790000' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.error.map((p) => p.field), ['from', 'actor', 'kind', 'action', 'record', 'nik']);
    assert.ok(bad.error.every((p) => p.message && p.messageEn && p.message !== p.messageEn));
  });

  it('the head and the admin see NIKs in full; the auditor reads the trail masked; the clerk does not read it', () => {
    assert.deepEqual(['kepala-dinas', 'admin', 'auditor', 'front-office'].map((r) => [mayReadAuditTrail([r]), trailShowsFullNik([r])]), [[true, true], [true, true], [true, false], [false, false]]);
  });

  it('who accessed: nothing for a role that does not read the trail; names escaped; the roles not repeated', () => {
    assert.equal(recordReadsSection('id', null), '');
    const section = recordReadsSection('en', {
        total: 120,
      entries: [{ recordKind: 'upload', actorName: `Rina ${EVIL} (Front Office)`, roleNames: ['Front Office', 'Operator Layanan'], at: '2026-04-06T03:15:00.000Z', atLocal: 'Senin, 6 April 2026 10.15 WIB', action: 'download', purpose: 'case-work', fields: ['ktp'] }],
    });
    assert.ok(section !== '');
    const html = section.html;
    assert.ok(!html.includes(EVIL) && html.includes('&lt;img'));
    assert.match(html, /120 logged reads; the newest 1 shown/);
    assert.match(html, /Downloaded/);
    assert.match(html, /Uploaded document: ktp/, 'a document of the case says it is one');
    assert.match(html, /<span class="meta">Operator Layanan<\/span>/, 'only the role the name does not already say');
  });

  it('the trail page keeps what was typed, escaped, and puts each refusal beside its field', () => {
    const page = trailPage(shell('id'), { values: { actor: EVIL, nik: '1571' }, problems: [{ field: 'nik', code: 'nik-invalid', message: 'NIK harus 16 angka', messageEn: 'A NIK has 16 digits' }] });
    assert.ok(!page.includes(EVIL));
    assert.match(page, /<p class="field-error" id="err-nik">NIK harus 16 angka<\/p><input id="t-nik" name="nik" value="1571"/);
    assert.match(page, /aria-invalid="true" aria-describedby="err-nik"/);
  });
});
