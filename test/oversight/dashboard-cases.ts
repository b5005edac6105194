/**
 * The dashboard's hand-made cases (Kota Jambi, seen on Wednesday 10 June 2026): the ODGJ referral
 * ("2-3 hari kerja", Bidang Rehabilitasi Sosial) with May's cases and four open ones 5, 9, 11 and 21
 * working days old, and the school recommendation ("15 menit", Bidang Linjamsos) with two closed
 * April cases and three open ones 1, 21 and 128 days old; each open case with its open task.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/app.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { insertCase, JAMBI_MAY, serviceOf, wib, type ServiceRef, type StoredCase } from './cases.js';

/** The day the dashboard is read: the figures below are counted back from it. */
export const DASHBOARD_TODAY = () => new Date(wib('2026-06-10 10:00'));

const open = (submitted: string, sla: string, step: string, due: string, status = 'open'): StoredCase => ({ submitted: wib(submitted), started: wib(submitted), closed: null, due: wib(due), status, sla, step });

export async function seedDashboard(t: TestApp): Promise<{ odgj: ServiceRef; school: ServiceRef; ids: Record<string, string> }> {
  const ids: Record<string, string> = {};
  const odgj = serviceOf(t.catalogue, 'kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
  const school = serviceOf(t.catalogue, 'kota-jambi', 'rekomendasi-masuk-sekolah');
  const task = async (svc: ServiceRef, applicationId: string, step: string, role: string, sla: string, claimedBy: string | null = null) =>
    t.database.db
      .insertInto('tasks')
      .values({ id: randomUUID(), office_id: svc.officeId, application_id: applicationId, service_id: svc.serviceId, step_id: step, role, status: 'open', sla_state: sla, claimed_by: claimedBy, due_at: null, created_at: wib('2026-05-01 08:00'), completed_at: null, completed_by: null })
      .execute();
  const db = t.database.db;
  for (const c of JAMBI_MAY) {
    const r = await insertCase(db, odgj, c);
    if (c.status === 'open') ids.may25 = r.id;
  }
  // ODGJ, open: 5, 9, 11 and 21 working days old on 10 June (bands ≤ 5, 6–10, 11–20, > 20).
  ids.jun3 = (await insertCase(db, odgj, open('2026-06-03 09:00', 'on-time', 'pengecekan-lokasi', '2026-06-08 16:00'))).id;
  ids.may21 = (await insertCase(db, odgj, open('2026-05-21 09:00', 'paused', 'memastikan-odgj', '2026-05-26 16:00', 'waiting-applicant'))).id;
  ids.may5 = (await insertCase(db, odgj, open('2026-05-05 09:00', 'late', 'penjemputan', '2026-05-08 11:00'))).id;
  await db.updateTable('applications').set({ applicant_name: 'Siti Aminah' }).where('id', '=', ids.may5).execute();
  // School recommendation: open 1, 21 and 128 calendar days; April: one completed in 10 minutes, one refused after 30.
  ids.jun9 = (await insertCase(db, school, open('2026-06-09 09:00', 'on-time', 'verifikasi', '2026-06-09 09:15'))).id;
  ids.may20 = (await insertCase(db, school, open('2026-05-20 09:00', 'at-risk', 'verifikasi', '2026-06-11 09:15'))).id;
  ids.feb2 = (await insertCase(db, school, open('2026-02-02 09:00', 'late', 'tanda-tangan', '2026-02-02 09:15'))).id;
  await insertCase(db, school, { submitted: wib('2026-04-06 09:00'), started: wib('2026-04-06 09:00'), closed: wib('2026-04-06 09:10'), due: wib('2026-04-06 09:15'), status: 'completed', sla: 'closed' });
  await insertCase(db, school, { submitted: wib('2026-04-07 09:00'), started: wib('2026-04-07 09:00'), closed: wib('2026-04-07 09:30'), due: wib('2026-04-07 09:15'), status: 'rejected', sla: 'late' });
  const worker = await db.selectFrom('staff_users').select(['id', 'display_name']).where('username', '=', 'pekerja-sosial@kota-jambi').executeTakeFirstOrThrow();
  ids.worker = worker.display_name;
  await task(odgj, ids.may25!, 'penjemputan', 'pekerja-sosial', 'late');
  await task(odgj, ids.may5!, 'penjemputan', 'pekerja-sosial', 'late', worker.id);
  await task(odgj, ids.jun3!, 'pengecekan-lokasi', 'pekerja-sosial', 'on-time');
  await task(odgj, ids.may21!, 'memastikan-odgj', 'pekerja-sosial', 'paused');
  await task(school, ids.jun9!, 'verifikasi', 'verifikator', 'on-time');
  await task(school, ids.may20!, 'verifikasi', 'verifikator', 'at-risk');
  await task(school, ids.feb2!, 'tanda-tangan', 'kepala-dinas', 'late');
  await rebuildOversightCounters(t.ctx, odgj.officeId);
  // SKM: two ODGJ questionnaires in May, all nines elements 4 and all 3 → NRR 3,5 → IKM 87,5 (B).
  for (const [i, v] of [4, 3].entries())
    await db
      .insertInto('survey_responses')
      .values({ id: randomUUID(), office_id: odgj.officeId, service_id: odgj.serviceId, application_id: null, source: 'paper', u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7: v, u8: v, u9: v, age_group: null, sex: null, education: null, occupation: null, suggestion: null, responded_on: `2026-05-1${i}`, batch_id: null, entered_by: null, created_at: wib('2026-05-12 10:00') })
      .execute();
  // Complaints: WhatsApp answered in 2 days (by its due time), WhatsApp not yet answered, the web form answered in 10 days (late).
  const complaint = (n: number, channel: string, received: string, due: string, answered: string | null) =>
    db
      .insertInto('complaints')
      .values({ id: randomUUID(), office_id: odgj.officeId, receipt_number: `ADU-JMB-2026-0000${n}`, tracking_code_hash: `dash-${randomUUID()}`, idempotency_key: null, idempotency_body: null, channel, external_ref: null, type: 'pengaduan', mode: 'named', complainant_name: 'Pelapor Uji', complainant_phone: null, complainant_email: null, text: 'Berkas belum selesai', service_id: odgj.serviceId, application_id: null, stage: answered ? 'answered' : 'received', status: answered ? 'answered' : 'received', routed_to: null, coordination: null, referral: null, merged_into: null, received_at: wib(received), clock_started_at: wib(received), due_at: wib(due), sla_state: 'on-time', escalated_at: null, answer: answered ? 'Sudah ditindaklanjuti' : null, answered_at: answered ? wib(answered) : null, answered_by: null, resolved: null, feedback: null, feedback_at: null, public_summary: null, published_at: null, closed_at: null, created_by: null, version: 1, updated_at: wib(received) })
      .execute();
  await complaint(1, 'whatsapp', '2026-05-04 09:00', '2026-05-08 09:00', '2026-05-06 09:00');
  await complaint(2, 'whatsapp', '2026-05-18 09:00', '2026-05-22 09:00', null);
  await complaint(3, 'website', '2026-05-10 09:00', '2026-05-15 09:00', '2026-05-20 09:00');
  // Emergencies of June (this month): one first answered 30 minutes before its deadline, one an hour after; a May one not counted.
  const report = (applicationId: string, n: number, received: string, due: string, answered: string) =>
    db
      .insertInto('emergency_reports')
      .values({ id: randomUUID(), office_id: odgj.officeId, application_id: applicationId, registration_number: `JMB-DRT-${n}`, service_slug: 'rekomendasi-penyerahan-odgj-rsj', channel: 'phone', reported_at: wib(received), received_at: wib(received), received_by: null, location_text: 'Jl. Sultan Thaha', lat: null, lng: null, description: 'ODGJ di jalan', category: 'odgj', subject_name: null, reporter_name: null, reporter_phone: null, first_response_due_at: wib(due), first_response_at: wib(answered), state: 'responded', escalation: 'none', merged_into: null, version: 1 })
      .execute();
  await report(ids.jun3!, 1, '2026-06-03 09:00', '2026-06-03 10:00', '2026-06-03 09:30');
  await report(ids.jun9!, 2, '2026-06-09 09:00', '2026-06-09 10:00', '2026-06-09 11:00');
  await report(ids.may21!, 3, '2026-05-21 09:00', '2026-05-21 10:00', '2026-05-21 09:10');
  // A shelter of two beds: one client in residence, one who stayed 4 days in May.
  const shelterId = randomUUID();
  await db.insertInto('shelters').values({ id: shelterId, office_id: odgj.officeId, name: 'Rumah Singgah Uji', address: null, created_by: 'uji', created_at: wib('2026-01-05 08:00') }).execute();
  for (const label of ['A1', 'A2'])
    await db.insertInto('shelter_beds').values({ id: randomUUID(), shelter_id: shelterId, office_id: odgj.officeId, room: 'A', label, sex: 'any', category: 'umum', position: label === 'A1' ? 1 : 2 }).execute();
  const stay = (state: string, checkedIn: string, terminated: string | null) =>
    db
      .insertInto('shelter_stays')
      .values({ id: randomUUID(), office_id: odgj.officeId, shelter_id: shelterId, state, source: 'walk-in', emergency_report_id: null, requester: null, client_name: 'Klien Uji', client_sex: 'male', client_category: 'umum', client_nik: null, client_birth_date: null, intake_at: wib(checkedIn), decision: 'admitted', referred_to: null, bed_id: null, checked_in_at: wib(checkedIn), override_reason: null, belongings: '[]', terminated_at: terminated ? wib(terminated) : null, termination: terminated ? 'returned-home' : null, handover_number: null, handover_token: null, handover_sha256: null, version: 1 })
      .execute();
  await stay('in-residence', '2026-06-05 10:00', null);
  await stay('terminated', '2026-05-10 08:00', '2026-05-14 08:00');
  return { odgj, school, ids };
}
