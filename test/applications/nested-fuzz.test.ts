/**
 * Nested wrong types over the applications and complaints APIs (issue 12): every field, at every
 * depth, replaced by a value of another type or an oversized one — each answer a 4xx with a
 * bilingual message, never a 5xx, and nothing oversized stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { SITI } from '../support/fixtures.js';

/** Values of every JSON type, nested and oversized. */
const WRONG: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  '',
  'x'.repeat(100_000),
  [],
  ['1571024107900003'],
  [[[]]],
  {},
  { nik: '1571024107900003' },
  { a: { b: { c: [1, { d: 'e' }] } } },
  { toString: 'x', valueOf: 1 },
  { __proto__: { admin: true } },
];

/** Every path of an object, leaves and branches alike. */
function paths(v: unknown, prefix: string[] = []): string[][] {
  if (!v || typeof v !== 'object') return [prefix];
  const out: string[][] = prefix.length ? [prefix] : [];
  for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function replaced(v: unknown, path: string[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
  (copy as Record<string, unknown>)[path[0]!] = replaced((v as Record<string, unknown>)[path[0]!], path.slice(1), value);
  return copy;
}

describe(`nested wrong types, applications and complaints API (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());
  const { req, login } = apiClient(() => t);

  const application = {
    office: 'kota-jambi',
    service: 'rekomendasi-jamkesda-bayi',
    initiator: 'citizen',
    applicant: { ...SITI, birthDate: '1990-07-01', sex: 'P', email: 'siti.aminah@contoh.id' },
    reporter: { name: 'Rahmat', role: 'Ketua RT', institution: 'RT 05', phone: '081266782748' },
    answers: { 'nama-bayi': 'Nur Aisyah', 'tanggal-lahir-bayi': '2026-11-01' },
    attachments: [{ requirement: 'fotokopi-kk', upload: 'u-1', shown: false }],
  };
  const complaint = {
    office: 'kota-banjarmasin',
    channel: 'website',
    type: 'pengaduan',
    mode: 'named',
    text: 'Bantuan sembako untuk lansia di RT 05 Kelurahan Kuin Utara belum dibagikan sejak Oktober.',
    service: 'x',
    complainant: { name: 'Rahmah Hayati', phone: '081349912345', email: 'rahmah@contoh.id' },
    externalRef: 'LAPOR-1',
    receivedAt: '2026-12-01T09:00:00+08:00',
  };

  const survey = {
    office: 'kota-jambi',
    service: 'pendaftaran-awal-lks',
    answers: { U1: 4, U2: 3, U3: 4, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 4 },
    respondent: { sex: 'P', age: 45, education: 'sma', occupation: 'wirausaha' },
    suggestion: 'Ruang tunggu perlu kipas angin',
    date: '2026-12-01',
  };

  it('answers every nested wrong type with a bilingual 4xx, publicly and at the counter', async () => {
    const counter = await login('front-office@kota-jambi');
    const statuses = new Map<number, number>();
    let n = 0;
    for (const [url, body, headers] of [
      ['/api/v1/applications', application, {}],
      ['/api/v1/applications', application, counter],
      ['/api/v1/complaints', complaint, {}],
      ['/api/v1/surveys', survey, await login('surveyor@kota-jambi')],
    ] as const) {
      for (const path of paths(body))
        for (const value of WRONG) {
          const r = await req('POST', url, replaced(body, path, value), headers);
          n++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          const what = `${url} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)} → ${r.status} ${r.body.slice(0, 200)}`;
          // A survey stays valid when, say, its suggestion is emptied; nothing else may succeed.
          assert.ok(r.status < 500 && (r.status >= 400 || url === '/api/v1/surveys'), what);
          if (r.status >= 400) assert.ok(r.json().error?.message && r.json().error?.messageEn, `bilingual: ${what}`);
          if (url === '/api/v1/surveys' && typeof value === 'string' && value.length > 20_000) assert.ok(r.status >= 400, what);
        }
    }
    assert.ok(n > 500, `${n} requests`);
    assert.ok((statuses.get(400) ?? 0) > 100, JSON.stringify([...statuses]));
  });

  it('refuses oversized applicant, reporter and answer texts with the field named (no 100,000-character address is stored)', async () => {
    const counter = await login('front-office@kota-jambi');
    const cases: [string[], number][] = [
      [['applicant', 'name'], 201],
      [['applicant', 'address'], 501],
      [['applicant', 'email'], 201],
      [['reporter', 'name'], 201],
      [['reporter', 'institution'], 201],
      [['answers', 'nama-bayi'], 2001],
    ];
    for (const [path, length] of cases) {
      const r = await req('POST', '/api/v1/applications', replaced({ ...application, attachments: [{ requirement: 'fotokopi-kk', shown: true }] }, path, 'a'.repeat(length)), counter);
      assert.ok(r.status === 400 || r.status === 422, `${path.join('.')}: ${r.status}`);
      assert.match(r.body, new RegExp(path.join('.').replace('.', '[./]')), `${path.join('.')} named: ${r.body.slice(0, 300)}`);
    }
    const long = await t.database.db.selectFrom('applications').select('id').where((eb) => eb(eb.fn('length', ['applicant']), '>', 20_000)).execute();
    assert.equal(long.length, 0);
  });

  it('answers form posts with repeated, bracketed and oversized fields with a page, never a 5xx', async () => {
    const forms = [
      '/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi/ajukan',
      '/kantor/kota-banjarmasin/pengaduan',
      '/lacak/JMB-2026-000001/batal',
      '/lacak/JMB-2026-000001/kirim-ulang',
      '/pengaduan/BJM-2026-000001/informasi',
      '/masuk',
    ];
    const bodies = [
      'applicant.name=Siti&applicant.name=Aminah&applicant.nik=1571024107900003&applicant.nik=x',
      'applicant[name]=Siti&applicant[nik][]=1&answers[a][b]=c',
      `applicant.address=${'a'.repeat(60_000)}&applicant.name=Siti`,
      'text=a&text=b&mode=named&mode=anonymous&complainant.name=A&complainant.name=B',
      'code=A&code=B&note=x&confirm=ya&confirm=tidak',
      'username=a&username=b&password=c&next=%2Fpetugas&next=%2Fpetugas%0D%0AX',
      '__proto__[admin]=1&constructor[prototype][x]=1',
    ];
    for (const url of forms)
      for (const payload of bodies) {
        const r = await t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        assert.ok(r.statusCode < 500, `${url} ← ${payload.slice(0, 80)}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      }
  });
});
