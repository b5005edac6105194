/**
 * Per-address rate limits counted in the database when Sigap runs on PostgreSQL, so that several
 * processes behind one balancer allow an address the stated rate in all, not that rate per process
 * (issue 18). A store for @fastify/rate-limit (its documented store contract: `incr`, `read`,
 * `child`); on SQLite, one process, the plugin's own in-memory store is used.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import { countHit, forgetOldWindows, readHits } from '../db/rate-limits-repo.js';
import type { DB } from '../db/schema.js';

type Done = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** How often (in counted requests) windows older than an hour are deleted: the table stays small without a sweep of its own. */
const FORGET_EVERY = 1000;
const HOUR_MS = 3_600_000;

export function sharedRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  let counted = 0;
  const answer = (cb: Done, now: number, timeWindow: number) => (r: { hits: number; startedMs: number } | null) =>
    cb(null, r && r.startedMs + timeWindow > now ? { current: r.hits, ttl: r.startedMs + timeWindow - now } : { current: 0, ttl: 0 });
  class SharedRateLimitStore implements FastifyRateLimitStore {
    /** `<method><route>-` for a route's own limit; the plugin passes its options object to the global store. */
    private readonly prefix: string;
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : 'global-';
    }
    incr(key: string, cb: Done, timeWindow: number): void {
      const now = Date.now();
      countHit(db, this.prefix + key, now, timeWindow).then(answer(cb, now, timeWindow), (e: Error) => cb(e));
      if (++counted % FORGET_EVERY === 0) forgetOldWindows(db, now - HOUR_MS).catch(() => undefined);
    }
    read(key: string, cb: Done, timeWindow: number): void {
      const now = Date.now();
      readHits(db, this.prefix + key).then(answer(cb, now, timeWindow), (e: Error) => cb(e));
    }
    /** The plugin passes the route's merged limit options with `routeInfo` (its types say the route options themselves). */
    child(route: { method?: unknown; url?: string; routeInfo?: { method: string; url: string } }): SharedRateLimitStore {
      const info = route.routeInfo ?? { method: String(route.method), url: String(route.url) };
      return new SharedRateLimitStore(`${info.method}${info.url}-`);
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
