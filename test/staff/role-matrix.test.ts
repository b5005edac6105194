/**
 * The role matrix: every staff route of the real app (API and pages), asked by every role of one
 * office (Kota Banjarmasin, whose decree names sixteen roles), is served exactly when the one
 * permission table (domain/staff/permissions.ts) says so, and refused with 403 otherwise: the
 * JSON failure on the API, the bilingual page on a page. Requests carry ids that do not exist and
 * empty bodies, so an allowed request ends in 2xx/3xx/400/404/409/422 and changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { declaredRoutes, officeScope } from '../../src/http/auth.js';
import { may } from '../../src/domain/staff/permissions.js';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type Method, type TestApp } from '../support/app.js';

const OFFICE = 'kota-banjarmasin';
const NONE = '00000000-0000-4000-8000-000000000000';

describe(`role matrix: every staff route × every role of ${OFFICE} (${TEST_DB})`, () => {
  let t: TestApp;
  const api = apiClient(() => t);
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  /** A route's URL with its parameters filled: this office, one of its services, ids that do not exist. */
  const urlOf = (pattern: string, service: string) =>
    pattern
      .replace(':slug', OFFICE)
      .replace(':service', service)
      .replace(':username', `tidak-ada@${OFFICE}`)
      .replace(':nik', '6371010101900001')
      .replace(/:[A-Za-z]+/g, NONE);

  it('serves a role exactly the routes the permission table gives it, and refuses the others with 403', async (ctx) => {
    const office = t.catalogue.list().find((o) => o.office.slug === OFFICE)!;
    const scope = officeScope(office);
    const service = office.services[0]!.service.slug;
    const routes = declaredRoutes(t.app).filter((r) => r.config?.access === 'staff' && r.method !== 'HEAD');
    const roles = office.office.roles.map((r) => r.id);
    assert.ok(routes.length >= 100, `${routes.length} staff routes`);
    assert.equal(roles.length, 16);
    let allowed = 0;
    let refused = 0;
    const wrong: string[] = [];
    await ctx.test(`${routes.length} staff routes × ${roles.length} roles = ${routes.length * roles.length} requests`, async () => {
      for (const role of roles) {
        const auth = await api.login(`${role}@${OFFICE}`);
        for (const r of routes) {
          const method = String(r.method) as Method;
          const url = urlOf(r.url, service);
          const res = await api.req(method, url, method === 'GET' || method === 'DELETE' ? undefined : {}, auth);
          const expected = may([role], r.config!.may!, scope);
          const what = `${role} ${method} ${r.url} (${r.config!.may}) → ${res.status}`;
          if (expected) {
            allowed++;
            if (res.status === 401 || res.status === 403) wrong.push(`${what}: should be served`);
          } else {
            refused++;
            if (res.status !== 403) wrong.push(`${what}: should be refused with 403`);
            else if (url.startsWith('/api/')) {
              const code = res.json().error?.code;
              if (code !== 'permission-required' && code !== 'read-only-role') wrong.push(`${what}: JSON code ${code}`);
            } else if (!/<h1>Tidak berwenang<\/h1>/.test(res.body) || !/<p lang="en" class="meta">/.test(res.body)) wrong.push(`${what}: not the bilingual refusal page`);
          }
        }
      }
    });
    ctx.diagnostic(`${routes.length} staff routes × ${roles.length} roles: ${allowed} served, ${refused} refused`);
    assert.deepEqual(wrong, []);
    // The table is not trivial either way: most pairs are refused, and every role is served something.
    assert.ok(allowed > 200 && refused > 600, `${allowed} served, ${refused} refused`);
  });
});
