/**
 * A separate process dispatching from a warehouse in the same database as the test (two processes
 * racing for the last units). Arguments: JSON { databaseUrl, dataDir, username, warehouse, item, quantity, now }.
 * Prints one JSON line: the outcome's status and code.
 */
import { boot } from '../../src/boot.js';
import { recordMovement } from '../../src/usecases/logistics/record-movement.js';
import { actorFor } from '../letters/helpers.js';
import { STANDARDS_DIR } from '../support/paths.js';

const input = JSON.parse(process.argv[2]!) as { databaseUrl: string | null; dataDir: string; username: string; warehouse: string; item: string; quantity: number; now: string };
const b = await boot({ databaseUrl: input.databaseUrl, dataDir: input.dataDir, standardsDir: STANDARDS_DIR, actor: 'worker' });
if (!b.ok) throw new Error('boot failed');
b.ctx.now = () => new Date(input.now);
const actor = await actorFor(b.ctx, input.username);
const r = await recordMovement(b.ctx, actor, { warehouse: input.warehouse, item: input.item, kind: 'dispatch', quantity: input.quantity });
await b.ctx.database.close();
process.stdout.write(`${JSON.stringify(r.ok ? { ok: true, picks: r.value.picks } : { ok: false, code: r.error.problems[0]?.code })}\n`);
