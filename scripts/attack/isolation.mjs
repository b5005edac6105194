// Isolation matrix and role matrix: an officer of one office asks for another office's records on
// every staff route; every role of one office tries every staff route.
import { http, pool } from './lib.mjs';
import { expectedAllowed } from './expected.mjs';
import { fill, queryVariants, STAFF_PAGES, STAFF_PAGE_WRITES } from './routes.mjs';

const BINARY = /application\/(pdf|vnd\.openxmlformats|octet-stream)|image\//;

/** The URLs of every staff GET route (API and pages) aimed at one office's records. */
export function targetsFor(ops, data) {
  const out = [];
  for (const op of ops.filter((o) => o.staff && o.method === 'GET')) {
    const urls = fill(op.path, data);
    for (const u of urls) for (const q of queryVariants(op, data)) out.push({ route: `GET ${op.path}`, url: q.qs ? `${u.url}?${q.qs}` : u.url, used: [...u.used, ...q.used], page: false, named: u.used.length > 0 });
  }
  for (const page of STAFF_PAGES) {
    const [path, query] = page.split('?');
    const urls = fill(path, data);
    for (const u of urls) {
      const qs = query ? fill(`/?${query}`, data).map((x) => ({ qs: x.url.slice(2), used: x.used })) : [{ qs: '', used: [] }];
      for (const q of qs) out.push({ route: `GET ${page}`, url: q.qs ? `${u.url}?${q.qs}` : u.url, used: [...u.used, ...q.used], page: true, named: u.used.length > 0 });
    }
  }
  return out;
}

const REASON = 'Verifikasi permohonan bantuan sosial atas permintaan warga';
/** Staff forms that read: the registry look-up and the personal-data export, posted with B's NIKs and case ids. */
export function readFormsFor(data) {
  return [
    ...data.ids.nik.flatMap((nik) => [
      { route: 'POST /petugas/registri/data-pribadi', url: '/petugas/registri/data-pribadi', form: { nik, reason: REASON }, used: [nik] },
      { route: 'POST /petugas/registri', url: '/petugas/registri', form: { nik, reason: REASON }, used: [nik] },
    ]),
    ...data.ids.case.map((id) => ({ route: 'POST /petugas/registri (case)', url: '/petugas/registri', form: { application: id, reason: REASON }, used: [id] })),
  ].map((t) => ({ ...t, page: true, named: true }));
}

/**
 * A leak: a 2xx answer that carries one of the other office's markers (after removing the values
 * the request itself sent, which an answer may echo), or a binary file served for its record.
 */
export function leakOf(res, target, markers) {
  if (res.status < 200 || res.status >= 300) return null;
  if (BINARY.test(String(res.headers['content-type'] ?? ''))) return target.named ? 'binary file of the record' : null;
  let body = res.text;
  for (const v of target.used) body = body.split(String(v)).join('').split(encodeURIComponent(String(v))).join('');
  const found = markers.filter((m) => m && !target.used.includes(m) && body.includes(m));
  return found.length ? `carries ${found.slice(0, 3).join(', ')}` : null;
}

/** Every office pair: A's head of office (API bearer, page session) against B's records; B's own head as the control. */
export async function isolationMatrix(base, ops, offices, seeded, auth) {
  const t0 = Date.now();
  let requests = 0;
  let controlHits = 0;
  const controlRoutes = new Set();
  const leaks = [];
  const errors5xx = [];
  for (const b of offices) {
    const data = seeded[b];
    const targets = targetsFor(ops, data);
    const forms = readFormsFor(data);
    const ask = (t, who) => {
      if (t.form) return http(base, 'POST', t.url, { cookie: who.session.cookie, from: who.session.from, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...t.form, _csrf: who.session.csrf }).toString() });
      return http(base, 'GET', t.url, t.page ? { cookie: who.session.cookie, from: who.session.from } : { token: who.token });
    };
    // The control: B's own head sees B's records on these routes, so a refusal to A means something.
    await pool([...targets, ...forms], 6, async (t) => {
      const r = await ask(t, auth[b]);
      if (leakOf(r, t, data.markers)) {
        controlHits++;
        controlRoutes.add(t.route);
      }
    });
    // Routes that name no record of B go first: once A has looked B's NIKs up, A's own access
    // log rightly lists them (what A sent is not B's data).
    const waves = [targets.filter((t) => t.used.length === 0), [...targets.filter((t) => t.used.length > 0), ...forms]];
    for (const a of offices.filter((o) => o !== b))
      for (const wave of waves)
        await pool(wave, 6, async (t) => {
          const r = await ask(t, auth[a]);
          requests++;
          if (r.status >= 500 || r.status === 0) errors5xx.push(`${a} → ${t.url}: ${r.status}`);
          const leak = leakOf(r, t, data.markers);
          if (leak) leaks.push({ from: a, of: b, request: `GET ${t.url}`, status: r.status, leak });
        });
  }
  return { seconds: (Date.now() - t0) / 1000, requests, leaks, controlHits, controlRoutes: [...controlRoutes].sort(), errors5xx, routes: new Set(offices.flatMap((b) => [...targetsFor(ops, seeded[b]), ...readFormsFor(seeded[b])].map((t) => t.route))).size };
}

