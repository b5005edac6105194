/** What the public may see of a case: no personal data beyond what the holder of the code typed. */
import { completedSteps, openTaskFor, type Case } from '../../db/applications-repo.js';
import { lettersOfApplication } from '../../db/letters-repo.js';
import { isUnsigned } from '../../domain/letters/status.js';
import { applicantMustDo, OPEN_CASE_STATUSES, STATUS_LABEL, type CaseStatus } from '../../domain/applications/status.js';
import { canWithdraw, stepById } from '../../domain/procedure/engine.js';
import type { Ctx } from '../context.js';
import { caseNews, type CaseNews } from '../notifications/case-news.js';
import { serviceOfCase } from './service-of-case.js';

export interface PublicStatus {
  registrationNumber: string;
  office: string;
  service: { slug: string; title: string };
  status: CaseStatus;
  statusLabel: string;
  statusLabelEn: string;
  currentStep: { id: string; label: string } | null;
  submittedAt: string;
  dueAt: string | null;
  dueAtLocal: string | null;
  mustDo: string | null;
  mustDoEn: string | null;
  reason: string | null;
  canWithdraw: boolean;
  /** The messages sent about the case (addresses masked) and the channels chosen. */
  news: CaseNews;
}

export async function publicStatus(ctx: Ctx, app: Case): Promise<PublicStatus> {
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const office = ctx.catalogue.officeById(app.office_id);
  const step = app.current_step ? stepById(svc.procedure!, app.current_step) : undefined;
  const label = STATUS_LABEL[app.status];
  const mustDo = applicantMustDo(app.status, app.outcome_reason, app.status === 'waiting-signature' ? await awaitedSigner(ctx, app) : undefined);
  const open = OPEN_CASE_STATUSES.includes(app.status);
  const task = open ? await openTaskFor(ctx.database.db, app.id) : undefined;
  return {
    registrationNumber: app.registration_number,
    office: office.office.name,
    service: { slug: svc.slug, title: svc.title },
    status: app.status,
    statusLabel: label.id,
    statusLabelEn: label.en,
    // A case waiting for a signature is not at its handover yet: the applicant is told what it waits for instead.
    currentStep: step && app.status !== 'waiting-signature' ? { id: step.id, label: step.label } : null,
    submittedAt: app.submitted_at,
    dueAt: app.due_at,
    dueAtLocal: app.due_at ? ctx.clock.local(office.office, app.due_at) : null,
    mustDo: mustDo?.id ?? null,
    mustDoEn: mustDo?.en ?? null,
    reason: app.status === 'rejected' || app.status === 'waiting-applicant' ? app.outcome_reason : null,
    canWithdraw: open && task !== undefined && canWithdraw(svc.procedure!, await completedSteps(ctx.database.db, app.id)),
    news: await caseNews(ctx, app),
  };
}

/** Who a case waiting for a signature waits for: the office's name of the unsigned letters' signing role(s). */
async function awaitedSigner(ctx: Ctx, app: Case): Promise<{ id: string; en: string } | undefined> {
  const roles = ctx.catalogue.officeById(app.office_id).office.roles;
  const names = [...new Set((await lettersOfApplication(ctx.database.db, app.id)).filter((l) => isUnsigned(l.status)).map((l) => roles.find((r) => r.id === l.signer_role)?.name ?? l.signer_role))];
  return names.length ? { id: names.join(' / '), en: names.join(' / ') } : undefined;
}
