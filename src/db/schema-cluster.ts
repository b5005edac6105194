/** Table types of what several processes share beyond the capabilities' data: the change feed (migration 021) and rate limits (030). */

export interface ChangeFeedTable {
  /** `standards`, or `calendar:<office slug>`. */
  key: string;
  generation: number;
  changed_at: string;
}

/** A per-address rate-limit window shared by every process (migration 030; http/rate-limit-store.ts). */
export interface RateLimitTable {
  /** `<method><route>-<client address>`. */
  key: string;
  /** Milliseconds since the epoch when the window began (bigint on PostgreSQL). */
  started_ms: number | string;
  hits: number;
}

export interface ClusterTables {
  change_feed: ChangeFeedTable;
  rate_limits: RateLimitTable;
}
