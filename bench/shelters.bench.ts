/**
 * The rumah singgah occupancy board and the over-limit list with 100,000 stays of one office (a
 * shelter of 1,500 beds, all taken, the rest terminated): each beside a primary-key lookup of one
 * stay in the same run.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { bedsWithOccupants, findStay, type StayRow } from '../src/db/shelters-repo.js';
import { findUserByUsername, toStaff } from '../src/db/staff-repo.js';
import { createShelter } from '../src/usecases/shelters/create-shelter.js';
import { listOverLimit } from '../src/usecases/shelters/list-over-limit.js';
import { showOccupancy } from '../src/usecases/shelters/show-occupancy.js';
import { time } from './complaints.bench.js';
import { report, type BenchContext } from './report.js';

export async function sheltersBench(ctx: BenchContext): Promise<void> {
  const n = ctx.quick ? 20_000 : 100_000;
  const now = new Date('2026-04-06T14:00:00Z');
  for (const dbc of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-shelters-'));
    const b = await boot({ databaseUrl: dbc.url, dataDir: dir, standardsDir: 'standards', demo: true, actor: 'bench' });
    if (!b.ok) throw new Error('boot');
    const c = { ...b.ctx, now: () => now };
    const u = toStaff((await findUserByUsername(c.database.db, 'kepala-bidang@kota-banjarmasin'))!);
    const kabid = { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId };
    const s = await createShelter(c, kabid, { name: 'Rumah Singgah Bench', rooms: Array.from({ length: 30 }, (_, i) => ({ name: `Kamar ${i + 1}`, sex: i % 2 ? ('male' as const) : ('female' as const), category: 'umum' as const, beds: 50 })) });
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    const beds = await c.database.db.selectFrom('shelter_beds').select(['id', 'sex']).where('shelter_id', '=', s.value.id).orderBy('position').execute();
    const t0 = performance.now();
    let someId = '';
    const batch = 1000;
    for (let start = 0; start < n; start += batch) {
      const rows: StayRow[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++) {
        // The newest 1,500 are in residence, one per bed, checked in one every 30 minutes (about a third past 21 days).
        const resident = i >= n - beds.length;
        const bed = resident ? beds[i - (n - beds.length)]! : null;
        const checkedIn = new Date(now.getTime() - (n - i) * 30 * 60_000).toISOString();
        const id = randomUUID();
        if (i === Math.floor(n / 2)) someId = id;
        rows.push({
          id, office_id: kabid.officeId!, shelter_id: s.value.id, state: resident ? 'in-residence' : 'terminated', source: 'razia', emergency_report_id: null, requester: null,
          client_name: `Klien ${i}`, client_sex: bed?.sex ?? 'female', client_category: 'orang-terlantar', client_nik: null, client_birth_date: null, intake_at: checkedIn, decision: null, referred_to: null,
          bed_id: bed?.id ?? null, checked_in_at: checkedIn, override_reason: null, belongings: '[]', terminated_at: resident ? null : checkedIn, termination: null, handover_number: null, handover_token: null, handover_sha256: null, version: 1,
        });
      }
      await c.database.write(async (trx) => {
        for (let k = 0; k < rows.length; k += 200) await trx.insertInto('shelter_stays').values(rows.slice(k, k + 200)).execute();
      });
    }
    const loadMs = performance.now() - t0;
    const reps = ctx.quick ? 20 : 60;
    const pk = await time(() => findStay(c.database.db, kabid.officeId!, someId), reps);
    const bedsQuery = await time(() => bedsWithOccupants(c.database.db, s.value.id), reps);
    const board = await time(() => showOccupancy(c, kabid, s.value.id), ctx.quick ? 10 : 30);
    const over = await time(() => listOverLimit(c, kabid), ctx.quick ? 10 : 30);
    const occ = board.value.ok ? board.value.value : null;
    report(ctx, {
      name: `shelter occupancy board (${occ?.capacity ?? 0} beds, ${occ?.occupied ?? 0} taken) with ${n.toLocaleString('en')} stays (${dbc.name})`,
      value: board.median,
      unit: 'ms median',
      baseline: { name: 'primary-key lookup of one stay', value: pk.median, unit: 'ms' },
      higherIsBetter: false,
      note: `max ${board.max.toFixed(1)} ms; its beds-with-occupants query ${bedsQuery.median.toFixed(2)} ms; loading ${n.toLocaleString('en')} stays (set-up) ${(loadMs / 1000).toFixed(1)} s`,
    });
    report(ctx, {
      name: `stays past the limit ("lebih dari 21 hari") among ${n.toLocaleString('en')} stays (${dbc.name})`,
      value: over.median,
      unit: 'ms median',
      baseline: { name: 'primary-key lookup of one stay', value: pk.median, unit: 'ms' },
      higherIsBetter: false,
      note: `${over.value.ok ? over.value.value.stays.length : 0} listed (at most 500); max ${over.max.toFixed(1)} ms`,
    });
    await c.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
