/**
 * Files a complaint: from the public web form or API without an account, or recorded by staff
 * from any channel the office's decree names (counter, complaint box, phone, WhatsApp, e-mail,
 * Instagram, SP4N-LAPOR! with its tracking id). The receipt number and tracking code are given
 * at once; the response clock starts at receipt on the office's working calendar.
 */
import { randomUUID } from 'node:crypto';
import { nextCounter } from '../../db/applications-repo.js';
import { applicationIdByNumber, complaintEvent, findComplaintByIdempotencyKey, insertComplaint, insertComplaintEvents, type Complaint } from '../../db/complaints-repo.js';
import { checkComplaintIntake, receiptNumber, RECEIVED, type ComplaintInput } from '../../domain/complaints/index.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { officeNotFound } from '../../domain/standards/not-found.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { trackingCodeFor, trackingCodeHash } from '../../domain/applications/codes.js';
import { idempotencyKeyReused, requestHash } from '../idempotency.js';
import { serverSecret } from '../server-secret.js';
import { queueComplaintNotice } from '../notifications/queue-complaint-notices.js';
import { complaintSetup, responseDue } from './office-complaints.js';

export const COMPLAINT_SECRET = 'complaint-tracking';

export interface FileComplaintInput extends ComplaintInput {
  /** The office's slug. */
  office: string;
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

export async function fileComplaint(ctx: Ctx, input: FileComplaintInput, actor: Actor): Promise<Outcome<FiledComplaint>> {
  const office = ctx.catalogue.office(input.office);
  const staff = actor.id !== null;
  // Staff record complaints for their own office only; another office looks as if it did not exist.
  if (!office || (staff && actor.officeId !== office.id)) return fail('not-found', officeNotFound(input.office, 'office'));
  if (input.idempotencyKey !== undefined && !/^[A-Za-z0-9_.:-]{8,128}$/.test(input.idempotencyKey))
    return failWith('invalid', 'idempotency-key-invalid', 'Idempotency-Key harus 8–128 karakter (huruf, angka, _ . : -)', 'Idempotency-Key must be 8–128 characters (letters, digits, _ . : -)', 'Idempotency-Key');
  const setup = complaintSetup(office);
  const db = ctx.database.db;
  const secret = await serverSecret(ctx, COMPLAINT_SECRET);
  const replayOf = (c: Complaint): Outcome<FiledComplaint> => ({
    ok: true,
    value: { id: c.id, receiptNumber: c.receiptNumber, trackingCode: trackingCodeFor(secret, c.id), dueAt: c.dueAt, dueAtLocal: ctx.clock.local(office.office, c.dueAt), replayed: true },
  });
  // The key is bound to the request it first came with (see submit-application.ts).
  const bodyHash = input.idempotencyKey ? requestHash(actor.id, { ...input, idempotencyKey: undefined }) : null;
  const replay = async () => {
    if (!input.idempotencyKey) return null;
    const earlier = await findComplaintByIdempotencyKey(db, office.id, input.idempotencyKey);
    if (!earlier) return null;
    if (earlier.idempotencyBody !== null && earlier.idempotencyBody !== bodyHash) return idempotencyKeyReused();
    return replayOf(earlier);
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
  if (!checked.ok) return fail('invalid', ...checked.problems);
  const intake = checked.value;
  let applicationId: string | null = null;
  if (intake.application) {
    applicationId = await applicationIdByNumber(db, office.id, intake.application);
    if (!applicationId)
      return failWith('invalid', 'application-not-found', `Permohonan ${intake.application} tidak ditemukan di ${office.office.name}`, `Application ${intake.application} not found at ${office.office.name}`, 'application');
  }
  const serviceId = intake.service ? office.services.find((s) => s.service.slug === intake.service)!.id : null;
  const nowIso = now.toISOString();
  const receivedAt = intake.receivedAt ?? nowIso;
  const due = responseDue(ctx, setup, receivedAt);
  const id = randomUUID();
  const code = trackingCodeFor(secret, id);
  const year = ctx.clock.localDate(office.office, nowIso).slice(0, 4);
  // Anonymous: nothing about the person is stored, not even what the form sent.
  const identity = intake.mode === 'anonymous' ? null : intake.complainant;
  let number = '';
  try {
    await ctx.database.write(async (trx) => {
      const seq = await nextCounter(trx, office.id, `complaint:${year}`);
      number = receiptNumber(office.office.registrationCode, year, seq);
      await insertComplaint(trx, {
        id,
        office_id: office.id,
        receipt_number: number,
        tracking_code_hash: trackingCodeHash(secret, code),
        idempotency_key: input.idempotencyKey ?? null,
        idempotency_body: bodyHash,
        channel: intake.channel,
        external_ref: intake.externalRef,
        type: intake.type,
        mode: intake.mode,
        complainant_name: identity?.name ?? null,
        complainant_phone: identity?.phone ?? null,
        complainant_email: identity?.email ?? null,
        text: intake.text,
        service_id: serviceId,
        application_id: applicationId,
        stage: RECEIVED.id,
        status: 'open',
        received_at: receivedAt,
        clock_started_at: receivedAt,
        due_at: due.dueAt,
        sla_state: ctx.clock.state(receivedAt, due.dueAt, false, nowIso),
        created_by: actor.id,
        version: 1,
        updated_at: nowIso,
      });
      const received = complaintEvent(
        { id, officeId: office.id },
        {
          type: 'received',
          stage: RECEIVED.id,
          // Never the complainant's name: events are read by more roles than the identity is.
          actor: { id: actor.id, name: staff ? actor.name : 'Pelapor (formulir daring)' },
          data: { channel: intake.channel, type: intake.type, mode: intake.mode, externalRef: intake.externalRef, dueAt: due.dueAt, promise: setup.promise.sla, promiseSource: setup.promise.source, warnings: due.warnings },
          at: nowIso,
        },
      );
      await insertComplaintEvents(trx, received);
      await queueComplaintNotice(trx, ctx, { id, officeId: office.id, receiptNumber: number, serviceId, complainantEmail: identity?.email ?? null }, received, 'open');
    });
  } catch (e) {
    // Two retries with one Idempotency-Key raced: the loser answers with the winner's complaint.
    const again = await replay();
    if (again) return again;
    throw e;
  }
  return { ok: true, value: { id, receiptNumber: number, trackingCode: code, dueAt: due.dueAt, dueAtLocal: due.dueAtLocal, replayed: false } };
}
