/**
 * Anonymous uploads that no case refers to are bounded and swept (issue 12): a burst of ~100 MB from
 * one address is refused after its share (64 MB) with a bilingual 413, whatever X-Forwarded-For
 * it forges (behind a configured proxy, each forwarded client has its own share); another address
 * and signed-in staff still upload; all anonymous senders together hit
 * the global bound; the sweep deletes uploads older than 24 h that no case refers to, with their
 * files (a file whose content an attached upload shares stays), audited by count.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { insertAttachments } from '../../src/db/applications-repo.js';
import { buildApp } from '../../src/http/app.js';
import { sweepUploads } from '../../src/usecases/applications/sweep-uploads.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/usecases/applications/upload-limits.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { fileCase } from '../letters/helpers.js';

const MB = 1024 * 1024;
let clock = new Date('2026-05-04T02:00:00.000Z');

/** A scanned-KK-sized PDF whose bytes differ per `seed` (no two uploads share content unless asked). */
function pdf(seed: number, size = 9.5 * MB): Buffer {
  const b = Buffer.alloc(size, seed % 251);
  b.write(`%PDF-1.4\n% kartu keluarga ${seed}\n`);
  return b;
}

function multipart(file: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const head = Buffer.from('--SIGAPBATAS\r\nContent-Disposition: form-data; name="file"; filename="kartu-keluarga.pdf"\r\nContent-Type: application/pdf\r\n\r\n');
  const tail = Buffer.from('\r\n--SIGAPBATAS--\r\n');
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': 'multipart/form-data; boundary=SIGAPBATAS' } };
}

