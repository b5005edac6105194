/**
 * The import page's multipart upload, signed in with a session cookie: a post without the form's
 * token is refused before the extract is stored (multipart bodies pass the CSRF hook unread, so the
 * upload receiver checks it), and the same post with the token starts the import.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postSignInForm, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { extract, writeCsv } from './support.js';

/** A multipart body of plain fields and files, in the order given (a browser sends them in form order). */
function multipart(parts: ({ name: string; value: string } | { name: string; filename: string; content: Buffer })[]) {
  const boundary = '----sigapupload' + Math.random().toString(16).slice(2);
  const chunks = parts.flatMap((p) =>
    'value' in p
      ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`)]
      : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: text/csv\r\n\r\n`), p.content, Buffer.from('\r\n')],
  );
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe(`registry import upload from the back office (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  let extractCsv: Buffer;
  before(async () => {
    t = await testApp();
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-upload-'));
    const file = join(dir, 'jambi.csv');
    writeCsv(file, extract('kota-jambi', 50));
    extractCsv = readFileSync(file);
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A browser session: its cookie, and the import page as it sees it (its status, its form token). */
  const signIn = async (username: string) => {
    const r = await postSignInForm(t.app, username);
    assert.equal(r.statusCode, 303, r.body);
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    const form = await t.app.inject({ method: 'GET', url: '/petugas/registri/impor', headers: { cookie } });
    return { cookie, formStatus: form.statusCode, csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)![1]! };
  };
  const uploads = () => {
    const d = join(t.location.dataDir, 'registry', 'uploads');
    return existsSync(d) ? readdirSync(d) : [];
  };

  it('refuses a post without the form token before storing the extract, on the page and in the API', async () => {
    const { cookie, formStatus } = await signIn('operator@kota-jambi');
    assert.equal(formStatus, 200);
    const body = multipart([{ name: 'period', value: '2026-01' }, { name: 'file', filename: 'dtks.csv', content: extractCsv }]);
    const page = await t.app.inject({ method: 'POST', url: '/petugas/registri/impor', payload: body.payload, headers: { ...body.headers, cookie } });
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Token formulir tidak sah/);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/registry/imports', payload: body.payload, headers: { ...body.headers, cookie } });
    assert.equal(api.statusCode, 403);
    assert.equal(JSON.parse(api.body).error.code, 'csrf');
    assert.deepEqual(uploads(), [], 'nothing of a forged upload is stored');
    const list = await t.app.inject({ method: 'GET', url: '/petugas/registri/snapshot', headers: { cookie } });
    assert.doesNotMatch(list.body, /dtks\.csv/, 'and no import started');
  });

  it('starts the import with the form token, and sends a refused request back to the form with its reason', async () => {
    const { cookie, csrf } = await signIn('operator@kota-jambi');
    const bad = multipart([{ name: '_csrf', value: csrf }, { name: 'period', value: '2026-13' }, { name: 'file', filename: 'dtks.csv', content: extractCsv }]);
    const refused = await t.app.inject({ method: 'POST', url: '/petugas/registri/impor', payload: bad.payload, headers: { ...bad.headers, cookie } });
    assert.equal(refused.statusCode, 303);
    assert.equal(refused.headers.location, `/petugas/registri/impor?error=${encodeURIComponent('Periode harus YYYY-MM')}`);
    assert.deepEqual(uploads(), [], 'a refused upload is deleted');
    const good = multipart([{ name: '_csrf', value: csrf }, { name: 'period', value: '2026-01' }, { name: 'threshold', value: '1%' }, { name: 'file', filename: 'dtks.csv', content: extractCsv }]);
    const started = await t.app.inject({ method: 'POST', url: '/petugas/registri/impor', payload: good.payload, headers: { ...good.headers, cookie } });
    assert.equal(started.statusCode, 303, started.body);
    const progress = String(started.headers.location);
    assert.match(progress, /^\/petugas\/registri\/impor\/[0-9a-f-]{36}$/);
    let page = '';
    for (let i = 0; i < 200; i++) {
      page = (await t.app.inject({ method: 'GET', url: progress, headers: { cookie } })).body;
      if (page.includes('Hasil impor')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(page, /Snapshot diterbitkan dan berlaku\./);
    // Deleted once the import has ended (just after its result is known).
    for (let i = 0; i < 100 && uploads().length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(uploads(), [], 'the upload is deleted once imported');
  });

  it('refuses the upload to a role that may not import, before reading it', async () => {
    const { cookie, csrf, formStatus } = await signIn('front-office@kota-jambi');
    assert.equal(formStatus, 403, 'the counter cannot open the import form');
    const body = multipart([{ name: '_csrf', value: csrf }, { name: 'file', filename: 'dtks.csv', content: extractCsv }]);
    const r = await t.app.inject({ method: 'POST', url: '/petugas/registri/impor', payload: body.payload, headers: { ...body.headers, cookie } });
    assert.equal(r.statusCode, 403);
    assert.match(r.body, /Tidak berwenang/);
    assert.deepEqual(uploads(), []);
  });
});
