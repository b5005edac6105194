import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadStandardsDir } from '../../src/io/standards-dir.js';
import { TEST_DB } from '../support/db.js';
import { SEED_OFFICES, STANDARDS_DIR } from '../support/paths.js';
import { testApp, type TestApp } from '../support/app.js';

describe(`catalogue API contract (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  const get = async (url: string) => {
    const r = await t.app.inject({ method: 'GET', url });
    return { status: r.statusCode, type: r.headers['content-type'], body: r.body, json: () => JSON.parse(r.body) };
  };

  it('GET /api/v1/offices lists every office (the five seed offices among them) with slug, name, timezone, serviceCount and decree', async () => {
    const r = await get('/api/v1/offices');
    assert.equal(r.status, 200);
    assert.match(String(r.type), /application\/json/);
    const offices = r.json() as { slug: string; name: string; timezone: string; serviceCount: number; decree: { number: string | null; date: string | null } }[];
    const bySlug = Object.fromEntries(offices.map((o) => [o.slug, o]));
    const folders = loadStandardsDir(STANDARDS_DIR).offices;
    assert.deepEqual(Object.keys(bySlug).sort(), folders.map((o) => o.office.slug).sort());
    assert.deepEqual(
      Object.fromEntries(offices.map((o) => [o.slug, o.serviceCount])),
      Object.fromEntries(folders.map((o) => [o.office.slug, o.services.length])),
    );
    for (const slug of SEED_OFFICES) assert.ok(bySlug[slug], slug);
    assert.deepEqual(
      Object.fromEntries(offices.filter((o) => (SEED_OFFICES as readonly string[]).includes(o.slug)).map((o) => [o.slug, o.serviceCount])),
      { 'kabupaten-kutai-kartanegara': 10, 'kota-banjarmasin': 13, 'kota-jambi': 20, 'kota-pekanbaru': 1, 'kota-semarang': 9 },
    );
    assert.equal(bySlug['kota-jambi']!.timezone, 'Asia/Jakarta');
    assert.equal(bySlug['kota-banjarmasin']!.timezone, 'Asia/Makassar');
    assert.deepEqual(bySlug['kota-jambi']!.decree, { number: '31 Tahun 2023', date: '2023-12-29' });
    assert.deepEqual(bySlug['kota-banjarmasin']!.decree, { number: '093 Tahun 2024', date: '2024-06-10' });
    assert.equal(bySlug['kota-pekanbaru']!.decree.number, null);
    for (const o of offices) assert.deepEqual(Object.keys(o).sort(), ['decree', 'name', 'serviceCount', 'slug', 'timezone']);
  });

  it('GET /api/v1/offices/{slug} gives the profile with structured service hours', async () => {
    const r = await get('/api/v1/offices/kota-jambi');
    assert.equal(r.status, 200);
    const o = r.json();
    assert.equal(o.name, 'Dinas Sosial Kota Jambi');
    assert.equal(o.serviceHours.source, 'decree');
    assert.deepEqual(
      o.serviceHours.week.map((b: { days: string[]; open: string; close: string }) => [b.days.join(','), b.open, b.close]),
      [['mon,tue,wed,thu', '07:30', '16:00'], ['fri', '07:30', '11:00']],
    );
    const bjm = (await get('/api/v1/offices/kota-banjarmasin')).json();
    assert.equal(bjm.serviceHours.source, 'default', 'Banjarmasin states no hours');
    assert.equal(bjm.complaints.responsePromise.sla.value, 3);
    assert.equal(bjm.complaints.responsePromise.sla.unit, 'working_days');
    assert.equal(bjm.decree.revokes[0].number, '080 Tahun 2023');
  });

  it('GET /api/v1/offices/{slug}/services returns the summary shape for every service', async () => {
    const r = await get('/api/v1/offices/kota-jambi/services');
    assert.equal(r.status, 200);
    const list = r.json() as Record<string, unknown>[];
    assert.equal(list.length, 20);
    assert.deepEqual(list.map((s) => s.no), Array.from({ length: 20 }, (_, i) => i + 1));
    for (const s of list) {
      for (const k of ['slug', 'no', 'title', 'detailed', 'sla', 'fee', 'product', 'requirements']) assert.ok(k in s, `${String(s.slug)} lacks ${k}`);
      const sla = s.sla as Record<string, unknown>;
      assert.deepEqual(Object.keys(sla).sort(), ['maxValue', 'text', 'unit', 'value']);
    }
    const bayi = list.find((s) => s.no === 9)!;
    assert.deepEqual(bayi.sla, { value: 15, unit: 'minutes', maxValue: null, text: '15 menit' });
    assert.deepEqual(bayi.fee, { amount: 0, text: 'Tidak dipungut biaya' });
    const odgj = list.find((s) => s.no === 16)!;
    assert.deepEqual(odgj.sla, { value: 2, unit: 'working_days', maxValue: 3, text: '2-3 hari kerja' });
    const req = (bayi.requirements as { id: string; label: string; kind: string; required: boolean }[])[0]!;
    assert.deepEqual(Object.keys(req).sort(), ['id', 'kind', 'label', 'required']);
  });

  it('GET /api/v1/offices/{slug}/services/{serviceSlug} gives components in decree order, eligibility, procedure and version', async () => {
    const list = (await get('/api/v1/offices/kota-jambi/services')).json() as { slug: string; no: number }[];
    const slug = list.find((s) => s.no === 3)!.slug;
    const r = await get(`/api/v1/offices/kota-jambi/services/${slug}`);
    assert.equal(r.status, 200);
    const s = r.json();
    assert.equal(s.components[0].key, 'persyaratan');
    assert.equal(s.components[0].heading, 'Persyaratan');
    assert.ok(s.components.every((c: Record<string, unknown>) => typeof c.key === 'string' && typeof c.heading === 'string' && typeof c.text === 'string'));
    assert.ok(Array.isArray(s.eligibility));
    assert.ok(s.procedure.steps.length >= 3);
    assert.equal(s.version.number, 1);
    assert.match(s.version.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(s.product.validity?.unit, 'years');
    assert.deepEqual(s.otherProducts, []);
    assert.equal(s.complaintChannels, null, 'the office channels apply');
  });

  it("gives a service's further products and own complaint channels (Semarang: Surat Tanda Daftar and Surat Rekomendasi; Lampiran I without Call Center)", async () => {
    const lks = (await get('/api/v1/offices/kota-semarang/services/tanda-daftar-rekomendasi-lks')).json();
    assert.deepEqual(lks.otherProducts, [{ text: 'Surat Rekomendasi', kind: 'letter', validity: null }]);
    const data = (await get('/api/v1/offices/kota-semarang/services/data-pengaduan')).json();
    assert.deepEqual(data.complaintChannels.map((c: { kind: string }) => c.kind), ['letter', 'complaint-box', 'phone', 'website', 'email', 'twitter', 'instagram']);
  });

  it('serves each detailed service flowchart as SVG and 404s the listed-only one', async () => {
    const offices = (await get('/api/v1/offices')).json() as { slug: string }[];
    let drawn = 0;
    let seeds = 0;
    for (const o of offices) {
      const services = (await get(`/api/v1/offices/${o.slug}/services`)).json() as { slug: string; detailed: boolean }[];
      for (const s of services) {
        const r = await get(`/api/v1/offices/${o.slug}/services/${s.slug}/flowchart.svg`);
        if (s.detailed) {
          assert.equal(r.status, 200, `${o.slug}/${s.slug}`);
          assert.match(String(r.type), /image\/svg\+xml/);
          assert.match(r.body, /^<svg [^>]*role="img"/);
          drawn++;
          if ((SEED_OFFICES as readonly string[]).includes(o.slug)) seeds++;
        } else assert.equal(r.status, 404);
      }
    }
    assert.equal(seeds, 52, 'all seed services except Semarang KJS have a procedure');
    const detailed = loadStandardsDir(STANDARDS_DIR).offices.reduce((a, o) => a + o.services.filter((s) => s.detailed).length, 0);
    assert.equal(drawn, detailed, 'every detailed service of every office is drawn');
  });

  it('answers unknown offices and services with a 404 JSON error in both languages', async () => {
    const a = await get('/api/v1/offices/kota-atlantis');
    assert.equal(a.status, 404);
    assert.deepEqual(a.json(), { error: { code: 'office-not-found', message: 'Kantor "kota-atlantis" tidak ditemukan', messageEn: 'Office "kota-atlantis" not found' } });
    const b = await get('/api/v1/offices/kota-jambi/services/tidak-ada');
    assert.equal(b.status, 404);
    assert.equal(b.json().error.code, 'service-not-found');
    const c = await get('/api/v1/offices/kota-jambi/services/tidak-ada/flowchart.svg');
    assert.equal(c.status, 404);
    const d = await get('/api/v1/nothing-here');
    assert.equal(d.status, 404);
    assert.equal(d.json().error.code, 'not-found');
  });

  it('publishes an OpenAPI document describing the catalogue routes, and a docs page', async () => {
    const r = await get('/api/v1/openapi.json');
    assert.equal(r.status, 200);
    const doc = r.json();
    assert.equal(doc.openapi, '3.0.3');
    for (const p of ['/api/v1/offices', '/api/v1/offices/{slug}', '/api/v1/offices/{slug}/services', '/api/v1/offices/{slug}/services/{serviceSlug}', '/api/v1/offices/{slug}/services/{serviceSlug}/flowchart.svg'])
      assert.ok(doc.paths[p]?.get, `missing ${p}`);
    const docs = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });

  it('renders the public pages in Indonesian by default and English on request', async () => {
    const home = await get('/');
    assert.equal(home.status, 200);
    assert.match(home.body, /<html lang="id">/);
    assert.match(home.body, /Dinas Sosial Kota Jambi/);
    const en = await get('/kantor/kota-banjarmasin?lang=en');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Service hours are not stated in the decree/);
    assert.match(en.body, /WITA/);
    const id = await get('/kantor/kota-jambi');
    assert.match(id.body, /Senin–Kamis: 07\.30–16\.00 WIB/);
    assert.match(id.body, /29 Desember 2023/);
    const missing = await get('/kantor/kota-atlantis');
    assert.equal(missing.status, 404);
  });
});
