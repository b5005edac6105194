/** One letter for staff of its office: the letter, its case's number, its service and its history; the read is logged first. */
import { findApplication } from '../../db/applications-repo.js';
import { findLetter, letterEvents, type Letter, type LetterEvent } from '../../db/letters-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { logDataRead } from '../audit/log-data-read.js';
import { letterNotFound } from './letter-failures.js';

export interface LetterRecord {
  letter: Letter;
  registrationNumber: string | null;
  /** "12. Rekomendasi ...", or the service's id when it is no longer in the standard. */
  serviceName: string;
  /** The office's name of the role that signs it ("Kepala Dinas Sosial"), not its id. */
  signerRoleName: string;
  /** Oldest first, each with its time as the office reads it. */
  events: (LetterEvent & { localAt: string })[];
}

export async function showLetter(ctx: Ctx, officeId: string, id: string, actor: Pick<Actor, 'id' | 'name' | 'roles'>): Promise<Outcome<LetterRecord>> {
  const db = ctx.database.db;
  const letter = await findLetter(db, officeId, id);
  if (!letter) return letterNotFound();
  const office = ctx.catalogue.officeById(officeId);
  const service = office.services.find((s) => s.id === letter.service_id)?.service;
  const events = await letterEvents(db, letter.id);
  const app = await findApplication(db, officeId, letter.application_id);
  await logDataRead(ctx, actor, { officeId, recordKind: 'letter', recordId: letter.id, subjectNik: app?.applicant_nik ?? null, purpose: 'case-work', fields: ['letter', 'history'] });
  return {
    ok: true,
    value: {
      letter,
      registrationNumber: app?.registration_number ?? null,
      serviceName: service ? `${service.no}. ${service.title}` : letter.service_id,
      signerRoleName: office.office.roles.find((r) => r.id === letter.signer_role)?.name ?? letter.signer_role,
      events: events.map((e) => ({ ...e, localAt: ctx.clock.local(office.office, e.at) })),
    },
  };
}
