/**
 * Files a complaint: from the public web form or API without an account, or recorded by staff
 * from any channel the office's decree names (counter, complaint box, phone, WhatsApp, e-mail,
 * Instagram, SP4N-LAPOR! with its tracking id). The receipt number and tracking code are given
 * at once; the response clock starts at receipt on the office's working calendar.
 */
import { randomUUID } from 'node:crypto';
import { getSecret, nextCounter } from '../../db/applications-repo.js';
import { applicationIdByNumber, findComplaintByIdempotencyKey, insertComplaint, insertComplaintEvent, type ComplaintRow } from '../../db/complaints-repo.js';
import { checkComplaintIntake, receiptNumber, RECEIVED, type ComplaintInput, type FieldProblem } from '../../domain/complaints/index.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { officeCode, trackingCodeFor, trackingCodeHash } from '../submit-application.js';
import { complaintSetup, responseDue } from './office-complaints.js';

export const COMPLAINT_SECRET = 'complaint-tracking';

export interface FileComplaintInput extends ComplaintInput {
  office?: unknown;
  idempotencyKey?: string | undefined;
}

export interface FiledComplaint {
  id: string;
  receiptNumber: string;
  trackingCode: string;
  dueAt: string;
  dueAtLocal: string;
  replayed: boolean;
}

export type FileComplaintResult = { ok: true; value: FiledComplaint } | { ok: false; status: 404 | 422; problems: FieldProblem[] };

const officeNotFound = (slug: string): FileComplaintResult => ({
  ok: false,
  status: 404,
  problems: [{ field: 'office', code: 'office-not-found', message: `Kantor "${slug}" tidak ditemukan`, messageEn: `Office "${slug}" not found` }],
});

export async function fileComplaint(ctx: Ctx, input: FileComplaintInput, actor: Actor): Promise<FileComplaintResult> {
  const slug = typeof input.office === 'string' ? input.office : '';
  const office = ctx.catalogue.office(slug);
  const staff = actor.id !== null;
  if (!office || (staff && actor.officeId !== office.id)) return officeNotFound(slug);
  if (input.idempotencyKey !== undefined && !/^[A-Za-z0-9_.:-]{8,128}$/.test(input.idempotencyKey))
    return { ok: false, status: 422, problems: [{ field: 'Idempotency-Key', code: 'idempotency-key-invalid', message: 'Idempotency-Key harus 8–128 karakter (huruf, angka, _ . : -)', messageEn: 'Idempotency-Key must be 8–128 characters (letters, digits, _ . : -)' }] };
  const setup = complaintSetup(office);
  const db = ctx.database.db;
  const secret = await getSecret(db, COMPLAINT_SECRET);
  const replayOf = (row: ComplaintRow): FileComplaintResult => ({
    ok: true,
    value: { id: row.id, receiptNumber: row.receipt_number, trackingCode: trackingCodeFor(secret, row.id), dueAt: row.due_at, dueAtLocal: ctx.clock.local(office.office, row.due_at), replayed: true },
  });
  const replay = async () => {
    if (!input.idempotencyKey) return null;
    const row = await findComplaintByIdempotencyKey(db, office.id, input.idempotencyKey);
    return row ? replayOf(row) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const now = nowOf(ctx);
  const checked = checkComplaintIntake(input, {
    channels: setup.channels,
    serviceSlugs: new Set(office.services.map((s) => s.service.slug)),
    staff,
    now,
  });
  if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
  const intake = checked.value;
  let applicationId: string | null = null;
  if (intake.application) {
    applicationId = await applicationIdByNumber(db, office.id, intake.application);
    if (!applicationId)
      return { ok: false, status: 422, problems: [{ field: 'application', code: 'application-not-found', message: `Permohonan ${intake.application} tidak ditemukan di ${office.office.name}`, messageEn: `Application ${intake.application} not found at ${office.office.name}` }] };
  }
  const serviceId = intake.service ? office.services.find((s) => s.service.slug === intake.service)!.id : null;
  const nowIso = now.toISOString();
  const receivedAt = intake.receivedAt ?? nowIso;
  const due = responseDue(ctx, setup, receivedAt);
  const slaState = ctx.clock.state(receivedAt, due.dueAt, false, nowIso);
  const id = randomUUID();
  const code = trackingCodeFor(secret, id);
  const year = ctx.clock.localDate(office.office, nowIso).slice(0, 4);
  let number = '';
  try {
    await ctx.database.write(async (trx) => {
      const seq = await nextCounter(trx, office.id, `complaint:${year}`);
      number = receiptNumber(officeCode(office.office.region.name), year, seq);
      await insertComplaint(trx, {
        id,
        office_id: office.id,
        receipt_number: number,
        tracking_code_hash: trackingCodeHash(secret, code),
        idempotency_key: input.idempotencyKey ?? null,
        channel: intake.channel,
        external_ref: intake.externalRef,
        type: intake.type,
        mode: intake.mode,
        // Anonymous: nothing about the person is stored, not even what the form sent.
        complainant_name: intake.mode === 'anonymous' ? null : (intake.complainant?.name ?? null),
        complainant_phone: intake.mode === 'anonymous' ? null : (intake.complainant?.phone ?? null),
        complainant_email: intake.mode === 'anonymous' ? null : (intake.complainant?.email ?? null),
        text: intake.text,
        service_id: serviceId,
        application_id: applicationId,
        stage: RECEIVED.id,
        status: 'open',
        routed_to: null,
        coordination: null,
        referral: null,
        merged_into: null,
        received_at: receivedAt,
        clock_started_at: receivedAt,
        due_at: due.dueAt,
        sla_state: slaState,
        escalated_at: null,
        answer: null,
        answered_at: null,
        answered_by: null,
        resolved: null,
        feedback: null,
        feedback_at: null,
        public_summary: null,
        published_at: null,
        closed_at: null,
        created_by: actor.id,
        version: 1,
        updated_at: nowIso,
      });
      await insertComplaintEvent(trx, {
        id: randomUUID(),
        complaint_id: id,
        office_id: office.id,
        type: 'received',
        stage: RECEIVED.id,
        actor_id: actor.id,
        // Never the complainant's name: events are read by more roles than the identity is.
        actor_name: staff ? actor.name : 'Pelapor (formulir daring)',
        visibility: 'public',
        note: null,
        data: JSON.stringify({ channel: intake.channel, type: intake.type, mode: intake.mode, externalRef: intake.externalRef, dueAt: due.dueAt, promise: setup.promise.sla, promiseSource: setup.promise.source, warnings: due.warnings }),
        at: nowIso,
      });
    });
  } catch (e) {
    const again = await replay();
    if (again) return again;
    throw e;
  }
  return { ok: true, value: { id, receiptNumber: number, trackingCode: code, dueAt: due.dueAt, dueAtLocal: due.dueAtLocal, replayed: false } };
}
