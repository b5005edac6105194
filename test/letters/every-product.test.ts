/**
 * Done when: every document product of the five decrees comes out of a completed application
 * as a numbered, signed PDF with a working QR verification. Each service is run through its
 * procedure (along a route that produces its document), what is ready is signed by the demo
 * account of the signing role, and each PDF is checked: stored, hashed, verifiable, QR decoded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { productTemplate, templatesForStep } from '../../src/domain/letters/documents.js';
import { readLetterFile, sha256Hex } from '../../src/usecases/letters/letter-files.js';
import { signLetters } from '../../src/usecases/letters/sign-letters.js';
import { templatesOf } from '../../src/usecases/letters/templates.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { actorFor, driveThroughDocument, fileCase, pdfText, qrOf } from './helpers.js';

describe(`every document product of the five decrees (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  it('comes out of a completed application as a numbered, signed PDF with a working QR verification', async () => {
    const failures: string[] = [];
    const seen: string[] = [];
    for (const o of t.catalogue.list()) {
      const templates = templatesOf(t.ctx, o.office.slug).templates;
      for (const s of o.services.map((x) => x.service).filter((x) => x.procedure && x.openForApplications)) {
        const product = productTemplate(templates, s);
        const drafting = s.procedure!.steps.filter((st) => templatesForStep(templates, s, st.id).length > 0);
        const docSteps = drafting.length ? drafting : s.procedure!.steps.filter((st) => st.kind === 'sign' && !!product);
        const isDocument = !!s.product?.letterType || s.product?.kind === 'letter' || s.product?.kind === 'permit' || docSteps.length > 0;
        if (!isDocument) continue;
        // One case per document step (alternative branches produce different documents).
        const routes = docSteps.length ? docSteps.map((d) => [d.id]) : [[]];
        const covered = new Set<string>();
        for (const route of routes) {
          if (route.length && covered.has(route[0]!)) continue;
          const label = `${o.office.slug}/${s.slug}${route.length ? ` via ${route[0]}` : ''}`;
          try {
            const c = await fileCase(t.ctx, o.office.slug, s.slug);
            const docIds = new Set(route);
            const status = await driveThroughDocument(t.ctx, c.id, o.office.slug, (st) => docIds.has(st.id), route.length === 0);
            if (status !== 'completed') throw new Error(`ended ${status}`);
            let letters = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', c.id).execute();
            if (letters.length === 0) throw new Error('no letter');
            for (const role of new Set(letters.filter((l) => l.status === 'ready').map((l) => l.signer_role))) {
              const r = await signLetters(t.ctx, { ids: letters.filter((l) => l.status === 'ready' && l.signer_role === role).map((l) => l.id), password: 'sigap-demo' }, await actorFor(t.ctx, `${role}@${o.office.slug}`));
              if (!r.ok || r.value.results.some((x) => !x.ok)) throw new Error(`signing as ${role}: ${JSON.stringify(r)}`);
            }
            letters = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', c.id).execute();
            for (const l of letters) if (l.step_id) covered.add(l.step_id);
            for (const l of letters) {
              if (l.status !== 'signed' || !l.number || !l.sha256) throw new Error(`${l.template_id}: ${l.status} ${l.number}`);
              const pdf = await readLetterFile(t.ctx, l.sha256);
              if (!pdf || sha256Hex(pdf) !== l.sha256) throw new Error(`${l.template_id}: file missing or altered`);
              const url = `http://localhost:3000/v/${l.token}`;
              if (qrOf(pdf) !== url) throw new Error(`${l.template_id}: QR does not decode to ${url}`);
              const text = (await pdfText(pdf)).text;
              if (!text.includes(l.number) || !text.includes(o.office.name.toUpperCase())) throw new Error(`${l.template_id}: number or letterhead missing`);
              const v = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${l.token}` });
              const body = JSON.parse(v.body);
              if (v.statusCode !== 200 || !body.valid || body.sha256 !== l.sha256 || body.number !== l.number) throw new Error(`${l.template_id}: verification ${v.body}`);
              seen.push(`${label}:${l.template_id}`);
            }
          } catch (e) {
            failures.push(`${label}: ${(e as Error).message}`);
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    // Every template of every office (except rejection letters, below) produced a letter.
    const produced = new Set(seen.map((x) => `${x.split('/')[0]}:${x.split(':').pop()}`));
    const expected = t.catalogue.list().flatMap((o) => templatesOf(t.ctx, o.office.slug).templates.filter((x) => x.front.kind !== 'rejection').map((x) => `${o.office.slug}:${x.id}`));
    assert.deepEqual(expected.filter((x) => !produced.has(x)), [], 'every template was exercised');
    assert.ok(seen.length >= 35, `${seen.length} letters`);
  });

  it('gives every office a signed rejection letter for a rejected case', async () => {
    for (const [office, service] of [
      ['kota-jambi', 'rekomendasi-sktm-berobat'],
      ['kota-banjarmasin', 'ijin-pub'],
      ['kabupaten-kutai-kartanegara', 'santunan-sosial-kukar-idaman'],
      ['kota-semarang', 'bantuan-kube'],
      ['kota-pekanbaru', 'pengecekan-rekomendasi-dtks'],
    ] as const) {
      const r = await simulateCase(t.ctx, office, service, 'reject');
      const [l] = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', r.applicationId).where('kind', '=', 'rejection').execute();
      assert.equal(l?.status, 'ready', `${office}/${service}`);
      const s = await signLetters(t.ctx, { ids: [l!.id], password: 'sigap-demo' }, await actorFor(t.ctx, `kepala-dinas@${office}`));
      assert.ok(s.ok && s.value.signed === 1, JSON.stringify(s));
      const signed = await t.database.db.selectFrom('letters').selectAll().where('id', '=', l!.id).executeTakeFirstOrThrow();
      const text = (await pdfText((await readLetterFile(t.ctx, signed.sha256!))!)).text;
      assert.ok(text.includes('Tidak memenuhi kriteria sesuai hasil verifikasi'), `${office}: ${text}`);
    }
  });
});
