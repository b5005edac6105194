/**
 * Stored cases for oversight tests, written as rows (the evaluation reads rows; how a case got
 * there is the applications tests' business): Kota Jambi's "2-3 hari kerja" ODGJ service in May
 * 2026, the hand-computed ten of test/pure/oversight/evaluate.test.ts plus a withdrawn, an open
 * late and a June case.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { Catalogue } from '../../src/usecases/catalogue/catalogue.js';

export const wib = (local: string) => new Date(`${local}:00+07:00`).toISOString();
export const wita = (local: string) => new Date(`${local}:00+08:00`).toISOString();

export interface ServiceRef {
  officeId: string;
  serviceId: string;
  versionId: string;
  prefix: string;
}

export function serviceOf(catalogue: Catalogue, office: string, slug: string): ServiceRef {
  const o = catalogue.findOffice(office);
  assert.ok(o.ok);
  const s = o.value.services.find((x) => x.service.slug === slug);
  assert.ok(s, slug);
  return { officeId: o.value.id, serviceId: s.id, versionId: s.versionId, prefix: office === 'kota-jambi' ? 'JMB' : 'BJM' };
}

export interface StoredCase {
  submitted: string;
  started: string | null;
  closed: string | null;
  due: string | null;
  status: string;
  sla: string;
  pauses?: unknown[];
  step?: string;
}

let seq = 0;

export async function insertCase(db: Kysely<DB>, svc: ServiceRef, c: StoredCase): Promise<{ id: string; registrationNumber: string }> {
  seq++;
  const id = randomUUID();
  const registrationNumber = `${svc.prefix}-2026-${String(900000 + seq)}`;
  await db
    .insertInto('applications')
    .values({
      id,
      office_id: svc.officeId,
      service_id: svc.serviceId,
      service_version_id: svc.versionId,
      registration_number: registrationNumber,
      tracking_code_hash: `oversight-test-${randomUUID()}`,
      idempotency_key: null,
      idempotency_body: null,
      initiator: 'counter',
      channel: 'counter',
      applicant_nik: null,
      applicant_name: 'Warga Uji',
      applicant: '{}',
      answers: '{}',
      eligibility: '{"results":[],"registry":null}',
      status: c.status,
      current_step: c.step ?? null,
      end_id: null,
      outcome_reason: null,
      submitted_at: c.submitted,
      clock_started_at: c.started,
      paused_since: null,
      pauses: JSON.stringify(c.pauses ?? []),
      due_at: c.due,
      expected_at: null,
      stages: '[]',
      sla_state: c.sla,
      closed_at: c.closed,
      created_by: null,
      version: 1,
      updated_at: c.closed ?? c.submitted,
    })
    .execute();
  return { id, registrationNumber };
}

const done = (s: string, c: string, d: string, pauses?: unknown[]): StoredCase => ({ submitted: wib(s), started: wib(s), closed: wib(c), due: wib(d), status: 'completed', sla: c > d ? 'late' : 'closed', pauses });

/** Ten answered May cases taking 1–5 working days (median 3, p90 5, 7 on time), then a withdrawn, an open late and a June case. */
export const JAMBI_MAY: StoredCase[] = [
  done('2026-05-04 09:00', '2026-05-05 10:00', '2026-05-07 16:00'),
  done('2026-05-05 09:00', '2026-05-06 14:00', '2026-05-08 11:00'),
  done('2026-05-04 10:00', '2026-05-06 11:00', '2026-05-07 16:00'),
  done('2026-05-05 08:00', '2026-05-07 15:00', '2026-05-08 11:00'),
  done('2026-05-04 13:00', '2026-05-07 09:00', '2026-05-07 16:00'),
  done('2026-05-13 09:00', '2026-05-20 10:00', '2026-05-20 16:00'),
  done('2026-05-04 09:00', '2026-05-11 10:00', '2026-05-11 16:00', [{ from: wib('2026-05-05 10:00'), to: wib('2026-05-07 10:00'), kind: 'applicant' }]),
  done('2026-05-04 09:00', '2026-05-08 09:00', '2026-05-07 16:00'),
  done('2026-05-04 09:00', '2026-05-11 09:00', '2026-05-07 16:00'),
  done('2026-05-05 09:00', '2026-05-12 09:00', '2026-05-08 11:00'),
  { submitted: wib('2026-05-18 09:00'), started: wib('2026-05-18 09:00'), closed: wib('2026-05-19 09:00'), due: null, status: 'withdrawn', sla: 'closed' },
  { submitted: wib('2026-05-25 09:00'), started: wib('2026-05-25 09:00'), closed: null, due: wib('2026-05-29 11:00'), status: 'open', sla: 'late', step: 'penjemputan' },
  { submitted: wib('2026-06-01 09:00'), started: wib('2026-06-01 09:00'), closed: wib('2026-06-01 10:00'), due: wib('2026-06-04 16:00'), status: 'completed', sla: 'closed' },
];
