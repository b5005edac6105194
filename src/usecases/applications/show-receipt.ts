/**
 * The receipt of a filed case (tanda terima), for the citizen online and the counter clerk alike:
 * office, service, when it was filed in the office's zone, the documents as received, and what
 * happens next and by when.
 */
import { attachmentsOf, findCase, type Case } from '../../db/applications-repo.js';
import { trackingCodeFor } from '../../domain/applications/codes.js';
import { serverSecret } from '../server-secret.js';
import { stepById } from '../../domain/procedure/engine.js';
import type { Actor, Ctx } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { serviceOfCase } from './service-of-case.js';

export interface ReceiptDocument {
  label: string;
  required: boolean;
  /** Uploaded (with its file name), shown at the counter, or not (yet) received. */
  received: 'uploaded' | 'shown' | 'missing';
  fileName: string | null;
}

export interface Receipt {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  office: { name: string; address: string; contacts: { label: string; value: string }[] };
  service: { no: number; title: string; slug: string; slaText: string | null; productText: string | null };
  applicantName: string;
  submittedLocal: string;
  documents: ReceiptDocument[];
  nextStep: string | null;
  dueLocal: string | null;
  /** The clock starts only once an officer declares the file complete. */
  clockNotStarted: boolean;
}

export async function showReceipt(ctx: Ctx, app: Case, trackingCode: string): Promise<Receipt> {
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const office = ctx.catalogue.officeById(app.office_id).office;
  const attached = await attachmentsOf(ctx.database.db, app.id);
  const documents = svc.requirements
    .filter((r) => r.kind === 'document')
    .map((r): ReceiptDocument => {
      const rows = attached.filter((a) => a.requirement_id === r.id);
      const up = rows.find((a) => a.upload_id);
      return { label: r.label, required: r.required, received: up ? 'uploaded' : rows.some((a) => a.shown_to) ? 'shown' : 'missing', fileName: up?.original_name ?? null };
    });
  const step = app.current_step ? stepById(svc.procedure!, app.current_step) : undefined;
  return {
    id: app.id,
    registrationNumber: app.registration_number,
    trackingCode,
    office: { name: office.name, address: office.address, contacts: office.contacts.flatMap((c) => (c.value && (c.kind === 'phone' || c.kind === 'email') ? [{ label: c.label, value: c.value }] : [])) },
    service: { no: svc.no, title: svc.title, slug: svc.slug, slaText: svc.sla?.text ?? null, productText: svc.product?.text ?? null },
    applicantName: app.applicant_name,
    submittedLocal: ctx.clock.local(office, app.submitted_at),
    documents,
    nextStep: step?.label ?? null,
    dueLocal: app.due_at ? ctx.clock.local(office, app.due_at) : null,
    clockNotStarted: app.clock_started_at === null,
  };
}

/** The receipt again, for the office's staff (the counter prints it again when a citizen lost theirs); a logged read. */
export async function showOfficeReceipt(ctx: Ctx, officer: Pick<Actor, 'id' | 'name' | 'roles'> & { officeId: string }, caseId: string): Promise<Receipt | null> {
  const app = await findCase(ctx.database.db, officer.officeId, caseId);
  if (!app) return null;
  await logDataRead(ctx, officer, { officeId: officer.officeId, recordKind: 'application', recordId: app.id, subjectNik: app.applicant_nik, purpose: 'case-work', fields: ['receipt'] });
  return showReceipt(ctx, app, trackingCodeFor(await serverSecret(ctx, 'tracking'), app.id));
}
