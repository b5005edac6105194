/**
 * The privacy notice of each seed office (pure views): it names the office's data-protection
 * contact from office.yaml, says plainly that no officer is named yet (no decree names one), names
 * the officer once office.yaml does, says the retention schedule is not yet recorded, and escapes
 * what a person typed when the form comes back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredOffice } from '../../../src/db/standards-repo.js';
import { privacyPage } from '../../../src/http/pages/privacy-views.js';
import { dataContactOf, privacyNotice } from '../../../src/http/pages/components.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const loaded = loadStandardsDir(STANDARDS_DIR).offices;
const stored = (slug: string, patch: Partial<StoredOffice['office']> = {}): StoredOffice => {
  const o = loaded.find((x) => x.office.slug === slug)!;
  return { id: slug, versionId: slug, version: 1, office: { ...o.office, ...patch }, decreeText: null, services: o.services.map((s, i) => ({ id: `${slug}-${i}`, versionId: `${slug}-${i}`, version: 1, service: s })) };
};
const empty = { values: {}, problems: [] };

describe('privacy notice per office', () => {
  it('every seed office has a data-protection block with its own contacts and no invented officer', () => {
    assert.equal(loaded.length, 5);
    for (const o of loaded) {
      const dp = o.office.dataProtection;
      assert.ok(dp, `${o.office.slug} has dataProtection`);
      assert.equal(dp.officer, undefined, `${o.office.slug}: the decree names no officer`);
      assert.ok(dp.contacts.length > 0);
      const own = [...o.office.contacts, ...o.office.complaints.channels].map((c) => c.value ?? c.label);
      for (const c of dp.contacts) assert.ok(own.includes(c.value ?? c.label), `${o.office.slug}: ${c.label} is one of the office's own channels`);
      assert.ok(o.office.address.startsWith(dp.address!.split(' ')[0]!) || dp.address === o.office.address);
    }
  });

  it('says the office has not named its officer yet, in both languages, with the contacts and the honest retention', () => {
    const o = stored('kota-banjarmasin');
    const id = privacyPage('id', o, empty);
    assert.match(id, /Dinas Sosial Kota Banjarmasin belum menunjuk Pejabat Pelindungan Data Pribadi/);
    assert.match(id, /Dinsos_Banjarmasin@yahoo\.com/);
    assert.match(id, /Jadwal retensi itu belum dicatat di Sigap/);
    assert.match(id, /3 × 24 jam \(3 hari kalender, termasuk hari libur\)/);
    const en = privacyPage('en', o, empty);
    assert.match(en, /has not yet named its data protection officer/);
    assert.match(en, /That schedule is not yet recorded in Sigap/);
  });

  it('names the officer once office.yaml does', () => {
    const o = stored('kota-semarang', { dataProtection: { officer: { name: 'Rina Marlina, S.Kom.', title: 'Pranata Komputer Ahli Muda' }, contacts: [{ kind: 'email', label: 'Email', value: 'ppdp@semarangkota.go.id' }] } });
    const page = privacyPage('id', o, empty);
    assert.match(page, /Pejabat Pelindungan Data Pribadi \(PPDP, Pasal 53 UU 27\/2022\): <strong>Rina Marlina, S\.Kom\.<\/strong>, Pranata Komputer Ahli Muda/);
    assert.doesNotMatch(page, /belum menunjuk/);
    assert.match(page, /ppdp@semarangkota\.go\.id/);
  });

  it('escapes what was typed when the form comes back, and links the intake notice to the page', () => {
    const page = privacyPage('id', stored('kota-jambi'), { values: { name: '<script>alert(1)</script>' }, problems: [] });
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const notice = privacyNotice('en', dataContactOf(stored('kota-jambi').office)).html;
    assert.match(notice, /href="\/kantor\/kota-jambi\/privasi\?lang=en"/);
  });
});
