/** Who may do what with SKM data: the permission table's surveys.* entries (domain/staff/permissions.ts; see docs/COMPLAINTS-SKM.md). */
import { may } from '../../domain/staff/permissions.js';
import type { Actor } from '../context.js';

/** Enter paper questionnaires (one by one, batch, XLSX import). */
export const canEnterSurveys = (a: Actor) => may(a.roles, 'surveys.enter');
/** Read raw responses (XLSX export) and the printable report. */
export const canReadSurveys = (a: Actor) => may(a.roles, 'surveys.read');
/** The follow-up plan is the office's: its head, the SKM team and the admin. */
export const canPlanFollowup = (a: Actor) => may(a.roles, 'surveys.plan');
