// Fuzz of every OpenAPI operation: malformed bodies (every property, nested ones too, with wrong
// types, huge strings, CR/LF, deep nesting, long arrays), path parameters and queries. Staff
// operations are fuzzed signed in, so the malformed input reaches their handlers. No answer may be
// a 5xx, and the server must still answer afterwards.
import { freshAddress, http, pool } from './lib.mjs';
import { skeleton } from './isolation.mjs';

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
  const seconds = (Date.now() - t0) / 1000;
  const alive = await http(base, 'GET', '/api/v1/offices', { timeout: 5000 });
  const failures = [...fivexx.slice(0, 15).map((f) => `5xx: ${f}`), ...dropped.slice(0, 5).map((d) => `no answer: ${d}`), ...(alive.status === 200 ? [] : [`the server no longer answers (${alive.status})`])];
  return {
    pass: failures.length === 0,
    failures,
    figures: { operations: s.ops.length, requests: jobs.length, serverErrors5xx: fivexx.length, noAnswer: dropped.length, seconds: Math.round(seconds), perSecond: Math.round(jobs.length / seconds), answers: byStatus, aliveAfter: alive.status === 200, memory: run.server.memory() },
  };
}
