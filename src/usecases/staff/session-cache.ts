/**
 * Sessions seen in the last moments, by token hash: every signed-in request asks, and a busy
 * counter asks many times a second. Signing out here forgets at once; a session ended by another
 * process (a second server) stops working within SESSION_CACHE_MS. One per running product (Ctx).
 */
import type { StaffUser } from '../../db/staff-repo.js';

export const SESSION_CACHE_MS = 2000;
const MAX_ENTRIES = 10_000;

export interface SessionHit {
  user: StaffUser;
  csrf: string;
  kind: string;
}

export class SessionCache {
  private entries = new Map<string, { hit: SessionHit; until: number }>();

  get(key: string, now: number): SessionHit | undefined {
    const e = this.entries.get(key);
    return e && e.until > now ? e.hit : undefined;
  }

  set(key: string, hit: SessionHit, until: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { hit, until });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every session of an account (disabled, roles changed, sessions revoked) at once. */
  forgetUser(userId: string): void {
    for (const [key, e] of this.entries) if (e.hit.user.id === userId) this.entries.delete(key);
  }
}
