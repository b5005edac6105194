/**
 * The programmes' public reads at the size of a full round: ten yearly periods of a programme,
 * each with an SK of 5,000 recipients (the round limit). The citizen's self-check by NIK + KK (a
 * logged write included) and the first page of a period's public list, each beside a primary-key
 * lookup of one candidate in the same run.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { findCandidate, insertCandidates, insertDocument, insertRound } from '../src/db/programmes-repo.js';
import type { ProgrammeCandidatesTable } from '../src/db/schema-programmes.js';
import { checkOwnRegistration } from '../src/usecases/programmes/check-own-registration.js';
import { readPublicRecipients } from '../src/usecases/programmes/read-public-recipients.js';
import { time } from './complaints.bench.js';
import { report, type BenchContext } from './report.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const SLUG = 'bantuan-usaha-wrse';

export async function programmePublicBench(ctx: BenchContext): Promise<void> {
  const periods = ctx.quick ? 3 : 10;
  const perSk = 5000;
  for (const dbc of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-programmes-'));
    const b = await boot({ databaseUrl: dbc.url, dataDir: dir, standardsDir: 'standards', demo: true, actor: 'bench' });
    if (!b.ok) throw new Error('boot');
    const c = { ...b.ctx, now: () => new Date('2026-12-07T02:00:00Z') };
    const office = c.catalogue.office(OFFICE)!;
    const at = '2026-12-07T02:00:00.000Z';
    let probe = { round: '', candidate: '', nik: '', kk: '' };
    const t0 = performance.now();
    for (let y = 0; y < periods; y++) {
      const period = String(2026 - y);
      const round = randomUUID();
      await insertRound(c.database.db, { id: round, office_id: office.id, programme_slug: SLUG, programme: '{}', period, stage: 'Tahap I', reference_date: `${period}-03-01`, snapshot_id: null, status: 'decreed', created_at: at, created_by: 'bench', version: 1 });
      const rows: ProgrammeCandidatesTable[] = Array.from({ length: perSk }, (_, i) => ({
        id: randomUUID(),
        round_id: round,
        office_id: office.id,
        nik: `640302${String(41 + (i % 28)).padStart(2, '0')}0${1 + (i % 9)}8${i % 10}${String(i).padStart(4, '0')}`.slice(0, 16),
        kk: `6403021503${String(10 + y).padStart(2, '0')}${String(i).padStart(4, '0')}`,
        name: `PENERIMA ${i}`,
        birth_date: null,
        sex: 'P',
        village: 'LOA IPUH',
        district: 'TENGGARONG',
        address: null,
        category: 'bantuan-usaha',
        source: 'village',
        source_note: null,
        screening: 'eligible',
        checks: '[]',
        verification: 'eligible',
        reason: null,
        verified_at: at,
        verified_by: null,
        verified_by_name: 'bench',
        verified_role: 'verifikator',
        created_at: at,
        version: 2,
      }));
      await insertCandidates(c.database.db, rows);
      const people = rows.map((r) => ({ candidateId: r.id, nik: r.nik, name: r.name, category: r.category, village: r.village, result: 'eligible' as const, reason: null }));
      await insertDocument(c.database.db, { id: randomUUID(), round_id: round, office_id: office.id, kind: 'sk', number: `400.9/${y}/DINSOS/${period}`, number_seq: y + 1, counter: `letter:${period}`, token: randomUUID(), issued_on: `${period}-04-01`, signed_at: at, signed_by: 'bench', signer: '{}', sha256: 'x', size: 1, public_sha256: 'y', public_size: 1, people: JSON.stringify(people), created_at: at });
      if (y === 0) probe = { round, candidate: rows[2500]!.id, nik: rows[2500]!.nik, kk: rows[2500]!.kk! };
    }
    const loadMs = performance.now() - t0;
    const reps = ctx.quick ? 20 : 60;
    const pk = await time(() => findCandidate(c.database.db, office.id, probe.round, probe.candidate), reps);
    const check = await time(() => checkOwnRegistration(c, OFFICE, SLUG, { nik: probe.nik, kk: probe.kk }), reps);
    if (!check.value.ok || !check.value.value.registered) throw new Error(`self-check: ${JSON.stringify(check.value)}`);
    // Where the self-check's time goes: the latest decreed period, the person's decreed periods, the log row.
    const { decreedPeriods, decreedInPeriod, insertSelfCheck } = await import('../src/db/programme-groups-repo.js');
    const parts = {
      latest: (await time(() => decreedPeriods(c.database.db, office.id, SLUG, 1), reps)).median,
      person: (await time(() => decreedInPeriod(c.database.db, office.id, SLUG, '2026', probe.nik, probe.kk), reps)).median,
      log: (await time(() => insertSelfCheck(c.database.db, { office_id: office.id, programme_slug: SLUG, nik: probe.nik, found: 1, at }), reps)).median,
    };
    const list = await time(() => readPublicRecipients(c, OFFICE, SLUG, '2026', 0), reps);
    if (!list.value.ok || list.value.value.total !== perSk) throw new Error('public list');
    const n = (periods * perSk).toLocaleString('en');
    report(ctx, {
      name: `citizen self-check by NIK + KK (look-up, logged write) among ${periods} SKs of ${perSk.toLocaleString('en')} recipients (${n} candidates) (${dbc.name})`,
      value: check.median,
      unit: 'ms median',
      baseline: { name: 'primary-key lookup of one candidate', value: pk.median, unit: 'ms' },
      higherIsBetter: false,
      note: `max ${check.max.toFixed(2)} ms; its parts: latest decreed period ${parts.latest.toFixed(2)} ms, the person in that period's SK ${parts.person.toFixed(2)} ms, the log row ${parts.log.toFixed(2)} ms; loading (set-up) ${(loadMs / 1000).toFixed(1)} s`,
    });
    report(ctx, {
      name: `public recipients list, first page of 100 of a ${perSk.toLocaleString('en')}-recipient SK (${dbc.name})`,
      value: list.median,
      unit: 'ms median',
      baseline: { name: 'primary-key lookup of one candidate', value: pk.median, unit: 'ms' },
      higherIsBetter: false,
      note: `max ${list.max.toFixed(2)} ms; the SK's people are one JSON column, parsed and sorted per request`,
    });
    await c.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
