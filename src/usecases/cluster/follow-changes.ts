/**
 * Keeps this process's in-memory state in step with changes made by other Sigap processes on the
 * same database (issue 18, docs/OPERATIONS.md "Several processes"): an office's calendar (hours,
 * closures) and the standards. The change feed says which changed; PostgreSQL's LISTEN wakes the
 * follower at once, and a poll every `pollMs` covers a lost connection and SQLite. Sessions and
 * the registry's current snapshot need nothing here: their caches expire within 2 s and 0.5 s.
 */
import pg from 'pg';
import { closuresOf, hoursOf } from '../../db/calendar-repo.js';
import { CHANGES_CHANNEL, generations } from '../../db/changes-repo.js';
import type { Ctx } from '../context.js';

/** The bound on how long another process's change stays unseen when notifications are lost. */
export const CHANGES_POLL_MS = 2000;

export interface ChangeFollower {
  /** Reads the feed now and applies what changed (the poll and a notification both call it). */
  catchUp(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function followChanges(ctx: Ctx, opts: { pollMs?: number; onError?: (e: unknown) => void } = {}): Promise<ChangeFollower> {
  const onError = opts.onError ?? (() => undefined);
  // What this process has in memory was read at boot, after every change recorded so far.
  let seen = await generations(ctx.database.db);
  let running: Promise<string[]> | null = null;
  let again = false;

  const apply = async (key: string) => {
    if (key === 'standards') return ctx.catalogue.refresh(ctx.database);
    if (key.startsWith('calendar:')) {
      const office = ctx.catalogue.office(key.slice('calendar:'.length));
      if (!office) return;
      ctx.clock.setHours(office.office.slug, await hoursOf(ctx.database.db, office.id));
      ctx.clock.setClosures(office.office.slug, await closuresOf(ctx.database.db, office.id));
    }
  };
  const once = async (): Promise<string[]> => {
    const now = await generations(ctx.database.db);
    const changed = [...now].filter(([k, g]) => (seen.get(k) ?? 0) < g).map(([k]) => k);
    // Standards first: a new office's calendar needs the office in the catalogue.
    changed.sort((a, b) => (a === 'standards' ? -1 : b === 'standards' ? 1 : 0));
    for (const k of changed) await apply(k);
    seen = now;
    return changed;
  };
  // One catch-up at a time; a request during one runs once more after it (a change may have landed mid-read).
  const catchUp = async (): Promise<string[]> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const out: string[] = [];
      do {
        again = false;
        out.push(...(await once()));
      } while (again);
      return out;
    })().finally(() => (running = null));
    return running;
  };

  const timer = setInterval(() => catchUp().catch(onError), opts.pollMs ?? CHANGES_POLL_MS);
  timer.unref();
  let listener: pg.Client | null = null;
  if (ctx.database.location.kind === 'postgres') {
    listener = new pg.Client({ connectionString: ctx.database.location.url });
    // A broken listening connection is not fatal: the poll still runs.
    listener.on('error', onError);
    listener.on('notification', () => void catchUp().catch(onError));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (e) {
      onError(e);
      listener = null;
    }
  }
  return {
    catchUp,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
      await listener?.end().catch(() => undefined);
    },
  };
}
