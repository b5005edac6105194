/**
 * Child process for the access-log durability test: boots Sigap on the database given in the
 * environment and runs registry look-ups on LOOKUP_LOOPS concurrent loops forever, printing
 * "ANSWERED <log id> <nik>" as soon as each answer is in hand (i.e. when a counter would show it).
 */
import { writeSync } from 'node:fs';
import { boot } from '../../src/boot.js';
import { findUserByUsername, toStaff } from '../../src/db/staff-repo.js';
import { lookupRegistry } from '../../src/usecases/registry/lookup-registry.js';

const booted = await boot({ databaseUrl: process.env.DATABASE_URL || null, dataDir: process.env.DATA_DIR!, standardsDir: process.env.STANDARDS_DIR! });
if (!booted.ok) throw new Error('boot failed');
const ctx = booted.ctx;
const niks = process.env.LOOKUP_NIKS!.split(',');
const u = toStaff((await findUserByUsername(ctx.database.db, process.env.LOOKUP_AS!))!);
const actor = { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId };
writeSync(1, 'READY\n');
let next = 0;
const loop = async (): Promise<never> => {
  for (;;) {
    const nik = niks[next++ % niks.length]!;
    const r = await lookupRegistry(ctx, actor, { nik, reason: 'Pemeriksaan DTKS di loket atas permintaan warga' });
    // writeSync: the line reaches the pipe before this loop asks again.
    if (r.ok) writeSync(1, `ANSWERED ${r.value.logId} ${nik}\n`);
    else writeSync(1, `REFUSED ${JSON.stringify(r.error)}\n`);
  }
};
await Promise.all(Array.from({ length: Number(process.env.LOOKUP_LOOPS ?? 40) }, loop));
