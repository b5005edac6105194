/**
 * Child process for the durability test: boots Sigap on the database given in the environment
 * and submits applications forever, printing "ACK <id> <registration number>" after each one is
 * acknowledged (i.e. after its transaction committed).
 */
import { writeSync } from 'node:fs';
import { boot } from '../../src/boot.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';

const booted = await boot({ databaseUrl: process.env.DATABASE_URL || null, dataDir: process.env.DATA_DIR!, standardsDir: process.env.STANDARDS_DIR!, calendarFile: process.env.CALENDAR_FILE });
if (!booted.ok) throw new Error('boot failed');
const actor = { id: null, name: 'Pemohon (daring)', roles: [], officeId: null };
const { storeUpload } = await import('../../src/usecases/applications/store-upload.js');
const kk = await storeUpload(booted.ctx, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'), 'kk.png');
if (!kk.ok) throw new Error('upload failed');
const svc = booted.ctx.catalogue.service('kota-pekanbaru', 'pengecekan-rekomendasi-dtks')!.service.service;
const attachments = svc.requirements.filter((r) => r.kind === 'document').map((r) => ({ requirement: r.id, upload: kk.value.id }));
writeSync(1, 'READY\n');
for (let i = 0; ; i++) {
  const r = await submitApplication(
    booted.ctx,
    {
      office: 'kota-pekanbaru',
      service: 'pengecekan-rekomendasi-dtks',
      applicant: { nik: '1471025508880004', name: `Rina Wati ${i}`, residentOfRegion: true },
      answers: { keperluan: 'kis' },
      attachments,
      idempotencyKey: `durability-${process.pid}-${i}`,
    },
    actor,
  );
  // writeSync: the line reaches the pipe before the next submission starts.
  if (r.ok) writeSync(1, `ACK ${r.value.id} ${r.value.registrationNumber}\n`);
  else writeSync(1, `REFUSED ${JSON.stringify(r.error.problems)}\n`);
}
