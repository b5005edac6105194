// Which routes the attack run aims at: every operation of the OpenAPI document (staff routes found
// by asking without credentials), the staff pages by list, and how each route's parameters are
// filled with another office's record ids.
import { http } from './lib.mjs';

/** Staff pages (HTML) that show records; `:id` is filled with the kind the path names. */
export const STAFF_PAGES = [
  '/petugas',
  '/petugas/berkas/:id',
  '/petugas/berkas/:id/tanda-terima',
  '/petugas/cari?q=:name',
  '/petugas/cari?q=:nik',
  '/petugas/cari?q=:number',
  '/petugas/daftar-baru',
  '/petugas/pengaduan',
  '/petugas/pengaduan/:id',
  '/petugas/registri?application=:case',
  '/petugas/registri/berkas/:id',
  '/petugas/registri/data-pribadi',
  '/petugas/registri/impor',
  '/petugas/registri/impor/:id',
  '/petugas/registri/snapshot',
  '/petugas/registri/snapshot/:id/laporan',
  '/petugas/registri/usulan',
  '/petugas/registri/usulan/:id',
  '/petugas/supervisi',
  '/petugas/surat',
  '/petugas/surat/:id',
  '/petugas/surat/:id/pdf',
  '/petugas/surat/agenda.xlsx',
  '/petugas/survei',
  '/petugas/unggahan/:id',
  '/petugas/kalender',
  '/petugas/kalender/jam',
  '/petugas/akun',
  '/petugas/akun/baru',
  '/petugas/akun/u/:username',
  '/petugas/surat/delegasi',
];

/**
 * Staff page forms that change state, with a body skeleton (`:case` etc. filled like paths). The
 * role matrix posts each with the session's CSRF token.
 */
export const STAFF_PAGE_WRITES = [
  ['/petugas/berkas/:id/lengkap', {}],
  ['/petugas/daftar-baru?layanan=:service', 'counter'],
  ['/petugas/pengaduan/:id/catatan', { text: 'Sudah dihubungi lewat telepon, menunggu dokumen.' }],
  ['/petugas/pengaduan/:id/ringkasan', { summary: 'Bantuan sudah disalurkan.' }],
  ['/petugas/pengaduan/:id/tahap', { to: 'verified' }],
  ['/petugas/pengaduan/baru', { mode: 'anonymous', text: 'Antrean loket terlalu lama.' }],
  ['/petugas/registri', { application: ':case' }],
  ['/petugas/registri/data-pribadi', { nik: ':nik', reason: 'verifikasi' }],
  ['/petugas/registri/ekspor', {}],
  ['/petugas/registri/usulan', { nik: ':nik' }],
  ['/petugas/surat/:id/batal', { reason: 'salah ketik' }],
  ['/petugas/surat/:id/cabut', { reason: 'salah ketik' }],
  ['/petugas/surat/:id/nomori', {}],
  ['/petugas/survei/tindak-lanjut', { text: 'Perbaikan ruang tunggu.' }],
  ['/petugas/tugas/:id', { outcome: 'approve' }],
  ['/petugas/surat/tandatangani', { id: ':letter', password: 'sigap-demo' }],
  ['/petugas/surat/delegasi', { role: 'kepala-dinas', to: 'admin' }],
  ['/petugas/kalender/jam', { 'mon.open': '08:00', 'mon.close': '15:00' }],
  ['/petugas/kalender/tutup', { from: '2026-12-24', to: '2026-12-24', reason: 'Cuti bersama' }],
  ['/petugas/akun/baru', { username: 'pegawai.baru', name: 'Pegawai Baru', roles: 'front-office', password: 'Kopi-Tubruk-Sore-Hari-77' }],
  ['/petugas/akun/u/:username/peran', { roles: 'admin' }],
  ['/petugas/akun/u/:username/sandi', { password: 'Kopi-Tubruk-Sore-Hari-77' }],
  ...['buka-kunci', 'cabut-sesi', 'nonaktifkan', 'aktifkan'].map((to) => [`/petugas/akun/u/:username/${to}`, {}]),
];

