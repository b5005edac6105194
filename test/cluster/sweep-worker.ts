/**
 * A separate process sweeping an office's clocks in the same database as the test (several
 * processes, one truth: issue 18). Arguments: JSON { databaseUrl, dataDir, office, now, go }.
 * Waits until the wall clock reaches `go` so two workers start together; prints one JSON line.
 */
import { boot } from '../../src/boot.js';
import { sweepSla } from '../../src/usecases/applications/sweep-sla.js';
import { STANDARDS_DIR } from '../support/paths.js';

const input = JSON.parse(process.argv[2]!) as { databaseUrl: string | null; dataDir: string; office: string; now: string; go: number };
const b = await boot({ databaseUrl: input.databaseUrl, dataDir: input.dataDir, standardsDir: STANDARDS_DIR, actor: 'worker' });
if (!b.ok) throw new Error('boot failed');
b.ctx.now = () => new Date(input.now);
const officeId = b.ctx.catalogue.office(input.office)!.id;
await new Promise((r) => setTimeout(r, Math.max(0, input.go - Date.now())));
const swept = await sweepSla(b.ctx, officeId);
await b.ctx.database.close();
process.stdout.write(`${JSON.stringify(swept)}\n`);
