/** The cases a programme round may draw applicants from: open or completed cases of its linked service, decoded. */
import type { Kysely, Transaction } from 'kysely';
import { applicantsOfService as casesOf } from '../../db/programmes-repo.js';
import type { DB } from '../../db/schema.js';
import { OPEN_CASE_STATUSES } from '../../domain/applications/status.js';

/** Rejected and withdrawn cases are no candidates; open and completed ones are. */
const DRAWN_STATUSES = [...OPEN_CASE_STATUSES, 'completed'] as const;

export const applicantsOfService = (q: Kysely<DB> | Transaction<DB>, officeId: string, serviceId: string, limit: number) => casesOf(q, officeId, serviceId, DRAWN_STATUSES, limit);

export function applicantNiks(rows: Awaited<ReturnType<typeof applicantsOfService>>) {
  return rows.map((r) => ({ nik: r.applicant_nik!, name: r.applicant_name, registrationNumber: r.registration_number, answers: JSON.parse(r.answers) as Record<string, unknown> }));
}
