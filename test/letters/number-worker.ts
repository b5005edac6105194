/**
 * A separate process numbering letters in the same database as the test (multi-process
 * numbering). Arguments: JSON { databaseUrl, dataDir, ids, username, parallel }.
 * Prints one JSON line with the results.
 */
import { boot } from '../../src/boot.js';
import { numberLetters } from '../../src/usecases/letters/number-letters.js';
import { STANDARDS_DIR } from '../support/paths.js';
import { actorFor } from './helpers.js';

const input = JSON.parse(process.argv[2]!) as { databaseUrl: string | null; dataDir: string; ids: string[]; username: string; parallel: boolean; now: string };
const b = await boot({ databaseUrl: input.databaseUrl, dataDir: input.dataDir, standardsDir: STANDARDS_DIR, actor: 'worker' });
if (!b.ok) throw new Error('boot failed');
b.ctx.now = () => new Date(input.now);
const actor = await actorFor(b.ctx, input.username);
const numbers: string[] = [];
if (input.parallel) {
  const rs = await Promise.all(input.ids.map((id) => numberLetters(b.ctx, [id], actor)));
  for (const r of rs) if (r.ok && r.value[0]?.ok) numbers.push(r.value[0].number);
} else
  for (const id of input.ids) {
    const r = await numberLetters(b.ctx, [id], actor);
    if (r.ok && r.value[0]?.ok) numbers.push(r.value[0].number);
  }
await b.ctx.database.close();
process.stdout.write(`${JSON.stringify({ numbers })}\n`);
