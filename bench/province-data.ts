/**
 * A province-sized data set (issue 18 §4): Jawa Tengah's 35 kabupaten/kota onboarded from the five
 * seed offices as templates, a registry snapshot per office (generated DTKS-like rows through the
 * real import), and cases with their events, tasks and letters, plus complaints — streamed in
 * batches, memory bounded whatever the size. Used by the "province" bench section and by
 * `node scripts/province.mjs` (docs/OPERATIONS.md, "A province's data").
 *
 * How cases are made: per office, every detailed service runs once through the real engine
 * (`simulateCase`: submit, each step by the demo accounts, letters signed) and one complaint is
 * filed through the real use case; those are the templates. The rest are copies of them at bulk
 * speed: new ids, registration numbers of the previous year (`<code>-2025-…`, the year's counter
 * set to the count), the applicant's NIK and name from the office's registry rows, and every
 * timestamp column moved back by the same random offset within 2025. Copies carry no audit rows
 * (the audit chain stays the templates' own and verifies) and point at their template's letter
 * file (same PDF bytes, new verification token and number).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../src/db/schema.js';
import type { Ctx } from '../src/usecases/context.js';
import { JAWA_TENGAH, writeProvinceStandards } from '../test/support/province-offices.js';

export { JAWA_TENGAH, writeProvinceStandards };

/** Registry rows of one Jawa Tengah office: the sample generator with that kab/kota's code and name. */
export async function* provinceRegistryRows(office: { code: string; regency: string }, n: number, seed: number): AsyncGenerator<string[]> {
  const { sampleRows } = await import('../src/domain/registry/sample.js');
  const upper = office.regency.toUpperCase();
  // The generator's regions are the seed offices'; the area code and names are replaced with this
  // office's (kecamatan names stay the template's: placeholders, said in docs/OPERATIONS.md).
  for (const r of sampleRows(n, { office: 'kota-semarang', seed })) {
    r[1] = 'JAWA TENGAH';
    r[2] = upper;
    r[13] = upper.replace(/^(KOTA|KABUPATEN) /, '');
    r[9] = office.code + r[9]!.slice(4);
    r[10] = office.code + r[10]!.slice(4);
    yield r;
  }
}