/** The record kind a path's `{id}` / `:id` names. */
export function kindOfPath(path) {
  const rules = [
    [/\/tasks\/|\/tugas\//, 'task'],
    [/\/registry\/snapshots|\/snapshot\//, 'snapshot'],
    [/\/registry\/imports|\/impor\//, 'import'],
    [/\/proposals|\/usulan\//, 'proposal'],
    [/\/letter-delegations/, 'none'],
    [/\/letters\/|\/surat\//, 'letter'],
    [/\/complaints\/|\/pengaduan\//, 'complaint'],
    [/\/unggahan\//, 'upload'],
    [/\/applications\/|\/berkas\//, 'case'],
  ];
  return rules.find(([re]) => re.test(path))?.[1] ?? 'any';
}

/** Every operation of the OpenAPI document: `{ method, path, params, query, body }`. */
export async function operations(base) {
  const doc = (await http(base, 'GET', '/api/v1/docs/json')).json;
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {}, required: !!p.required }));
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']?.schema ?? null;
      ops.push({ method: method.toUpperCase(), path, params, query, body, multipart: !!content['multipart/form-data'] || /multipart/.test(JSON.stringify(op.consumes ?? '')) || /multipart/.test(op.summary ?? '') });
    }
  return ops;
}

/** Marks each operation `staff` when it refuses a caller without credentials (401). */
export async function classify(base, ops) {
  for (const op of ops) {
    const path = op.path.replace(/\{[^}]+\}/g, 'x');
    const r = await http(base, op.method, path, op.method === 'GET' ? {} : { body: {} });
    op.staff = r.status === 401;
  }
  return ops;
}

/** `{name}` / `:name` parameters filled from an office's ids; one URL per id of the named kind. */
export function fill(path, data) {
  const { ids, office, service, names } = data;
  const kind = kindOfPath(path);
  const idsOfKind = kind === 'any' ? Object.entries(ids).filter(([k]) => !['nik', 'number'].includes(k)).flatMap(([, v]) => v) : kind === 'none' ? [] : (ids[kind] ?? []);
  const values = {
    id: idsOfKind,
    nik: ids.nik,
    registrationNumber: ids.number,
    number: ids.number,
    receiptNumber: [],
    slug: [office],
    serviceSlug: [service],
    service: [service],
    case: ids.case,
    name: names,
    groupId: [],
    token: [],
    // An account that does not exist: an allowed role gets "not found", a refused one "forbidden".
    username: [`pegawai.uji@${office}`],
    letter: ids.letter ?? [],
  };
  let urls = [{ url: path, used: [] }];
  for (const m of path.matchAll(/\{(\w+)\}|:(\w+)/g)) {
    const name = m[1] ?? m[2];
    const vs = values[name] ?? [];
    urls = urls.flatMap((u) => vs.map((v) => ({ url: u.url.replace(m[0], encodeURIComponent(v)), used: [...u.used, v] })));
  }
  return urls;
}

/** Values for the query parameters a route needs to answer at all (a reason to read, a period). */
const NEEDED = { reason: 'Verifikasi permohonan bantuan sosial atas permintaan warga', from: '2026-01-01', to: '2026-12-31' };

/**
 * Query variants of a route: the parameters it needs, alone and with each query parameter that
 * can name another office's record.
 */
export function queryVariants(op, data) {
  const byName = {
    office: [data.office],
    slug: [data.office],
    nik: data.ids.nik,
    q: [...data.names, ...data.ids.nik, ...data.ids.number],
    search: data.names,
    name: data.names,
    application: data.ids.case,
    registrationNumber: data.ids.number,
    number: data.ids.number,
    snapshot: data.ids.snapshot,
    complaint: data.ids.complaint,
    service: [data.service],
  };
  const needed = op.query.filter((q) => NEEDED[q.name] !== undefined).map((q) => [q.name, NEEDED[q.name]]);
  const qs = (pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const out = [{ qs: qs(needed), used: [] }];
  for (const q of op.query)
    for (const v of byName[q.name] ?? []) {
      // A required companion (duplicates need a NIK and a service) rides along.
      const companions = op.query.filter((o) => o.required && o.name !== q.name && byName[o.name]?.length).map((o) => [o.name, byName[o.name][0]]);
      out.push({ qs: qs([...needed.filter(([k]) => k !== q.name), ...companions, [q.name, v]]), used: [v, ...companions.map(([, c]) => c)] });
    }
  return out;
}
