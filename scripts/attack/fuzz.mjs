// Fuzz of every OpenAPI operation: malformed bodies (every property, nested ones too, with wrong
// types, huge strings, CR/LF, deep nesting, long arrays), path parameters and queries. Staff
// operations are fuzzed signed in, so the malformed input reaches their handlers. No answer may be
// a 5xx, and the server must still answer afterwards.
import { freshAddress, http, pool } from './lib.mjs';
import { skeleton } from './isolation.mjs';
import { fill as fillPath, STAFF_PAGE_WRITES } from './routes.mjs';
import { formSession } from './seed.mjs';

const HUGE = 'x'.repeat(100_000);
const deep = (n) => (n === 0 ? 'dasar' : { a: deep(n - 1) });
/** Values of the wrong kind, or of the right kind but hostile. */
const BAD_VALUES = [null, 12345, -1, 1e308, true, [], {}, [1, 'dua', { tiga: 3 }], HUGE, 'Baris satu\r\nSet-Cookie: sigap_session=curian', '\u0000\u202e\ud800', '../../../etc/passwd', deep(60), Array.from({ length: 2000 }, (_, i) => ({ i })), '=HYPERLINK("http://contoh.invalid")'];
const BAD_PARAMS = ['%0D%0ASet-Cookie:%20x=1', 'x'.repeat(3000), '..%2F..%2Fetc%2Fpasswd', '%00', '-1', '1e309', '%F0%9F%98%80%E2%80%AE', '%25', 'NaN', '00000000-0000-0000-0000-000000000000', "'%20OR%201=1--"];
const BAD_QUERY = ['', 'x'.repeat(3000), '-1', '99999999999999999999', '%0D%0A', 'NaN', '1&__proto__[x]=1', '[]', '%00'];

/** Every property path of a schema, nested objects and array items included (at most 4 deep). */
function propertyPaths(schema, prefix = [], depth = 0) {
  if (!schema || depth > 4) return [];
  const out = [];
  if (schema.type === 'object' || schema.properties) {
    for (const [k, s] of Object.entries(schema.properties ?? {})) {
      out.push([...prefix, k]);
      out.push(...propertyPaths(s, [...prefix, k], depth + 1));
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out.push([...prefix, 'kunci-acak']);
  }
  if (schema.type === 'array' && schema.items) out.push(...propertyPaths(schema.items, [...prefix, 0], depth + 1));
  return out;
}

function setAt(obj, path, value) {
  const copy = structuredClone(obj ?? {});
  let cur = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[k];
  }
  cur[path[path.length - 1]] = value;
  return copy;
}

