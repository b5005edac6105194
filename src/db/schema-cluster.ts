/** Table types of the change feed between processes (migration 021). */

export interface ChangeFeedTable {
  /** `standards`, or `calendar:<office slug>`. */
  key: string;
  generation: number;
  changed_at: string;
}

export interface ClusterTables {
  change_feed: ChangeFeedTable;
}
