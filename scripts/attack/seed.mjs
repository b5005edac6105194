// What the attack run needs in each office before it attacks: signed-in demo officers, and records
// made the way the public and the counter make them (applications with a KK photo, a named
// complaint, a counter case, a registry extract holding the applicants, a letter), each with
// markers (NIK, name, numbers) whose presence in another office's answer is a leak.
import { randomBytes } from 'node:crypto';
import { http, freshAddress, sleep } from './lib.mjs';

export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const DEMO_PASSWORD = 'sigap-demo';

/** Province code of each seed office (the first two digits of its residents' NIKs). */
const PROVINCE = { 'kabupaten-kutai-kartanegara': '64', 'kota-banjarmasin': '63', 'kota-jambi': '15', 'kota-pekanbaru': '14', 'kota-semarang': '33' };
/** Realistic names; the office's own word is added so that each office's markers are its alone. */
const GIVEN = ['Siti Aminah', 'Rahmat Hidayat', 'Nur Aisyah', 'Muhammad Rizki', 'Sri Wahyuni', 'Budi Santoso', 'Dewi Kartika', 'Agus Salim'];

/** Signs in through the API from a fresh address (sign-in is limited per address); the bearer token. */
export async function signIn(base, username, password = DEMO_PASSWORD) {
  const r = await http(base, 'POST', '/api/v1/auth/login', { body: { username, password }, from: freshAddress() });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${r.text.slice(0, 200)}`);
  return r.json.token;
}

const cookiesOf = (res) => [res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);

/** Signs in through the sign-in form as a browser does; the session cookie and its CSRF token. */
export async function formSession(base, username, password = DEMO_PASSWORD) {
  const from = freshAddress();
  const form = await http(base, 'GET', '/masuk', { from });
  const loginCookie = cookiesOf(form).join('; ');
  const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const body = new URLSearchParams({ username, password, _csrf: loginCsrf }).toString();
  const r = await http(base, 'POST', '/masuk', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookie: loginCookie, from });
  const cookie = cookiesOf(r).find((c) => c.startsWith('sigap_session='));
  if (!cookie) throw new Error(`form sign-in ${username}: ${r.status}`);
  const home = await http(base, 'GET', '/petugas', { cookie, from });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1];
  if (!csrf) throw new Error(`no CSRF token on /petugas for ${username}`);
  return { cookie, csrf, from };
}

/** Uploads a KK photo of unique bytes from a fresh address; `{ id, sha256, bytes }`. */
export async function uploadPhoto(base, name) {
  const bytes = Buffer.concat([PNG_1X1, randomBytes(1024)]);
  const r = await http(base, 'POST', '/api/v1/uploads', { body: { multipart: [{ name: 'file', filename: name, type: 'image/png', data: bytes }] }, from: freshAddress() });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${r.text.slice(0, 200)}`);
  return { ...r.json, bytes };
}

/**
 * For each office, one service the public can apply for with answers that pass its eligibility
 * (the product's own `plausibleIntake`), found by trying: `{ slug, answers, birth, sex, resident, documents }`.
 */
export async function applicableServices(run, base, offices) {
  const { plausibleIntake } = await import(run.module('usecases/applications/simulate-case.js'));
  const today = new Date().toISOString().slice(0, 10);
  const found = {};
  let lastError = '';
  for (const office of offices) {
    const list = (await http(base, 'GET', `/api/v1/offices/${office}/services`)).json;
    const services = (Array.isArray(list) ? list : list.services ?? []).filter((s) => s.detailed && s.openForApplications !== false);
    for (const s of services) {
      const svc = (await http(base, 'GET', `/api/v1/offices/${office}/services/${s.slug}`)).json;
      if (!svc.initiators?.includes('citizen')) continue;
      const intake = plausibleIntake(svc, today);
      const documents = svc.requirements.filter((r) => r.kind === 'document').map((r) => r.id);
      const candidate = { office, slug: s.slug, ...intake, documents, product: svc.product?.kind ?? null };
      const probe = await apply(base, candidate, 9001 + Object.keys(found).length, { name: 'Uji Coba Layanan', probeOnly: true });
      if (probe.ok) {
        found[office] = candidate;
        break;
      }
      lastError = `${s.slug}: ${probe.error}`;
    }
    if (!found[office]) throw new Error(`no service of ${office} accepted a plausible application (last: ${lastError})`);
  }
  return found;
}

