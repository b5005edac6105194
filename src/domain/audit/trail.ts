/**
 * Who may read the audit trail and the "who accessed this record" sections, and how much of a
 * NIK they see there. One place, so the office's permission table can take it over. Pure.
 */
import { canReadLog, maskingFor } from '../registry/access.js';

/** The head of office, the auditor and the admin: the same roles that read the registry's access log. */
export const mayReadAuditTrail = (roles: readonly string[]): boolean => canReadLog(roles);

/**
 * NIKs and KKs in the trail are shown in full only to roles that see the registry in full (head,
 * admin); the auditor's oversight needs who read which record, not the number itself (masked).
 */
export const trailShowsFullNik = (roles: readonly string[]): boolean => maskingFor(roles) === 'full';
