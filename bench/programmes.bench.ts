/**
 * Programme cycles at 100,000 recipients (Kutai Kartanegara's santunan, lansia): generating the 12
 * monthly cycles from the berita acara and the Bupati's SK number, approving January (every
 * recipient re-checked against a 100,000-row DTKS snapshot, facts frozen, within the allocation),
 * and making and rendering its bank file; beside a bare insert of the same recipient rows in the
 * same run. The round is written directly (a round is bounded at 5,000 candidates by the pages and
 * API; the bench goes past that on purpose).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { insertCandidates, insertDocument, insertRound } from '../src/db/programmes-repo.js';
import { insertRecipients, insertCycles } from '../src/db/programme-cycles-repo.js';
import { rowsPage } from '../src/db/registry-repo.js';
import { findUserByUsername, toStaff } from '../src/db/staff-repo.js';
import type { ProgrammeCandidatesTable } from '../src/db/schema-programmes.js';
import type { DocumentPerson } from '../src/domain/programmes/rounds.js';
import { approveCycle } from '../src/usecases/programmes/approve-cycle.js';
import { batchFile, exportBatch } from '../src/usecases/programmes/export-batch.js';
import { generateCycles } from '../src/usecases/programmes/generate-cycles.js';
import { setProgrammeBudget } from '../src/usecases/programmes/set-programme-budget.js';
import { findProgramme } from '../src/usecases/programmes/programmes-of.js';
import { importRegistry } from '../src/usecases/registry/import-registry.js';
import { layoutOf, personOf } from '../src/usecases/registry/rows.js';
import { currentSnapshotOf } from '../src/usecases/registry/snapshots.js';
import { report, type BenchContext } from './report.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
/** Every candidate a lansia (the sample extract is all ages): the re-check then keeps whoever the registry still allows. */
const LANSIA = '1950-03-04';

