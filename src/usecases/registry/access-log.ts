/**
 * The registry access log: every look-up and export of registry data is recorded (who, when,
 * which NIK/KK, why: the case it served or a reason) before the answer is given (UU 27/2022:
 * reads of personal data are logged, not only writes).
 *
 * No answer leaves before its log entry is durable (committed like any other write). The entry is
 * appended through `Database.append`: on SQLite a writer thread commits concurrent entries
 * together, off the event loop (src/db/sqlite-append.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/dialect.js';
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

/** Records one access; resolves once the entry is committed. */
export async function logAccess(database: Database, e: AccessEntry): Promise<string> {
  const id = randomUUID();
  const row: Omit<RegistryAccessLogTable, 'seq'> = {
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
  };
  await database.append('registry_access_log', [row]);
  return id;
}