describe(`unattached uploads: bounded per address and in total, swept after a day (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());

  const upload = async (address: string, file: Buffer, headers: Record<string, string> = {}) => {
    const m = multipart(file);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload: m.payload, headers: { ...m.headers, ...headers }, remoteAddress: address });
    return { status: r.statusCode, body: r.json() as { id?: string; sha256?: string; error?: { code: string; message: string; messageEn: string } } };
  };

  it('refuses a 100 MB burst from one address after its 64 MB, however X-Forwarded-For is forged; others and staff still upload', async () => {
    assert.equal(DEFAULT_UPLOAD_LIMITS.perAddressMb, 64);
    const burst = await Promise.all(Array.from({ length: 11 }, (_, i) => upload('203.0.113.7', pdf(i), { 'x-forwarded-for': `10.0.${i}.1` })));
    const ok = burst.filter((r) => r.status === 201).length;
    assert.equal(ok, 6, `six 9.5 MB documents fit in 64 MB (${burst.map((r) => r.status).join(',')})`);
    const refused = burst.filter((r) => r.status === 413);
    assert.equal(refused.length, 5);
    for (const r of refused) {
      assert.equal(r.body.error?.code, 'upload-quota-address');
      assert.match(r.body.error!.message, /belum dilampirkan pada permohonan \(batas 64 MB per 24 jam\)/);
      assert.match(r.body.error!.messageEn, /not yet attached to an application \(limit 64 MB per 24 hours\)/);
    }
    const stored = await t.database.db.selectFrom('uploads').select(['uploader', 'size']).where('uploaded_at', '=', clock.toISOString()).execute();
    assert.equal(stored.length, 6, 'refused uploads leave no row');
    assert.equal(new Set(stored.map((s) => s.uploader)).size, 1, 'one sender, counted by the real address');
    assert.ok(!stored.some((s) => s.uploader?.includes('203.0.113.7')), 'the address itself is not stored');
    assert.equal((await upload('198.51.100.20', pdf(100))).status, 201, 'another address has its own share');
    const staff = await signIn(t.database, 'front-office@kota-jambi', 'sigap-demo', 'api', '203.0.113.7');
    assert.ok(staff.ok);
    assert.equal((await upload('203.0.113.7', pdf(101), { authorization: `Bearer ${staff.value.token}` })).status, 201, 'counter staff on the same network are not refused');
  });

  it('behind a configured proxy, counts each forwarded client on its own', async () => {
    const proxied = await buildApp({ ctx: t.ctx, rateLimit: false, trustProxy: ['127.0.0.1'] });
    try {
      const send = async (client: string, seed: number) => {
        const m = multipart(pdf(seed, 9 * MB));
        return (await proxied.inject({ method: 'POST', url: '/api/v1/uploads', payload: m.payload, headers: { ...m.headers, 'x-forwarded-for': client }, remoteAddress: '127.0.0.1' })).statusCode;
      };
      const first = [];
      for (let i = 0; i < 8; i++) first.push(await send('182.253.10.5', 500 + i));
      assert.deepEqual(first, [201, 201, 201, 201, 201, 201, 201, 413], 'seven 9 MB documents fit in 64 MB, the eighth does not');
      assert.equal(await send('182.253.10.6', 510), 201, 'the next client behind the same proxy has its own share');
    } finally {
      await proxied.close();
    }
  });

  it('refuses every anonymous sender once all unattached uploads together reach the global bound', async () => {
    // 6 × 9.5 + 9.5 + 7 × 9 + 9 = 138.5 MB anonymous so far; a bound of 150 MB leaves room for one more.
    t.ctx.uploadLimits = { ...DEFAULT_UPLOAD_LIMITS, totalMb: 150 };
    try {
      assert.equal((await upload('192.0.2.50', pdf(200))).status, 201);
      const full = await upload('192.0.2.51', pdf(201));
      assert.equal(full.status, 413);
      assert.equal(full.body.error?.code, 'upload-quota-total');
      assert.match(full.body.error!.messageEn, /upload service is full/);
    } finally {
      delete t.ctx.uploadLimits;
    }
  });

  it('on the intake form, a refused upload is said beside its file field, in the page’s language', async () => {
    t.ctx.uploadLimits = { ...DEFAULT_UPLOAD_LIMITS, perAddressMb: 1 };
    try {
      const svc = t.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service;
      const req = svc.requirements.find((r) => r.kind === 'document')!;
      const head = Buffer.from(`--SIGAPBATAS\r\nContent-Disposition: form-data; name="applicant.name"\r\n\r\nSiti Aminah\r\n--SIGAPBATAS\r\nContent-Disposition: form-data; name="file.${req.id}"; filename="kk.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      const payload = Buffer.concat([head, pdf(600, 2 * MB), Buffer.from('\r\n--SIGAPBATAS--\r\n')]);
      const r = await t.app.inject({ method: 'POST', url: '/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi/ajukan?lang=en', payload, headers: { 'content-type': 'multipart/form-data; boundary=SIGAPBATAS' }, remoteAddress: '114.125.60.7' });
      assert.equal(r.statusCode, 422);
      const id = `err-attachments-${req.id}`.replace(/[^a-z0-9]/gi, '-');
      assert.match(r.body, new RegExp(`id="${id}"[^>]*>[^<]*not yet attached to an application \\(limit 1 MB per 24 hours\\)`));
      assert.match(r.body, new RegExp(`id="f-file-${req.id}"[^>]*aria-invalid="true"`));
    } finally {
      delete t.ctx.uploadLimits;
    }
  });

  it('sweeps uploads no case refers to after 24 hours, with their files, keeping shared content and attached uploads; audited by count', async () => {
    const kase = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Nurhayati');
    const attached = await upload('198.51.100.30', pdf(300, 2 * MB));
    const twin = await upload('198.51.100.31', pdf(300, 2 * MB)); // the same content, never attached
    const orphan = await upload('198.51.100.32', pdf(301, 2 * MB));
    await t.database.write((trx) => insertAttachments(trx, [{ application_id: kase.id, requirement_id: 'kk', upload_id: attached.body.id!, shown_to: null, created_at: clock.toISOString() }]));
    const count = async () => Number((await t.database.db.selectFrom('uploads').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    clock = new Date(clock.getTime() + 23 * 3_600_000);
    assert.equal((await sweepUploads(t.ctx)).deleted, 0, 'nothing before 24 hours');

    clock = new Date(clock.getTime() + 2 * 3_600_000);
    const before = await count();
    const swept = await sweepUploads(t.ctx);
    assert.ok(swept.deleted >= 19, `every unattached upload of this test (${swept.deleted})`);
    assert.equal(await count(), before - swept.deleted);
    const ids = new Set((await t.database.db.selectFrom('uploads').select('id').execute()).map((r) => r.id));
    assert.ok(ids.has(attached.body.id!), 'the attached upload stays');
    assert.ok(!ids.has(twin.body.id!) && !ids.has(orphan.body.id!));
    assert.ok(await t.ctx.files.has('uploads', attached.body.sha256!), 'content an attached upload shares is kept');
    assert.ok(!(await t.ctx.files.has('uploads', orphan.body.sha256!)), 'the orphan file is deleted');
    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'uploads.unattached-deleted').execute();
    assert.equal(audit.length, 1);
    const detail = JSON.parse(audit[0]!.detail) as { deleted: number; bytes: number; files: number };
    assert.equal(detail.deleted, swept.deleted);
    assert.ok(detail.bytes >= 138 * MB && detail.files >= 18);
    assert.equal((await sweepUploads(t.ctx)).deleted, 0, 'a second sweep finds nothing');
    // The burst address has its share back.
    assert.equal((await upload('203.0.113.7', pdf(400))).status, 201);
  });
});