async function writeExtract(file: string, n: number): Promise<void> {
  const { csvLine, SAMPLE_HEADER, sampleRows } = await import('../src/domain/registry/sample.js');
  const out = createWriteStream(file);
  let buf = csvLine(SAMPLE_HEADER) + '\n';
  for (const r of sampleRows(n, { office: OFFICE, seed: 2026 })) {
    buf += csvLine(r) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise<void>((r) => out.on('finish', () => r()));
}

export async function programmesBench(ctx: BenchContext): Promise<void> {
  const n = ctx.quick ? 20_000 : 100_000;
  for (const dbc of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-programmes-'));
    try {
      const b = await boot({ databaseUrl: dbc.url, dataDir: dir, standardsDir: 'standards', demo: true, actor: 'bench' });
      if (!b.ok) throw new Error('boot');
      const c = { ...b.ctx, now: () => new Date('2026-02-02T02:00:00Z') };
      const as = async (role: string) => {
        const u = toStaff((await findUserByUsername(c.database.db, `${role}@${OFFICE}`))!);
        return { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId };
      };
      const [operator, head] = [await as('operator'), await as('kepala-dinas')];
      const officeId = operator.officeId!;
      const file = join(dir, 'dtks.csv');
      await writeExtract(file, n);
      const imported = await importRegistry(c, { office: OFFICE, file, actor: operator, databaseUrl: dbc.url, period: '2026-01' });
      if (!imported.ok) throw new Error(JSON.stringify(imported.error));
      const snapshot = (await currentSnapshotOf(c.database, c.database.dialect, officeId))!;
      // The round, its candidates and its berita acara as the decree's recipients, written directly.
      const found = findProgramme(c, officeId, 'santunan-sosial-kukar-idaman');
      if (!found.ok) throw new Error('programme');
      const roundId = randomUUID();
      const at = '2026-01-20T02:00:00.000Z';
      await c.database.write((trx) => insertRound(trx, { id: roundId, office_id: officeId, programme_slug: 'santunan-sosial-kukar-idaman', programme: JSON.stringify(found.value.programme), period: '2026', stage: 'Tahap I', reference_date: '2026-01-01', snapshot_id: snapshot.id, status: 'reported', created_at: at, created_by: 'bench', version: 2 }));
      const layout = layoutOf(snapshot);
      const people: DocumentPerson[] = [];
      let after = 0;
      for (;;) {
        const page = await rowsPage(c.database.db, snapshot.tableName, { afterRowNo: after, limit: 5000 });
        if (!page.length) break;
        after = page[page.length - 1]!.row_no;
        const rows: ProgrammeCandidatesTable[] = page.map((r) => {
          const p = personOf(r, layout);
          const id = randomUUID();
          people.push({ candidateId: id, nik: p.nik, name: p.name, category: 'lanjut-usia-telantar', village: p.address.village, result: 'eligible', reason: null });
          return { id, round_id: roundId, office_id: officeId, nik: p.nik, kk: p.kk, name: p.name, birth_date: LANSIA, sex: p.sex, village: p.address.village, district: p.address.district, address: null, category: 'lanjut-usia-telantar', source: 'registry', source_note: null, screening: 'eligible', checks: '[]', verification: 'eligible', reason: null, verified_at: at, verified_by: null, verified_by_name: 'bench', verified_role: 'verifikator', created_at: at, version: 2 };
        });
        await c.database.write((trx) => insertCandidates(trx, rows));
      }
      await c.database.write((trx) => insertDocument(trx, { id: randomUUID(), round_id: roundId, office_id: officeId, kind: 'berita-acara', number: '400.9/0001/DINSOS/2026', number_seq: 1, counter: 'bench', token: randomUUID(), issued_on: '2026-01-20', signed_at: at, signed_by: head.id, signer: JSON.stringify({ name: head.name, title: '', position: [], nip: null, rank: null }), sha256: 'x', size: 0, public_sha256: 'x', public_size: 0, people: JSON.stringify(people), created_at: at }));
      await setProgrammeBudget(c, head, 'santunan-sosial-kukar-idaman', { period: '2026', amount: 2_400_000 * n, note: 'bench' });

      const t0 = performance.now();
      const g = await generateCycles(c, operator, { roundId, category: 'lanjut-usia-telantar', firstMonth: '2026-01', decreeNumber: '400.9/072/SK.BUP/HK/2026' });
      const generateMs = performance.now() - t0;
      if (!g.ok) throw new Error(JSON.stringify(g.error));
      const t1 = performance.now();
      const a = await approveCycle(c, head, g.value.ids[0]!, { version: 1 });
      const approveMs = performance.now() - t1;
      if (!a.ok) throw new Error(JSON.stringify(a.error));
      const t2 = performance.now();
      const batch = await exportBatch(c, operator, g.value.ids[0]!, { purpose: 'first', bank: 'Bank Kaltimtara' });
      if (!batch.ok) throw new Error(JSON.stringify(batch.error));
      const f = await batchFile(c, operator, batch.value.id);
      const exportMs = performance.now() - t2;
      if (!f.ok) throw new Error('file');
      // Baseline: the same n recipient rows inserted bare into another cycle, in one transaction.
      const bare = randomUUID();
      await c.database.write((trx) => insertCycles(trx, [{ id: bare, office_id: officeId, programme_slug: 'bench-bare', round_id: roundId, period: '2026', category: 'bare', seq: 1, of_count: 1, due_month: '2026-01', kind: 'cash', amount: 200_000, decree_number: 'bare', status: 'draft', recipients: n, excluded: 0, total: 0, snapshot_id: null, created_at: at, created_by: 'bench', approved_at: null, approved_by: null, closed_at: null, closed_by: null, close_note: null, version: 1 }]));
      const bareRows = people.map((p, i) => ({ id: randomUUID(), cycle_id: bare, row_no: i + 1, candidate_id: p.candidateId, nik: p.nik, name: p.name, village: p.village, amount: 200_000, status: 'included', reason: null, flag: null, facts: '{}', payment: 'pending', batch_id: null, attempts: 0 }));
      const t3 = performance.now();
      await c.database.write((trx) => insertRecipients(trx, bareRows));
      const bareMs = performance.now() - t3;
      const sha = createHash('sha256').update(f.value.text).digest('hex') === f.value.sha256;
      report(ctx, {
        name: `approve one cycle of ${n.toLocaleString('en')} recipients: re-check on a ${n.toLocaleString('en')}-row DTKS snapshot, facts frozen, within the allocation (${dbc.name})`,
        value: approveMs,
        unit: 'ms',
        baseline: { name: `bare insert of the same ${n.toLocaleString('en')} recipient rows`, value: bareMs, unit: 'ms' },
        higherIsBetter: false,
        note: `${a.value.included.toLocaleString('en')} included, ${a.value.excluded.toLocaleString('en')} excluded by the re-check (a registry condition fails, e.g. a PKH or BPNT recipient); generating the 12 cycles ${generateMs.toFixed(0)} ms`,
      });
      report(ctx, {
        name: `make and render the bank file of that cycle: ${batch.value.rows.toLocaleString('en')} transfers (${dbc.name})`,
        value: exportMs,
        unit: 'ms',
        baseline: { name: `bare insert of the same ${n.toLocaleString('en')} recipient rows`, value: bareMs, unit: 'ms' },
        higherIsBetter: false,
        note: `${(Buffer.byteLength(f.value.text) / 1e6).toFixed(1)} MB CSV; re-rendered file matches its stored SHA-256: ${sha}`,
      });
      await b.ctx.database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
