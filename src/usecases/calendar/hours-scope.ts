/** Whose hours an admin sets: the office's, or one service's when its decree sets its own (else there is nothing of its own to set). */
import type { StoredOffice } from '../../db/standards-repo.js';
import { serviceNotFound } from '../../domain/standards/not-found.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Service } from '../../domain/standards/schema.js';

export interface HoursScope {
  /** '' for the office, else the service's slug (the key of its setting). */
  scope: string;
  service: Service | undefined;
}

export function hoursScope(office: StoredOffice, serviceSlug: string | undefined): Outcome<HoursScope> {
  if (!serviceSlug) return { ok: true, value: { scope: '', service: undefined } };
  const svc = office.services.find((s) => s.service.slug === serviceSlug)?.service;
  if (!svc) return fail('not-found', serviceNotFound(office.office.slug, serviceSlug));
  if (!svc.serviceHours)
    return failWith('conflict', 'service-follows-office', `Layanan "${svc.title}" mengikuti jam kantor; atur jam kantor`, `The service "${svc.title}" follows the office's hours; set the office's hours`);
  return { ok: true, value: { scope: svc.slug, service: svc } };
}