/** A valid NIK for the office's province, born on the intake's date, unique by serial. */
export function nikFor(service, serial) {
  const { y, m, d } = service.birth;
  const dd = String(d + (service.sex === 'P' ? 40 : 0)).padStart(2, '0');
  return `${PROVINCE[service.office] ?? '15'}0101${dd}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

/**
 * Applies for `service` as the public does (a photo per document requirement, then the
 * application), or at the counter with a staff `token`. Resolves `{ ok, status, value, nik, name, upload }`.
 */
export async function apply(base, service, serial, { name, token, probeOnly = false, key } = {}) {
  const upload = service.documents.length ? await uploadPhoto(base, `kk-${serial}.png`) : null;
  const nik = nikFor(service, serial);
  const body = {
    office: service.office,
    service: service.slug,
    applicant: { nik, name, phone: `0813${String(70000000 + serial).padStart(8, '0')}`, address: `Jl. Kenanga No. ${serial}, RT 05/RW 02`, sex: service.sex, birthDate: `${service.birth.y}-07-01`, residentOfRegion: service.resident },
    answers: service.answers,
    attachments: service.documents.map((requirement) => (token ? { requirement, shown: true } : { requirement, upload: upload.id })),
  };
  const r = await http(base, 'POST', '/api/v1/applications', { body, token, from: freshAddress(), headers: key ? { 'idempotency-key': key } : {} });
  if (probeOnly) return { ok: r.status === 201, error: r.text.slice(0, 300) };
  return { ok: r.status === 201, status: r.status, value: r.json, nik, name, upload, error: r.status === 201 ? null : r.text.slice(0, 300) };
}

/** The demo accounts' roles of each office, as the office's own standards name them. */
export async function rolesOf(run, offices) {
  const { loadStandardsDir } = await import(run.module('io/standards-dir.js'));
  const loaded = loadStandardsDir(run.standardsDir);
  return Object.fromEntries(loaded.offices.filter((o) => offices.includes(o.office.slug)).map((o) => [o.office.slug, o.office.roles.map((r) => r.id)]));
}

/** A registry extract (CSV) of sample families living in the office's region; their NIKs are the office's markers. */
async function registryExtract(run, office) {
  const { csvLine, SAMPLE_HEADER, sampleRows } = await import(run.module('domain/registry/sample.js'));
  const lines = [csvLine(SAMPLE_HEADER)];
  const niks = [];
  for (const r of sampleRows(8, { office, seed: [...office].reduce((a, c) => a + c.charCodeAt(0), 0) })) {
    lines.push(csvLine(r));
    niks.push(r[SAMPLE_HEADER.indexOf('nomor_nik')]);
  }
  return { file: Buffer.from(lines.join('\n') + '\n'), niks };
}

/** Imports a registry extract through the API and waits for it; the import's id and its snapshot's. */
async function importRegistry(run, base, token, office) {
  const { file, niks } = await registryExtract(run, office);
  const period = new Date().toISOString().slice(0, 7);
  const r = await http(base, 'POST', '/api/v1/registry/imports', { token, body: { multipart: [{ name: 'period', value: period }, { name: 'file', filename: `dtks-${office}.csv`, type: 'text/csv', data: file }] } });
  if (r.status !== 202) throw new Error(`registry import ${office}: ${r.status} ${r.text.slice(0, 300)}`);
  for (let i = 0; i < 600; i++) {
    const s = await http(base, 'GET', `/api/v1/registry/imports/${r.json.id}`, { token });
    if (s.json?.done) {
      const snapshotId = s.json.snapshot?.id ?? s.json.noopSnapshotId ?? null;
      return { importId: r.json.id, snapshotId, niks, status: snapshotId ? s.json.status : `${s.json.status}: ${s.text.slice(0, 300)}` };
    }
    await sleep(100);
  }
  throw new Error(`registry import ${office} did not finish`);
}

/**
 * Seeds one office B through its public forms and counter: two applications, a named complaint,
 * a counter case, a registry import listing the applicants. Returns B's record ids by kind and the
 * markers that only B's answers may carry.
 */
export async function seedOffice(run, base, office, service, tokens, serialBase) {
  const word = office.split('-').slice(1).join(' ').replace(/\b\w/g, (c) => c.toUpperCase());
  const people = [];
  const cases = [];
  const uploads = [];
  for (let i = 0; i < 2; i++) {
    const name = `${GIVEN[(serialBase + i) % GIVEN.length]} ${word} ${serialBase + i}`;
    const r = await apply(base, service, serialBase + i, { name });
    if (!r.ok) throw new Error(`apply in ${office}: ${r.status} ${r.error}`);
    people.push({ nik: r.nik, name });
    cases.push({ id: r.value.id, number: r.value.registrationNumber });
    if (r.upload) uploads.push(r.upload.id);
  }
  const counterName = `${GIVEN[(serialBase + 2) % GIVEN.length]} Loket ${word}`;
  const counter = await apply(base, service, serialBase + 2, { name: counterName, token: tokens['front-office'] ?? tokens.admin });
  if (counter.ok) {
    people.push({ nik: counter.nik, name: counterName });
    cases.push({ id: counter.value.id, number: counter.value.registrationNumber });
  }
  const complainant = { name: `Ibu ${GIVEN[(serialBase + 3) % GIVEN.length]} ${word}`, phone: `0852${String(10000000 + serialBase).padStart(8, '0')}` };
  const c = await http(base, 'POST', '/api/v1/complaints', {
    from: freshAddress(),
    body: { office, mode: 'named', type: 'pengaduan', text: `Bantuan sembako untuk keluarga kami di ${word} belum diterima sejak bulan Oktober.`, complainant },
  });
  if (c.status !== 201) throw new Error(`complaint in ${office}: ${c.status} ${c.text.slice(0, 200)}`);
  const registry = tokens.operator || tokens.admin ? await importRegistry(run, base, tokens.operator ?? tokens.admin, office) : null;
  return { office, people, cases, uploads, complaintReceipt: c.json.receiptNumber, complainant, registry, counterError: counter.ok ? null : `${counter.status} ${counter.error}` };
}

/**
 * B's own ids of every kind, as B's head of office sees them through the API (complaint ids, letter ids
 * and snapshot ids are not handed to the public), and the markers of B's records.
 */
export async function idsOf(base, seeded, adminToken) {
  const list = async (path, pick) => {
    const r = await http(base, 'GET', path, { token: adminToken });
    if (r.status !== 200) return [];
    const rows = Array.isArray(r.json) ? r.json : (r.json.items ?? r.json.results ?? r.json.letters ?? r.json.complaints ?? r.json.snapshots ?? r.json.proposals ?? r.json.delegations ?? []);
    return rows.map(pick).filter(Boolean);
  };
  const ids = {
    case: seeded.cases.map((c) => c.id),
    upload: seeded.uploads,
    complaint: await list('/api/v1/complaints', (x) => x.id),
    letter: await list('/api/v1/letters', (x) => x.id),
    snapshot: await list('/api/v1/registry/snapshots', (x) => x.id),
    import: seeded.registry?.importId ? [seeded.registry.importId] : [],
    proposal: await list('/api/v1/registry/proposals', (x) => x.id),
    task: await list('/api/v1/tasks', (x) => x.id),
    nik: [...seeded.people.map((p) => p.nik), ...(seeded.registry?.niks ?? []).slice(0, 2)],
    number: seeded.cases.map((c) => c.number),
  };
  const markers = [...seeded.people.flatMap((p) => [p.nik, p.name, p.name.toUpperCase()]), ...(seeded.registry?.niks ?? []), ...seeded.cases.map((c) => c.number), seeded.complaintReceipt, seeded.complainant.name, seeded.complainant.phone, ...ids.letter];
  return { ids, markers: [...new Set(markers)] };
}