/** Writes an office's extract as CSV (streamed); returns the path and some of its NIKs and names. */
export async function writeProvinceExtract(dir: string, office: { slug: string; code: string; regency: string }, n: number, seed: number): Promise<{ file: string; people: { nik: string; name: string }[] }> {
  const { csvLine, SAMPLE_HEADER } = await import('../src/domain/registry/sample.js');
  const file = join(dir, `${office.slug}.csv`);
  const out = createWriteStream(file);
  const people: { nik: string; name: string }[] = [];
  let buf = csvLine(SAMPLE_HEADER) + '\n';
  let i = 0;
  const every = Math.max(1, Math.floor(n / 2000));
  for await (const r of provinceRegistryRows(office, n, seed)) {
    buf += csvLine(r) + '\n';
    if (i++ % every === 0) people.push({ nik: r[10]!, name: r[11]! });
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise<void>((res) => out.on('finish', () => res()));
  return { file, people };
}

export interface ProvinceSizes {
  offices: number;
  registryRows: number;
  applications: number;
  complaints: number;
}

export const FULL_PROVINCE: ProvinceSizes = { offices: 35, registryRows: 10_000_000, applications: 1_000_000, complaints: 100_000 };

type Row = Record<string, unknown>;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** Moves every top-level timestamp of a row back by `ms`. */
function shifted(r: Row, ms: number): Row {
  const o: Row = {};
  for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'string' && ISO.test(v) ? new Date(Date.parse(v) - ms).toISOString() : v;
  return o;
}

/** Inserts rows in multi-row statements (bounded by both dialects' parameter limits). */
async function insertMany(q: Transaction<DB>, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const width = Object.keys(rows[0]!).length;
  const per = Math.max(1, Math.floor(30_000 / width));
  const db = q as unknown as Kysely<Record<string, Row>>;
  for (let i = 0; i < rows.length; i += per) await db.insertInto(table).values(rows.slice(i, i + per)).execute();
}

/** The columns of a table (to drop generated ones such as `seq` before copying). */
async function columnsOf(ctx: Ctx, table: string): Promise<string[]> {
  if (ctx.database.dialect === 'sqlite') return (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(ctx.database.db)).rows.map((r) => r.name);
  return (await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = ${table}`.execute(ctx.database.db)).rows.map((r) => r.column_name);
}

interface Template {
  app: Row;
  children: Record<string, Row[]>;
}

/** Tables copied with a case (by application_id), and with a complaint (by complaint_id). */
const CASE_TABLES = ['application_events', 'tasks', 'letters'] as const;
const COMPLAINT_TABLES = ['complaint_events'] as const;

async function readTemplate(ctx: Ctx, table: string, id: string, childTables: readonly string[], key: string): Promise<Template> {
  const db = ctx.database.db as unknown as Kysely<Record<string, Row>>;
  const app = (await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Row;
  const children: Record<string, Row[]> = {};
  for (const t of childTables) {
    const cols = (await columnsOf(ctx, t)).filter((c) => c !== 'seq');
    if (!cols.length) continue;
    children[t] = (await db.selectFrom(t).select(cols as never[]).where(key, '=', id).execute()) as Row[];
  }
  return { app, children };
}

export interface GenerateProgress {
  (line: string): void;
}

/**
 * Fills `ctx`'s database (booted on the province's standards) for the given offices: registry
 * snapshots through the real import, then template cases and complaints through the real use
 * cases, then copies of them in batches. Returns, per office, some listed NIKs (for look-ups).
 */
export async function generateProvince(
  ctx: Ctx,
  offices: { slug: string; code: string; regency: string }[],
  sizes: ProvinceSizes,
  opts: { databaseUrl?: string | null; log?: GenerateProgress; seed?: number } = {},
): Promise<Map<string, { nik: string; name: string }[]>> {
  const log = opts.log ?? (() => undefined);
  const { importRegistry } = await import('../src/usecases/registry/import-registry.js');
  const { simulateCase } = await import('../src/usecases/applications/simulate-case.js');
  const { fileComplaint } = await import('../src/usecases/complaints/file-complaint.js');
  const { PUBLIC_ACTOR } = await import('../src/usecases/context.js');
  const { registrationNumber: formatNumber } = await import('../src/domain/applications/codes.js');
  const { receiptNumber } = await import('../src/domain/complaints/receipt.js');
  const tmp = mkdtempSync(join(tmpdir(), 'sigap-province-'));
  const people = new Map<string, { nik: string; name: string }[]>();
  const system = { id: null, name: 'generator provinsi', roles: [], officeId: null };
  try {
    // Templates first: a registry snapshot would make the demo applicants of DTKS-only services
    // ineligible (they are not listed), as it should.
    const templatesOf = new Map<string, Template[]>();
    for (const [i, o] of offices.entries()) {
      const office = ctx.catalogue.list().find((x) => x.office.slug === o.slug)!;
      const list: Template[] = [];
      if (Math.floor(sizes.applications / offices.length) + (i < sizes.applications % offices.length ? 1 : 0) > 0)
        for (const s of office.services.filter((x) => x.service.detailed)) {
          try {
            const r = await simulateCase(ctx, o.slug, s.service.slug, 'main');
            list.push(await readTemplate(ctx, 'applications', r.applicationId, CASE_TABLES, 'application_id'));
          } catch (e) {
            log(`${o.slug}/${s.service.slug}: no template (${(e as Error).message.slice(0, 160)})`);
          }
        }
      templatesOf.set(o.slug, list);
    }
    let seed = opts.seed ?? 3300;
    for (const [i, o] of offices.entries()) {
      const n = Math.floor(sizes.registryRows / offices.length) + (i < sizes.registryRows % offices.length ? 1 : 0);
      if (n > 0) {
        const t0 = performance.now();
        const x = await writeProvinceExtract(tmp, o, n, seed++);
        const r = await importRegistry(ctx, { office: o.slug, file: x.file, period: '2026-01', actor: system, databaseUrl: opts.databaseUrl ?? null });
        rmSync(x.file, { force: true });
        if (!r.ok) throw new Error(`registry import for ${o.slug} failed: ${JSON.stringify(r.error)}`);
        people.set(o.slug, x.people);
        log(`${o.slug}: registry ${n.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    }
    const appCols = new Set(await columnsOf(ctx, 'applications'));
    const YEAR_MS = 365 * 86_400_000;
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (const [i, o] of offices.entries()) {
      const office = ctx.catalogue.list().find((x) => x.office.slug === o.slug)!;
      const nApps = Math.floor(sizes.applications / offices.length) + (i < sizes.applications % offices.length ? 1 : 0);
      const nComplaints = Math.floor(sizes.complaints / offices.length) + (i < sizes.complaints % offices.length ? 1 : 0);
      const t0 = performance.now();
      const templates = templatesOf.get(o.slug) ?? [];
      const who = people.get(o.slug) ?? [{ nik: `${o.code}014101900501`, name: 'WARGA CONTOH' }];
      let made = 0;
      while (made < nApps && templates.length) {
        const batch: Record<string, Row[]> = { applications: [] };
        for (let k = 0; k < 2000 && made < nApps; k++, made++) {
          const t = templates[made % templates.length]!;
          const id = randomUUID();
          // Spread over 2025: the copy's submission lands at `base - offset`.
          const when = base - 1 - Math.floor(((made * 7919) % nApps) / Math.max(1, nApps) * YEAR_MS);
          const person = who[made % who.length]!;
          const a = shifted(t.app, Date.parse(t.app.submitted_at as string) - when);
          a.id = id;
          a.registration_number = formatNumber(office.office.registrationCode, '2025', made + 1);
          a.tracking_code_hash = randomBytes(32).toString('hex');
          a.idempotency_key = null;
          a.idempotency_body = null;
          a.applicant_nik = person.nik;
          a.applicant_name = person.name;
          for (const c of Object.keys(a)) if (!appCols.has(c)) delete a[c];
          batch.applications!.push(a);
          for (const [table, rows] of Object.entries(t.children))
            for (const r of rows) {
              const c = shifted(r, Date.parse(t.app.submitted_at as string) - when);
              if ('id' in c) c.id = randomUUID();
              c.application_id = id;
              if (table === 'letters') {
                c.token = randomBytes(16).toString('base64url');
                if (c.number_seq !== null && c.number_seq !== undefined) {
                  c.number = `${String(c.number)}.${made + 1}`;
                  c.number_seq = Number(c.number_seq) + (made + 1) * 1000;
                }
                c.search_text = String(c.search_text).replace(String(t.app.registration_number).toLowerCase(), String(a.registration_number).toLowerCase());
              }
              (batch[table] ??= []).push(c);
            }
        }
        await ctx.database.write(async (trx) => {
          for (const [table, rows] of Object.entries(batch)) await insertMany(trx, table, rows);
        });
      }
      if (made) await sql`UPDATE counters SET value = ${made} WHERE office_id = ${office.id} AND name = 'registration:2025'`.execute(ctx.database.db).then(async (r) => {
        if (!Number(r.numAffectedRows ?? 0)) await sql`INSERT INTO counters (office_id, name, value) VALUES (${office.id}, 'registration:2025', ${made})`.execute(ctx.database.db);
      });
      // Complaints: one through the real use case, the rest copies of it.
      let cmade = 0;
      if (nComplaints > 0) {
        const f = await fileComplaint(ctx, { office: o.slug, mode: 'anonymous', text: 'Bantuan belum diterima padahal sudah terdaftar di DTKS sejak tahun lalu.' } as never, PUBLIC_ACTOR);
        if (!f.ok) throw new Error(`complaint for ${o.slug}: ${JSON.stringify(f.error)}`);
        const t = await readTemplate(ctx, 'complaints', f.value.id, COMPLAINT_TABLES, 'complaint_id');
        const cCols = new Set(await columnsOf(ctx, 'complaints'));
        while (cmade < nComplaints) {
          const batch: Record<string, Row[]> = { complaints: [] };
          for (let k = 0; k < 2000 && cmade < nComplaints; k++, cmade++) {
            const when = base - 1 - Math.floor(((cmade * 7919) % nComplaints) / Math.max(1, nComplaints) * YEAR_MS);
            const d = Date.parse(String(t.app.received_at ?? t.app.created_at ?? new Date().toISOString())) - when;
            const c = shifted(t.app, d);
            const id = randomUUID();
            c.id = id;
            c.receipt_number = receiptNumber(office.office.registrationCode, '2025', cmade + 1);
            if ('tracking_code_hash' in c) c.tracking_code_hash = randomBytes(32).toString('hex');
            if ('idempotency_key' in c) c.idempotency_key = null;
            for (const col of Object.keys(c)) if (!cCols.has(col)) delete c[col];
            batch.complaints!.push(c);
            for (const [table, rows] of Object.entries(t.children))
              for (const r of rows) {
                const e = shifted(r, d);
                if ('id' in e) e.id = randomUUID();
                e.complaint_id = id;
                (batch[table] ??= []).push(e);
              }
          }
          await ctx.database.write(async (trx) => {
            for (const [table, rows] of Object.entries(batch)) await insertMany(trx, table, rows);
          });
        }
        await sql`INSERT INTO counters (office_id, name, value) VALUES (${office.id}, 'complaint:2025', ${cmade}) ON CONFLICT (office_id, name) DO UPDATE SET value = ${cmade}`.execute(ctx.database.db);
      }
      log(`${o.slug}: ${made.toLocaleString('en')} cases (${templates.length} templates), ${cmade.toLocaleString('en')} complaints in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    return people;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Parses `--name value` options with numeric sizes (underscores allowed: 10_000_000). */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `node scripts/province.mjs --data-dir <dir> [--database-url <url>] [--offices 35] [--registry-rows N] [--applications N] [--complaints N]`. */
async function main(args: string[]): Promise<void> {
  const num = (name: string, d: number) => {
    const v = option(args, name);
    const n = v === undefined ? d : Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0 || n > 100_000_000) throw new Error(`--${name} must be a whole number up to 100,000,000`);
    return n;
  };
  const dataDir = option(args, 'data-dir') ?? process.env.DATA_DIR;
  if (!dataDir) throw new Error('--data-dir (or DATA_DIR) is required');
  const databaseUrl = option(args, 'database-url') ?? process.env.DATABASE_URL ?? null;
  const sizes: ProvinceSizes = {
    offices: Math.min(JAWA_TENGAH.length, Math.max(1, num('offices', FULL_PROVINCE.offices))),
    registryRows: num('registry-rows', FULL_PROVINCE.registryRows),
    applications: num('applications', FULL_PROVINCE.applications),
    complaints: num('complaints', FULL_PROVINCE.complaints),
  };
  const standards = option(args, 'standards') ?? join(dataDir, 'province-standards');
  const { boot } = await import('../src/boot.js');
  const offices = writeProvinceStandards('standards', standards, sizes.offices);
  const started = performance.now();
  const b = await boot({ databaseUrl: databaseUrl || null, dataDir, standardsDir: standards, demo: true });
  if (!b.ok) throw new Error(`province standards invalid: ${JSON.stringify(b.problems).slice(0, 2000)}`);
  const peak = { rss: 0 };
  const t = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 200);
  try {
    await generateProvince(b.ctx, offices, sizes, { databaseUrl, log: (l) => console.log(l) });
  } finally {
    clearInterval(t);
    await b.ctx.database.close();
  }
  console.log(`province: ${offices.length} offices, ${sizes.registryRows.toLocaleString('en')} registry rows, ${sizes.applications.toLocaleString('en')} cases, ${sizes.complaints.toLocaleString('en')} complaints in ${((performance.now() - started) / 1000).toFixed(0)} s; peak memory ${(peak.rss / 1048576).toFixed(0)} MB`);
  console.log(`serve it: STANDARDS_DIR=${standards} DATA_DIR=${dataDir}${databaseUrl ? ` DATABASE_URL=${databaseUrl}` : ''} SIGAP_DEMO=1 node bin/sigap.js serve`);
}

if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
