/** What every use case needs: the database, the standards read model and the SLA clock. */
import type { Database } from '../db/dialect.js';
import type { Catalogue } from './catalogue.js';
import type { SlaClock } from './sla-clock.js';
import type { StepEffect } from './step-effects.js';

export interface Ctx {
  database: Database;
  catalogue: Catalogue;
  clock: SlaClock;
  /** Injected for tests and simulations; defaults to the real time. */
  now?: () => Date;
  uploadsDir: string;
  /** Effects of completing steps contributed by other capabilities (letters, registry). */
  effects: StepEffect[];
  /** Where generated files (signed letters) are kept. */
  dataDir: string;
}

export const nowOf = (ctx: Ctx) => (ctx.now ? ctx.now() : new Date());

export interface Actor {
  id: string | null;
  name: string;
  roles: string[];
  officeId: string | null;
}

export const PUBLIC_ACTOR: Actor = { id: null, name: 'Pemohon (daring)', roles: [], officeId: null };
