/** Thousands of malformed inputs: every one gets a clear 4xx, never a 500, and nothing breaks. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';

// A small deterministic PRNG so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

describe(`malformed input (${TEST_DB})`, () => {
  let t: TestApp;
  let token = '';
  before(async () => {
    t = await testApp();
    token = JSON.parse((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'front-office@kota-jambi', password: 'sigap-demo' } })).body).token;
  });
  after(async () => t.close());

  it('answers 2,000 random malformed requests without a single 5xx', async () => {
    const r = rng(20261123);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const junk = (): unknown =>
      pick<() => unknown>([
        () => null,
        () => Math.floor(r() * 1e9) - 5e8,
        () => r() > 0.5,
        () => 'x'.repeat(Math.floor(r() * 3000)),
        () => '<script>alert(1)</script>',
        () => "'; DROP TABLE applications; --",
        () => '\u0000\u0001\uffff',
        () => '١٥٧١٠٢٤١٠٧٩٠٠٠٠٣',
        () => [junk(), junk()],
        () => ({ [pick(['nik', 'name', '__proto__', 'constructor', 'a'])]: junk() }),
        () => '9999-99-99T99:99:99Z',
      ])();
    const bodies = () =>
      pick<() => unknown>([
        () => junk(),
        () => ({ office: junk(), service: junk(), applicant: junk(), answers: junk(), attachments: junk() }),
        () => ({ office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: { nik: junk(), name: junk(), birthDate: junk(), sex: junk(), email: junk() }, answers: junk(), attachments: [{ requirement: junk(), upload: junk(), shown: junk() }] }),
        () => ({ outcome: junk(), note: junk(), data: junk(), version: junk() }),
        () => ({ username: junk(), password: junk() }),
      ])();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const kind = i % 8;
      const enc = (v: unknown) => encodeURIComponent(String(v));
      const req =
        kind === 0 || kind === 1
          ? { method: 'POST' as const, url: '/api/v1/applications', payload: JSON.stringify(bodies()), headers: { 'content-type': 'application/json', ...(r() > 0.5 ? { 'idempotency-key': String(junk()).slice(0, 300) } : {}) } }
          : kind === 2
            ? { method: 'POST' as const, url: '/api/v1/applications', payload: String(junk()), headers: { 'content-type': pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) } }
            : kind === 3
              ? { method: 'GET' as const, url: `/api/v1/applications/${enc(junk())}/status?code=${enc(junk())}` }
              : kind === 4
                ? { method: 'POST' as const, url: `/api/v1/tasks/${enc(junk())}/complete`, payload: JSON.stringify(bodies()), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }
                : kind === 5
                  ? { method: 'GET' as const, url: `/api/v1/offices/${pick(['kota-jambi', enc(junk())])}/calendar/due?start=${enc(junk())}&value=${enc(junk())}&unit=${enc(junk())}` }
                  : kind === 6
                    ? { method: 'POST' as const, url: '/api/v1/auth/login', payload: JSON.stringify(bodies()), headers: { 'content-type': 'application/json' } }
                    : { method: 'POST' as const, url: pick(['/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi/ajukan', '/masuk', '/lacak/x/kirim-ulang']), payload: `a=${enc(junk())}&applicant.nik=${enc(junk())}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      const res = await t.app.inject(req);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      assert.ok(res.statusCode < 500, `request ${i} (${req.method} ${req.url.slice(0, 80)}) → ${res.statusCode}: ${res.body.slice(0, 300)}`);
      if (res.headers['content-type']?.toString().includes('json') && res.statusCode >= 400) {
        const body = JSON.parse(res.body);
        assert.ok(body.error?.message && body.error?.messageEn, `bilingual error for ${req.url}`);
      }
    }
    assert.ok((statuses.get(422) ?? 0) + (statuses.get(400) ?? 0) > 500, JSON.stringify([...statuses]));
    // Still healthy, and still serving real work.
    assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/offices' })).statusCode, 200);
  });
});
