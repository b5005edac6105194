/**
 * Everything the staff case page shows, read once: the case, the service version it was filed
 * under, its open task and whether this officer may act on it, requirements with their files,
 * eligibility, stages with their limits and the timeline, all times already in the office's zone.
 * The read is logged (who, which case, whose NIK, why) before anything is returned.
 */
import { attachmentsOf, findCase, openTaskFor, type Case } from '../../db/applications-repo.js';
import { lettersOfApplication } from '../../db/letters-repo.js';
import type { TasksTable } from '../../db/schema.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { stepById } from '../../domain/procedure/engine.js';
import { mayDoStep } from '../../domain/procedure/step-roles.js';
import { may, scopeOf } from '../../domain/staff/permissions.js';
import type { Service, Step } from '../../domain/standards/schema.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { recordReads, type RecordReads } from '../audit/record-reads.js';
import { caseTimeline, type TimelineEntry } from './case-timeline.js';
import { caseMessages, type CaseMessage } from '../notifications/case-messages.js';
import { callsOfCase, type CaseCall } from '../calls/call-queue.js';
import { serviceOfCase } from './service-of-case.js';

export type StageState = 'finished-late' | 'finished-on-time' | 'running-late' | 'running';

export interface CaseFile {
  app: Case;
  service: Service;
  task: TasksTable | undefined;
  step: Step | undefined;
  /** The officer holds the role of the open task's step. */
  mine: boolean;
  /** The file is back with the applicant and this officer may record that it came back complete. */
  mayRecordResubmission: boolean;
  dueLocal: string | null;
  attachments: Awaited<ReturnType<typeof attachmentsOf>>;
  stages: { label: string; startedLocal: string; dueLocal: string | null; finishedLocal: string | null; state: StageState }[];
  timeline: TimelineEntry[];
  /** The messages the case's events caused (notifications outbox), shown in the timeline with their status. */
  messages?: CaseMessage[];
  /** The phone calls the decree promises on this case (call tasks), shown with their outcome form. */
  calls?: CaseCall[];
  /** The case's letters (drafts and cancelled ones included: staff follow them all). */
  letters: { id: string; title: string; number: string | null; status: string }[];
  submittedLocal: string;
  closedLocal: string | null;
  /** The office's role names by id (a step names who does it by role). */
  roleNames: Record<string, string>;
  /** Who read this case (newest first, bounded), for the roles that read the audit trail; else null. */
  reads?: RecordReads | null;
  /** This officer may see the applicant's NIK, KK, phone, e-mail and address (applications.read-identity on this case's service). */
  mayReadIdentity: boolean;
  /** This officer may see the specific personal data answers (applications.read-specific on this case's service). */
  mayReadSpecific: boolean;
  /** This officer may open the case's uploaded documents (uploads.read on this case's service). */
  mayOpenUploads: boolean;
}

/** The groups of a case's fields the staff case page shows. */
export const CASE_FILE_FIELDS = ['identity', 'answers', 'documents', 'timeline', 'letters'] as const;

type Officer = Pick<Actor, 'id' | 'name' | 'roles'> & { officeId: string };

/** A step holder reads only the cases of the services it holds a step in (a named reader reads them all). */
export async function mayReadCase(ctx: Ctx, roles: readonly string[], app: Pick<Case, 'service_version_id'>): Promise<boolean> {
  return may(roles, 'applications.read', scopeOf([{ service: await serviceOfCase(ctx, app.service_version_id) }]));
}

export const caseRefused = () =>
  failWith('forbidden', 'permission-required', 'Peran Anda tidak dapat membuka berkas layanan ini', 'Your role cannot open the cases of this service');

export async function readCaseFile(ctx: Ctx, officer: Officer, id: string): Promise<Outcome<CaseFile>> {
  const app = await findCase(ctx.database.db, officer.officeId, id);
  if (!app) return failWith('not-found', 'application-not-found', 'Berkas tidak ditemukan', 'Case not found');
  const office = ctx.catalogue.officeById(app.office_id).office;
  const service = await serviceOfCase(ctx, app.service_version_id);
  if (!may(officer.roles, 'applications.read', scopeOf([{ service }]))) return caseRefused();
  const mayReadIdentity = may(officer.roles, 'applications.read-identity', scopeOf([{ service }]));
  const mayReadSpecific = may(officer.roles, 'applications.read-specific', scopeOf([{ service }]));
  const mayOpenUploads = may(officer.roles, 'uploads.read', scopeOf([{ service }]));
  // The log names what this officer was shown, not what the case holds.
  const shown = CASE_FILE_FIELDS.filter((f) => (f === 'identity' ? mayReadIdentity : f === 'documents' ? mayOpenUploads : true));
  await logDataRead(ctx, officer, { officeId: officer.officeId, recordKind: 'application', recordId: app.id, subjectNik: app.applicant_nik, purpose: 'case-work', fields: mayReadSpecific ? [...shown, 'specific'] : shown });
  const attachments = await attachmentsOf(ctx.database.db, app.id);
  const letters = await lettersOfApplication(ctx.database.db, app.id);
  const task = await openTaskFor(ctx.database.db, app.id);
  const now = nowOf(ctx).toISOString();
  const local = (iso: string) => ctx.clock.local(office, iso);
  return {
    ok: true,
    value: {
      app,
      service,
      task,
      step: task ? stepById(service.procedure!, task.step_id) : undefined,
      // The step's role, or a further role it names (orRoles), may act on it.
      mine: !!task && task.status === 'open' && (officer.roles.includes(task.role) || mayDoStep(stepById(service.procedure!, task.step_id)!, officer.roles)),
      mayRecordResubmission: app.status === 'waiting-applicant' && officer.roles.some((r) => r === 'front-office' || r === task?.role),
      dueLocal: app.due_at ? local(app.due_at) : null,
      attachments,
      stages: app.stages.map((st) => ({
        label: st.label,
        startedLocal: local(st.startedAt),
        dueLocal: st.dueAt ? local(st.dueAt) : null,
        finishedLocal: st.finishedAt ? local(st.finishedAt) : null,
        state: st.finishedAt ? (st.late ? 'finished-late' : 'finished-on-time') : st.dueAt && now > st.dueAt ? 'running-late' : 'running',
      })),
      timeline: await caseTimeline(ctx, app),
      messages: await caseMessages(ctx, app),
      calls: await callsOfCase(ctx, app),
      letters: letters.map((l) => ({ id: l.id, title: l.title, number: l.number, status: l.status })),
      submittedLocal: local(app.submitted_at),
      closedLocal: app.closed_at ? local(app.closed_at) : null,
      roleNames: Object.fromEntries(office.roles.map((r) => [r.id, r.name])),
      // The case's documents and letters are the same person's data: their reads are listed with it.
      reads: await recordReads(ctx, officer, { application: [app.id], upload: attachments.flatMap((a) => (a.upload_id ? [a.upload_id] : [])), letter: letters.map((l) => l.id) }),
      mayReadIdentity,
      mayReadSpecific,
      mayOpenUploads,
    },
  };
}