/** A JSON body skeleton from an OpenAPI schema: required fields with plausible values. */
export function skeleton(schema, fillers, depth = 0) {
  if (!schema || depth > 4) return undefined;
  if (schema.anyOf) return skeleton(schema.anyOf[0], fillers, depth + 1);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) if ((schema.required ?? []).includes(k) || depth === 0) out[k] = fillers[k] ?? skeleton(s, fillers, depth + 1);
      return out;
    }
    case 'array':
      return (schema.minItems ?? 0) > 0 || depth === 0 ? [fillers.item ?? skeleton(schema.items, fillers, depth + 1)] : [];
    case 'string':
      return schema.format === 'date' ? new Date().toISOString().slice(0, 10) : 'Uji peran';
    case 'integer':
    case 'number':
      return schema.minimum && schema.minimum > 0 ? schema.minimum : 1;
    case 'boolean':
      return true;
    default:
      return 'Uji peran';
  }
}

/**
 * Classifies an answer for the role table: `ok` (it acted or showed), `refused` (401/403/423, or
 * sent to sign in), `invalid` (let through to the use case, which found the input wrong or the
 * record missing: 4xx, a bulk answer whose every item was refused, or a form sent back to itself).
 */
function outcome(r, page, url) {
  if (r.status === 0) return 'error';
  if (r.status >= 500) return '5xx';
  if (r.status === 401 || r.status === 403 || r.status === 423) return 'refused';
  if (page && r.status >= 300 && r.status < 400) {
    const to = String(r.headers.location ?? '');
    if (to.startsWith('/masuk')) return 'refused';
    if (/[?&](error|galat)=/.test(to) || to.split('?')[0] === url.split('?')[0]) return 'invalid';
    return 'ok';
  }
  if (r.status >= 200 && r.status < 300) {
    const items = r.json?.results;
    if (Array.isArray(items) && items.length && items.every((i) => i.ok === false)) return 'invalid';
    return 'ok';
  }
  return 'invalid';
}

/** The counter's intake form (multipart, as the page posts it) for one applicant. */
function counterForm(data, serial, csrf) {
  const s = data.serviceIntake;
  const nik = `${data.ids.nik[0].slice(0, 12)}${String(serial).padStart(4, '0')}`;
  const fields = {
    _csrf: csrf,
    _idem: `peran-${serial}`,
    'applicant.nik': nik,
    'applicant.name': `Pemohon Loket ${serial}`,
    'applicant.residentOfRegion': String(s.resident),
    'applicant.sex': s.sex,
    ...Object.fromEntries(Object.entries(s.answers).map(([k, v]) => [`answers.${k}`, String(v)])),
    ...Object.fromEntries(s.documents.map((d) => [`shown.${d}`, 'true'])),
  };
  return { multipart: Object.entries(fields).map(([name, value]) => ({ name, value })) };
}

/**
 * Every role of one office (and a caller without credentials, and a revoked token) against every
 * staff route of the API and the pages, reads and writes with body skeletons and valid CSRF.
 */
export async function roleMatrix(base, ops, office, data, accounts) {
  const rows = [];
  const violations = [];
  const fillers = { office, service: data.service, ids: data.ids.letter.slice(0, 1), application: data.ids.case[0], nik: data.ids.nik[0], password: 'sigap-demo', reason: 'verifikasi', text: 'Uji peran' };
  const routes = [];
  for (const op of ops.filter((o) => o.staff && !o.multipart && !/\/auth\/logout$/.test(o.path))) {
    const path = fill(op.path, data)[0]?.url;
    if (!path) continue;
    // With the query values the route needs to answer at all (a reason to read, a period).
    const needed = queryVariants(op, data)[0].qs;
    const url = needed ? `${path}?${needed}` : path;
    routes.push({ route: `${op.method} ${op.path}`, method: op.method, url, body: op.method === 'GET' ? undefined : (skeleton(op.body, fillers) ?? {}), page: false });
  }
  for (const page of STAFF_PAGES) {
    const url = fill(page.replace(/\?.*/, ''), data)[0]?.url;
    if (url) routes.push({ route: `GET ${page.replace(/\?.*/, '')}`, method: 'GET', url, page: true });
  }
  for (const [path, body] of STAFF_PAGE_WRITES) {
    const url = fill(path, data)[0]?.url;
    if (!url) continue;
    const value = (v) => ({ ':case': data.ids.case[0], ':nik': data.ids.nik[0], ':service': data.service, ':letter': data.ids.letter[0] })[v] ?? v;
    const filled = body === 'counter' ? body : Object.fromEntries(Object.entries(body).map(([k, v]) => [k, value(v)]));
    routes.push({ route: `POST ${path.replace(/\?.*/, '')}`, method: 'POST', url, form: filled, page: true });
  }
  let serial = 7000;
  for (const account of accounts) {
    const results = await pool(routes, 4, async (rt) => {
      let r;
      if (rt.page) {
        const opts = { cookie: account.session?.cookie, from: account.session?.from };
        const csrf = account.session?.csrf ?? '';
        if (rt.method === 'GET') r = await http(base, 'GET', rt.url, opts);
        else if (rt.form === 'counter') r = await http(base, 'POST', rt.url, { ...opts, body: counterForm(data, serial++, csrf) });
        else r = await http(base, 'POST', rt.url, { ...opts, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...rt.form, _csrf: csrf }).toString() });
      } else r = await http(base, rt.method, rt.url, { token: account.token, body: rt.body });
      return outcome(r, rt.page, rt.url);
    });
    routes.forEach((rt, i) => {
      const got = results[i];
      rows.push({ route: rt.route, role: account.role, got });
      const expected = expectedAllowed(rt.route, account.role);
      const wrong = got === '5xx' || (expected === false && got === 'ok') || (expected === true && got === 'refused');
      if (wrong) violations.push({ route: rt.route, url: rt.url, role: account.role, got, expected: expected === false ? 'refused' : expected === true ? 'let through' : 'no 5xx' });
    });
  }
  return { routes: routes.length, roles: accounts.length, requests: routes.length * accounts.length, rows, violations };
}
