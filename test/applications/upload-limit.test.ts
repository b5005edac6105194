/**
 * Uploads refuse, never truncate (issue 12): a document one byte-run over the limit, sent over a
 * real socket so that the limit falls exactly on a chunk boundary, is refused with 413 and nothing
 * is stored — before, the first 10 MB were stored as if they were the whole file.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_UPLOAD_BYTES } from '../../src/usecases/applications/store-upload.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';

describe(`uploads refuse, never truncate (${TEST_DB})`, () => {
  let t: TestApp;
  let port = 0;
  before(async () => {
    t = await testApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(async () => t.close());

  /** Posts a PDF of `first` bytes, then after a pause `rest` more bytes, as one multipart file. */
  const post = (first: number, rest: number) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const head = Buffer.from('--SIGAPBATAS\r\nContent-Disposition: form-data; name="file"; filename="kartu-keluarga.pdf"\r\nContent-Type: application/pdf\r\n\r\n');
      const tail = Buffer.from('\r\n--SIGAPBATAS--\r\n');
      const part1 = Buffer.alloc(first, 0x41);
      part1.write('%PDF-1.4\n');
      const part2 = Buffer.alloc(rest, 0x41);
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/uploads', headers: { 'content-type': 'multipart/form-data; boundary=SIGAPBATAS', 'content-length': head.length + first + rest + tail.length } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.concat([head, part1]));
      void sleep(150).then(() => req.end(Buffer.concat([part2, tail])));
    });

  it('refuses a file whose first write ends exactly at the limit (413), storing nothing', async () => {
    const count = async () => Number((await t.database.db.selectFrom('uploads').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const r = await post(MAX_UPLOAD_BYTES, 4096);
    assert.equal(r.status, 413, r.body.slice(0, 300));
    const body = JSON.parse(r.body);
    assert.equal(body.error.code, 'file-too-large');
    assert.match(body.error.message, /terlalu besar/);
    assert.match(body.error.messageEn, /too large/);
    assert.equal(await count(), before, 'nothing stored');
    // A file just under the limit is still accepted whole.
    const ok = await post(MAX_UPLOAD_BYTES - 4096, 4096);
    assert.equal(ok.status, 201, ok.body.slice(0, 300));
    assert.equal(JSON.parse(ok.body).size, MAX_UPLOAD_BYTES);
  });
});