/** The malformed requests for one operation: `{ url, body }`. */
function cases(op, fill) {
  const url = op.path.replace(/\{(\w+)\}/g, (_, n) => encodeURIComponent(fill[n] ?? 'x'));
  const out = [];
  // Path parameters, one at a time.
  for (const p of op.params) for (const v of BAD_PARAMS) out.push({ url: op.path.replace(/\{(\w+)\}/g, (_, n) => (n === p ? v : encodeURIComponent(fill[n] ?? 'x'))) });
  // Query parameters, one at a time, and repeated.
  for (const q of op.query) {
    for (const v of BAD_QUERY) out.push({ url: `${url}?${q.name}=${v}` });
    out.push({ url: `${url}?${q.name}=1&${q.name}=2` });
  }
  if (op.body) {
    const valid = skeleton(op.body, fill) ?? {};
    for (const whole of [null, [], 'teks', 0, HUGE, deep(200)]) out.push({ url, body: whole === null ? 'null' : JSON.stringify(whole), raw: true });
    out.push({ url, body: '{"office": "kota-jambi", ', raw: true });
    for (const path of propertyPaths(op.body)) for (const v of BAD_VALUES) out.push({ url, body: setAt(valid, path, v) });
    out.push({ url, body: JSON.stringify({ ...valid }).replace(/^\{/, '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}},'), raw: true });
  } else if (op.multipart) {
    out.push({ url, body: { multipart: [] } });
    out.push({ url, body: { multipart: [{ name: 'file', filename: 'a\r\nb.png', type: 'image/png', data: Buffer.alloc(10) }] } });
    out.push({ url, body: { multipart: [{ name: 'period', value: HUGE }, { name: 'file', filename: 'x.xlsx', data: Buffer.from('bukan zip') }] } });
    out.push({ url, body: 'tanpa batas', headers: { 'content-type': 'multipart/form-data; boundary=' }, raw: true });
  } else if (op.method !== 'GET') out.push({ url, body: JSON.stringify({ tak: 'diminta' }), raw: true });
  if (!op.params.length && !op.query.length && !op.body && !op.multipart) out.push({ url: `${url}?tak=diminta&x=${HUGE.slice(0, 2000)}` });
  return out;
}

/** Public pages, as a visitor reaches them. */
const PUBLIC_PAGES = ['/', '/kantor/:slug', '/kantor/:slug/ikm', '/kantor/:slug/layanan/:service', '/kantor/:slug/layanan/:service/ajukan', '/kantor/:slug/pengaduan', '/kantor/:slug/pengaduan/publik', '/kantor/:slug/survei', '/lacak', '/lacak/:number', '/lacak/:number/tanda-terima', '/masuk', '/pengaduan', '/survei/:number/:token', '/v/:token'];
const QUERY_KEYS = ['lang', 'next', 'nomor', 'code', 'sent', 'periode', 'layanan', 'ok', 'error', 'q', 'status'];
/** Public forms and the fields they post (and a field nobody expects). */
const PUBLIC_FORMS = [
  ['/kantor/:slug/layanan/:service/ajukan', ['applicant.nik', 'applicant.name', 'applicant.birthDate', 'answers.keperluan', 'shown.fotokopi-kk', '_idem']],
  ['/kantor/:slug/pengaduan', ['mode', 'type', 'text', 'complainant.name', 'complainant.phone', 'service']],
  ['/kantor/:slug/survei', ['service', 'u1', 'u9', 'nonce', 'sex', 'age']],
  ['/lacak/:number/batal', ['code', 'reason']],
  ['/lacak/:number/kirim-ulang', ['code']],
  ['/pengaduan/:receipt/informasi', ['code', 'text']],
  ['/pengaduan/:receipt/tanggapan', ['code', 'rating', 'text']],
  ['/masuk', ['username', 'password', '_csrf', 'next']],
  ['/survei/:number/:token', ['u1', 'service']],
  ['/keluar', ['_csrf']],
];
/** Payloads a page must escape or refuse: markup, header injection, redirects elsewhere. */
const XSS = '"><svg onload=alert(7)><script>alert(7)</script>';
const BAD_FORM = ['', 'x'.repeat(100_000), 'Baris\r\nLocation: //contoh.invalid', '\u0000', '\ud800', '../../etc/passwd', '-1', '1e309', XSS, '//contoh.invalid/masuk', 'https://contoh.invalid/', 'javascript:alert(7)'];

/**
 * The HTML side: every public page with hostile query values and parameters, every public form
 * and every staff form (signed in, with its CSRF token) with hostile field values. Besides 5xx, a
 * page that echoes markup unescaped or redirects to another site fails.
 */
function pageCases(fillers, data) {
  const out = [];
  // A lone surrogate has no UTF-8 form: sent as the raw bytes a broken client would send.
  const enc = (v) => {
    try {
      return encodeURIComponent(v);
    } catch {
      return '%ED%A0%80';
    }
  };
  const urlOf = (p) => fillPath(p, data)[0]?.url ?? p.replace(/:(\w+)/g, (_, n) => encodeURIComponent(fillers[n] ?? 'x'));
  for (const p of PUBLIC_PAGES) {
    const url = urlOf(p);
    for (const k of QUERY_KEYS) for (const v of BAD_FORM) out.push({ method: 'GET', url: `${url}?${k}=${enc(v)}` });
    for (const m of p.matchAll(/:(\w+)/g)) for (const v of BAD_PARAMS) out.push({ method: 'GET', url: p.replace(/:(\w+)/g, (x, n) => (n === m[1] ? v : encodeURIComponent(fillers[n] ?? 'x'))) });
  }
  for (const [p, fields] of PUBLIC_FORMS) {
    const url = urlOf(p);
    for (const f of [...fields, 'tak.diminta']) for (const v of BAD_FORM) out.push({ method: 'POST', url, form: [[f, v]] });
    out.push({ method: 'POST', url, form: fields.flatMap((f) => [[f, 'satu'], [f, 'dua']]) });
    out.push({ method: 'POST', url, raw: 'a=%E0%A4%A&b&&=&%', type: 'application/x-www-form-urlencoded' });
  }
  for (const [p, body] of STAFF_PAGE_WRITES) {
    if (body === 'counter') continue;
    const url = urlOf(p.replace(/\?.*/, ''));
    for (const f of Object.keys(body).concat('tak.diminta')) for (const v of BAD_FORM) out.push({ method: 'POST', url, form: [[f, v]], staff: true });
  }
  return out;
}

export async function fuzz(run, s) {
  const base = run.server.base;
  const office = s.offices[0];
  const data = s.data[office];
  const fill = {
    slug: office,
    serviceSlug: s.services[office].slug,
    service: s.services[office].slug,
    id: data?.ids.case[0] ?? '00000000-0000-0000-0000-000000000000',
    registrationNumber: data?.ids.number[0] ?? 'KKR-2026-000001',
    receiptNumber: 'JMB-ADU-2026-000001',
    nik: data?.ids.nik[0] ?? '1571014107850001',
    token: 'x',
    groupId: 'x',
    office,
  };
  const token = s.auth[office].token;
  // Signed in before the API fuzz: its wrong signing passwords lock the head's sign-in (as they should).
  const session = s.auth[office].session ?? (await formSession(base, `kepala-dinas@${office}`));
  const jobs = [];
  for (const op of s.ops) for (const c of cases(op, fill)) jobs.push({ op, ...c });
  const t0 = Date.now();
  const fivexx = [];
  const dropped = [];
  const byStatus = {};
  await pool(jobs, 8, async (j) => {
    // Signing out would end the fuzzing session: the logout route is fuzzed without a token.
    const auth = j.op.staff && !/\/auth\/logout$/.test(j.op.path) ? { token } : {};
    const body = j.body === undefined ? undefined : j.raw ? Buffer.from(j.body) : j.body;
    const headers = j.raw && j.body !== undefined ? { 'content-type': 'application/json', ...(j.headers ?? {}) } : (j.headers ?? {});
    const r = await http(base, j.op.method, j.url, { ...auth, body, headers, from: freshAddress(), timeout: 30_000 });
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.status >= 500) fivexx.push(`${j.op.method} ${j.url.slice(0, 120)} → ${r.status} ${r.text.slice(0, 160)} (body ${JSON.stringify(j.body)?.slice(0, 120)})`);
    if (r.status === 0) dropped.push(`${j.op.method} ${j.url.slice(0, 120)}: ${r.error}`);
  });
  const apiSeconds = (Date.now() - t0) / 1000;
  // The pages: public ones as a visitor, staff forms as the office's head (a form session).
  const p0 = Date.now();
  const pages = pageCases(fill, data ?? { ids: { case: [], letter: [], nik: [fill.nik], number: [fill.registrationNumber] }, office, service: fill.service, names: [] });
  const unescaped = [];
  const redirects = [];
  await pool(pages, 8, async (c) => {
    const from = c.staff ? session.from : freshAddress();
    let body;
    let headers = {};
    if (c.form) {
      const params = new URLSearchParams(c.form);
      if (c.staff) params.append('_csrf', session.csrf);
      body = params.toString();
      headers = { 'content-type': 'application/x-www-form-urlencoded' };
    } else if (c.raw) {
      body = c.raw;
      headers = { 'content-type': c.type };
    }
    const r = await http(base, c.method, c.url, { body, headers, from, cookie: c.staff ? session.cookie : undefined, timeout: 30_000 });
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const what = `${c.method} ${c.url.slice(0, 120)}${c.form ? ` ${JSON.stringify(c.form).slice(0, 100)}` : ''}`;
    if (r.status >= 500) fivexx.push(`${what} → ${r.status}`);
    if (r.status === 0) dropped.push(`${what}: ${r.error}`);
    if (String(r.headers['content-type'] ?? '').includes('html') && /<svg onload=alert\(7\)>|<script>alert\(7\)<\/script>/.test(r.text)) unescaped.push(what);
    const to = String(r.headers.location ?? '');
    if (r.status >= 300 && r.status < 400 && /^(\/\/|[a-z]+:)/i.test(to) && !to.startsWith(base)) redirects.push(`${what} → ${to}`);
  });
  const pageSeconds = (Date.now() - p0) / 1000;
  const seconds = apiSeconds + pageSeconds;
  const alive = await http(base, 'GET', '/api/v1/offices', { timeout: 5000 });
  const failures = [
    ...fivexx.slice(0, 15).map((f) => `5xx: ${f}`),
    ...dropped.slice(0, 5).map((d) => `no answer: ${d}`),
    ...unescaped.slice(0, 5).map((u) => `markup echoed unescaped: ${u}`),
    ...redirects.slice(0, 5).map((u) => `redirect to another site: ${u}`),
    ...(alive.status === 200 ? [] : [`the server no longer answers (${alive.status})`]),
  ];
  return {
    pass: failures.length === 0,
    failures,
    figures: { operations: s.ops.length, apiRequests: jobs.length, pageRequests: pages.length, serverErrors5xx: fivexx.length, noAnswer: dropped.length, unescapedMarkup: unescaped.length, offSiteRedirects: redirects.length, seconds: Math.round(seconds), perSecond: Math.round((jobs.length + pages.length) / seconds), answers: byStatus, aliveAfter: alive.status === 200, memory: run.server.memory() },
  };
}
