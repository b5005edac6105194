/**
 * Staff messages by e-mail (issue 16 §1), queued in the transaction of the event that causes them:
 * one outbox row per (event, officer) — the row's event key is the event's id with the officer's,
 * so the outbox's unique (event, channel) key makes a second write a no-op. Officers without a work
 * e-mail address are told on the staff pages only, as before. Without SMTP the rows wait in the
 * outbox like the citizens' (nothing lost, the admin page counts them).
 */
import type { Transaction } from 'kysely';
import { officerToTell, officersToTell, queueMessage } from '../../db/notifications-repo.js';
import type { DB } from '../../db/schema.js';
import { composeStaffMessage, type StaffKind } from '../../domain/notifications/staff-messages.js';
import type { Ctx } from '../context.js';

export interface StaffMoment {
  officeId: string;
  /** The case the message is about (an emergency report's case too). */
  applicationId: string;
  registrationNumber: string;
  /** The service's id or slug (an emergency report keeps the slug). */
  service: string | null;
  /** The event that causes it: a case event's id, or a key unique to the moment. */
  eventKey: string;
  kind: StaffKind;
  at: string;
  /** The staff page to open, as a path (`/petugas/berkas/<id>`). */
  path: string;
  state?: string | null;
  task?: string | null;
}

/** To every active officer of `roles` who gave a work e-mail address; or to one named officer (`userId`). */
export async function queueStaffMessages(trx: Transaction<DB>, ctx: Pick<Ctx, 'catalogue' | 'publicBaseUrl'>, m: StaffMoment, to: { roles: readonly string[] } | { userId: string }): Promise<number> {
  const officers = 'userId' in to ? [await officerToTell(trx, m.officeId, to.userId)].filter((o) => o !== undefined) : await officersToTell(trx, m.officeId, to.roles);
  if (officers.length === 0) return 0;
  const office = ctx.catalogue.officeById(m.officeId);
  const serviceName = office.services.find((s) => s.id === m.service || s.service.slug === m.service)?.service.title ?? '-';
  const url = `${ctx.publicBaseUrl.replace(/\/$/, '')}${m.path}`;
  const msg = composeStaffMessage(m.kind, { registrationNumber: m.registrationNumber, serviceName, officeName: office.office.name, url, state: m.state ?? null, task: m.task ?? null });
  for (const o of officers)
    await queueMessage(trx, {
      office_id: m.officeId,
      application_id: m.applicationId,
      staff_user_id: o.id,
      event_id: `${m.eventKey}:${o.id}`,
      channel: 'email',
      kind: m.kind,
      recipient: o.email,
      subject: msg.subject,
      body: msg.text,
      created_at: m.at,
    });
  return officers.length;
}
