/** Who may do what with SKM data (role ids are Sigap's; see docs/COMPLAINTS-SKM.md). */
import type { Actor } from '../context.js';

/** Enter paper questionnaires (one by one, batch, XLSX import). */
const SURVEY_ENTRY_ROLES = ['admin', 'surveyor'] as const;
/** Read raw responses (XLSX export), the printable report, and set the follow-up plan. */
const SURVEY_READER_ROLES = ['admin', 'surveyor', 'kepala-dinas', 'kepala-bidang', 'auditor'] as const;

export const canEnterSurveys = (a: Actor) => a.roles.some((r) => (SURVEY_ENTRY_ROLES as readonly string[]).includes(r));
export const canReadSurveys = (a: Actor) => a.roles.some((r) => (SURVEY_READER_ROLES as readonly string[]).includes(r));
/** The follow-up plan is the office's: its head, the SKM team and the admin. */
export const canPlanFollowup = (a: Actor) => a.roles.some((r) => ['admin', 'surveyor', 'kepala-dinas'].includes(r));
