/**
 * The registry's state of one running product (ctx.caches.registry): which snapshot is current per
 * office, published snapshots by id, each office's local date for the look-up's NIK checks, and
 * the imports this process runs in the background.
 */
import type { Snapshot } from '../../db/registry-repo.js';
import type { ImportJob } from './start-import.js';

/** How long "which snapshot is current" is trusted before the database is asked again. */
export const CURRENT_TTL_MS = 500;

export class RegistryCaches {
  /**
   * Current snapshot id per office, with when it was asked. An import in this process forgets it at
   * once; one published by another process (the CLI) is seen within CURRENT_TTL_MS.
   */
  readonly currentIds = new Map<string, { id: string | undefined; at: number }>();
  /** Published snapshots by id: what readers need of one (rows, period, source, layout) never changes. */
  private readonly published = new Map<string, Snapshot>();
  /** Each office's local date, by the minute it was computed for (the counter's hot path). */
  readonly today = new Map<string, { minute: number; today: string }>();
  /** Imports started from the back office, by id: their live progress exists only in this process. */
  readonly jobs = new Map<string, ImportJob>();

  snapshot(id: string): Snapshot | undefined {
    return this.published.get(id);
  }

  remember(s: Snapshot): void {
    if (s.status !== 'complete') return;
    if (this.published.size > 500) this.published.delete(this.published.keys().next().value!);
    this.published.set(s.id, s);
  }

  /** Forgets which snapshot is current (after a publication in this process). */
  forgetCurrent(officeId?: string): void {
    if (officeId) this.currentIds.delete(officeId);
    else this.currentIds.clear();
  }
}
