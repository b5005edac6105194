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
  return { odgj, school, ids };
}
