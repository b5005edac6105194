/**
 * The product without its HTTP layer, over a fresh real database: for use-case tests, which need
 * neither the web app's import cost nor a Fastify instance.
 */
import { boot, type BootResult } from '../../src/boot.js';
import { newDatabasePlace, TEMPLATE, type TestDatabase } from './db.js';
import { STANDARDS_DIR } from './paths.js';

type Ctx = Extract<BootResult, { ok: true }>['ctx'];

export interface TestCtx extends TestDatabase {
  catalogue: Ctx['catalogue'];
  ctx: Ctx;
  close(): Promise<void>;
}

/**
 * Boots the product on a copy of the run's template (or, run on its own, on an empty database):
 * standards loaded, demo accounts created. Boot is the real one, so on a copy it still migrates
 * and reloads the standards, finding nothing to change.
 */
export async function testCtx(opts: { now?: () => Date; standardsDir?: string } = {}): Promise<TestCtx> {
  const place = await newDatabasePlace(TEMPLATE);
  const booted = await boot({ ...place.location, standardsDir: opts.standardsDir ?? STANDARDS_DIR, demo: true, actor: 'test' });
  if (!booted.ok) {
    await booted.database.close();
    await place.remove();
    throw new Error(`standards invalid:\n${booted.problems.map((p) => `${p.file}:${p.line}: ${p.messageEn}`).join('\n')}`);
  }
  const ctx = { ...booted.ctx, now: opts.now };
  const close = async () => {
    await ctx.database.close();
    await place.remove().catch(() => undefined);
  };
  return { database: ctx.database, location: place.location, cleanup: close, close, catalogue: ctx.catalogue, ctx };
}
