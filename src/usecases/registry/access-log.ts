/**
 * The registry access log: every look-up and export of registry data is recorded (who, when,
 * which NIK/KK, why: the case it served or a reason) before the answer is given (UU 27/2022:
 * reads of personal data are logged, not only writes).
 *
 * Writes are grouped: concurrent look-ups wait for one shared transaction, so a busy counter pays
 * one commit per group instead of one per look-up, and no answer leaves before its log entry is
 * durable (committed like any other write: synchronous=FULL on SQLite).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/dialect.js';
import { insertAccessLogs } from '../../db/registry-repo.js';
import type { RegistryAccessLogTable } from '../../db/schema-registry.js';
import type { Actor } from '../context.js';

export type AccessAction = 'lookup-nik' | 'lookup-kk' | 'export-rows' | 'export-person' | 'report' | 'case-check';

export interface AccessEntry {
  officeId: string;
  actor: Actor;
  action: AccessAction;
  nik?: string | null;
  kk?: string | null;
  snapshotId?: string | null;
  applicationId?: string | null;
  reason?: string | null;
  found?: boolean | null;
  detail?: Record<string, unknown>;
  at: string;
}

type Row = Omit<RegistryAccessLogTable, 'seq'>;

/** A group is committed when it has this many entries, or this long after its first one. */
const GROUP_MAX = 128;
const GROUP_WAIT_MS = 2;

class GroupWriter {
  private pending: { row: Row; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly database: Database) {}

  add(row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.flushing) return;
      if (this.pending.length >= GROUP_MAX) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        void this.flush();
      } else if (!this.timer) this.timer = setTimeout(() => void this.flush(), GROUP_WAIT_MS);
    });
  }

  private async flush(): Promise<void> {
    this.timer = null;
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length) {
        const group = this.pending.splice(0, 500);
        try {
          await this.database.write((trx) => insertAccessLogs(trx, group.map((g) => g.row)));
          for (const g of group) g.resolve();
        } catch (e) {
          for (const g of group) g.reject(e);
        }
        // Entries that arrived during the commit wait for the next window (or go now if many).
        if (this.pending.length && this.pending.length < GROUP_MAX) {
          this.timer = setTimeout(() => void this.flush(), GROUP_WAIT_MS);
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

const writers = new WeakMap<Database, GroupWriter>();

/** Records one access; resolves once the entry is committed. */
export async function logAccess(database: Database, e: AccessEntry): Promise<string> {
  let w = writers.get(database);
  if (!w) {
    w = new GroupWriter(database);
    writers.set(database, w);
  }
  const id = randomUUID();
  await w.add({
    id,
    office_id: e.officeId,
    at: e.at,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    roles: JSON.stringify(e.actor.roles),
    action: e.action,
    nik: e.nik ?? null,
    kk: e.kk ?? null,
    snapshot_id: e.snapshotId ?? null,
    application_id: e.applicationId ?? null,
    reason: e.reason ?? null,
    found: e.found === undefined || e.found === null ? null : e.found ? 1 : 0,
    detail: JSON.stringify(e.detail ?? {}),
  });
  return id;
}
