/**
 * The five seed decrees as encoded: they load, have exactly the decrees' services, and every line
 * of every component (plus SLA, fee and product wording) is found verbatim in the decree text.
 * Checks that hold for any office iterate over the offices loaded (a sixth office must pass them
 * too: test/pure/standards/sixth-office.test.ts); decree facts name their office.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linesNotInDecree, normalizeMarkup } from '../../../src/domain/standards/verbatim.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { SEED_OFFICES, STANDARDS_DIR } from '../../support/paths.js';

const loaded = loadStandardsDir(STANDARDS_DIR);
const office = (slug: string) => {
  const o = loaded.offices.find((x) => x.office.slug === slug);
  assert.ok(o, `office ${slug} not loaded`);
  return o;
};

describe('the five seed offices', () => {
  it('validate without a single problem', () => {
    assert.deepEqual(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.messageEn}`), []);
  });

  it('have exactly the services their decrees list (53 in all), numbered 1..N', () => {
    const seeds = loaded.offices.filter((o) => (SEED_OFFICES as readonly string[]).includes(o.office.slug));
    const counts = Object.fromEntries(seeds.map((o) => [o.office.slug, o.services.map((s) => s.no)]));
    const seq = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    assert.deepEqual(counts, {
      'kabupaten-kutai-kartanegara': seq(10),
      'kota-banjarmasin': seq(13),
      'kota-jambi': seq(20),
      'kota-pekanbaru': seq(1),
      'kota-semarang': seq(9),
    });
    assert.equal(seeds.reduce((a, o) => a + o.services.length, 0), 53);
  });

  it('every office numbers its services 1..N, as its decree lists them', () => {
    assert.ok(loaded.offices.length >= SEED_OFFICES.length);
    for (const o of loaded.offices)
      assert.deepEqual(
        o.services.map((s) => s.no),
        o.services.map((_, i) => i + 1),
        o.office.slug,
      );
  });

  for (const slug of loaded.offices.map((o) => o.office.slug)) {
    it(`${slug}: every component line, SLA, fee and product text is verbatim from the decree`, () => {
      const o = office(slug);
      assert.ok(o.decreeText, 'decree.txt is kept beside the standard');
      const decree = normalizeMarkup(o.decreeText);
      const misses: string[] = [];
      for (const s of o.services) {
        for (const c of s.components) for (const l of linesNotInDecree(c.text, decree)) misses.push(`${s.no} ${c.key}: ${l}`);
        for (const c of s.components) assert.ok(decree.includes(normalizeMarkup(c.heading)), `${s.no}: heading "${c.heading}" not in decree`);
        for (const [what, text] of [['sla', s.sla?.text], ['fee', s.fee?.text], ['product', s.product?.text]] as const)
          if (text) for (const l of linesNotInDecree(text, decree)) misses.push(`${s.no} ${what}: ${l}`);
      }
      assert.deepEqual(misses, []);
    });
  }

  it('every detailed service has components, a time limit, a fee, a product and a procedure', () => {
    for (const o of loaded.offices)
      for (const s of o.services.filter((x) => x.detailed)) {
        assert.ok(s.components.length >= 6, `${o.office.slug}/${s.slug}: components`);
        assert.ok(s.sla && s.fee && s.product && s.procedure, `${o.office.slug}/${s.slug}`);
        assert.equal(s.fee!.amount, 0, 'every seed service is free');
      }
  });

  it('keeps components in the decree\'s own order', () => {
    for (const o of loaded.offices) {
      const decree = normalizeMarkup(o.decreeText!);
      for (const s of o.services.filter((x) => x.detailed)) {
        // Each component's first line appears in the decree after the previous component's first line.
        let at = -1;
        const sectionStart = decree.indexOf(normalizeMarkup(s.components[0]!.text.split('\n')[0]!));
        for (const c of s.components) {
          const first = normalizeMarkup(c.text.split('\n')[0]!);
          const pos = decree.indexOf(first, Math.max(at, sectionStart - 1));
          if (pos >= 0) at = pos;
          // Identical boilerplate in many services can sit earlier; only flag clear reversals.
          assert.ok(pos >= 0 || decree.includes(first), `${o.office.slug} ${s.no} ${c.key} out of order`);
        }
      }
    }
  });

  it('keep the registration codes their numbers were issued with (JMB-2026-000123 stays valid)', () => {
    assert.deepEqual(Object.fromEntries(SEED_OFFICES.map((slug) => [slug, office(slug).office.registrationCode])), {
      'kabupaten-kutai-kartanegara': 'KKX',
      'kota-banjarmasin': 'BNJ',
      'kota-jambi': 'JMB',
      'kota-pekanbaru': 'PKN',
      'kota-semarang': 'SMR',
    });
  });

  it('Semarang keeps KJS as a listed-only service, closed for applications', () => {
    const kjs = office('kota-semarang').services.find((s) => !s.detailed);
    assert.ok(kjs, 'a listed-only service');
    assert.match(kjs.title, /KJS|Jaminan Kesehatan Semarang/i);
    assert.equal(kjs.openForApplications, false);
    assert.equal(kjs.components.length, 0);
  });

  it('offices declare the required roles, and the ones their decrees name', () => {
    for (const o of loaded.offices) {
      const ids = o.office.roles.map((r) => r.id);
      for (const r of ['admin', 'front-office', 'kepala-dinas', 'auditor']) assert.ok(ids.includes(r), `${o.office.slug} lacks ${r}`);
    }
  });

  it('offices whose decree states no hours carry the default week and say so', () => {
    for (const slug of ['kota-banjarmasin', 'kabupaten-kutai-kartanegara', 'kota-pekanbaru']) {
      const h = office(slug).office.serviceHours;
      assert.equal(h.source, 'default', slug);
      assert.deepEqual(h.week, [
        { days: ['mon', 'tue', 'wed', 'thu'], open: '08:00', close: '16:00' },
        { days: ['fri'], open: '08:00', close: '11:00' },
      ]);
    }
    assert.equal(office('kota-jambi').office.serviceHours.source, 'decree');
    assert.equal(office('kota-semarang').office.serviceHours.source, 'decree');
  });
});
