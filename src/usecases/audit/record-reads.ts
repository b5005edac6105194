/**
 * "Who accessed this record": the logged reads of one case (with its uploaded documents and its
 * letters) or one complaint, newest first and bounded, for the roles that read the audit trail
 * (for every other role there is no such section).
 */
import { attachmentsOf } from '../../db/applications-repo.js';
import { accessesOfRecords, countAccessesOfRecords, type RecordRefs } from '../../db/data-access-repo.js';
import { lettersOfApplication } from '../../db/letters-repo.js';
import type { DataAccessAction, DataAccessPurpose, DataRecordKind } from '../../domain/audit/data-access.js';
import { mayReadAuditTrail } from '../../domain/audit/trail.js';
import type { Actor, Ctx } from '../context.js';

/** The newest reads shown beside a record; the total says how many more the trail holds. */
export const RECORD_READS_SHOWN = 50;

export interface RecordRead {
  /** What was read: the record itself, or one of its documents or letters. */
  recordKind: DataRecordKind;
  actorName: string;
  /** The office's names of the reader's roles at the time of reading. */
  roleNames: string[];
  at: string;
  atLocal: string;
  action: DataAccessAction;
  purpose: DataAccessPurpose;
  fields: string[];
}

export interface RecordReads {
  entries: RecordRead[];
  total: number;
}

/** The reads, or null when this officer's roles do not read the audit trail. */
export async function recordReads(ctx: Ctx, officer: Pick<Actor, 'roles'> & { officeId: string }, refs: RecordRefs): Promise<RecordReads | null> {
  if (!mayReadAuditTrail(officer.roles)) return null;
  const office = ctx.catalogue.officeById(officer.officeId).office;
  const db = ctx.database.db;
  const rows = await accessesOfRecords(db, officer.officeId, refs, RECORD_READS_SHOWN);
  const total = rows.length < RECORD_READS_SHOWN ? rows.length : await countAccessesOfRecords(db, officer.officeId, refs);
  return {
    total,
    entries: rows.map((r) => ({
      recordKind: r.recordKind,
      actorName: r.actorName,
      roleNames: r.roles.map((id) => office.roles.find((x) => x.id === id)?.name ?? id),
      at: r.at,
      atLocal: ctx.clock.local(office, r.at),
      action: r.action,
      purpose: r.purpose,
      fields: r.fields,
    })),
  };
}

/** The documents and letters of a case are the same person's data: the refs that read it whole. */
export async function caseRefs(ctx: Ctx, caseId: string): Promise<RecordRefs> {
  const db = ctx.database.db;
  const uploads = (await attachmentsOf(db, caseId)).flatMap((a) => (a.upload_id ? [a.upload_id] : []));
  const letters = (await lettersOfApplication(db, caseId)).map((l) => l.id);
  return { application: [caseId], upload: uploads, letter: letters };
}

/** Who read one record (a case with its documents and letters); null for roles that do not read the trail. */
export async function readsOfRecord(ctx: Ctx, officer: Pick<Actor, 'roles'> & { officeId: string }, kind: DataRecordKind, id: string): Promise<RecordReads | null> {
  if (!mayReadAuditTrail(officer.roles)) return null;
  return recordReads(ctx, officer, kind === 'application' ? await caseRefs(ctx, id) : { [kind]: [id] });
}
