/**
 * A separate process running the emergency sweep of one office on the test's database (two
 * processes sweeping at once). Arguments: JSON { databaseUrl, dataDir, office, now }. Prints one JSON line: the sweep's counts.
 */
import { boot } from '../../src/boot.js';
import { sweepEmergencies } from '../../src/usecases/emergency/sweep-emergencies.js';
import { STANDARDS_DIR } from '../support/paths.js';

const input = JSON.parse(process.argv[2]!) as { databaseUrl: string | null; dataDir: string; office: string; now: string };
const b = await boot({ databaseUrl: input.databaseUrl, dataDir: input.dataDir, standardsDir: STANDARDS_DIR, actor: 'worker' });
if (!b.ok) throw new Error('boot failed');
b.ctx.now = () => new Date(input.now);
const r = await sweepEmergencies(b.ctx, input.office);
await b.ctx.database.close();
process.stdout.write(`${JSON.stringify(r)}\n`);
