/**
 * The public tracking page's read model: the case's public status, the letters the applicant may
 * see (signed ones to download, revoked ones with the reason, others as "waiting for signature"),
 * and, once completed, the one-time satisfaction survey.
 */
import { lettersOfApplication } from '../../db/letters-repo.js';
import type { Case } from '../../db/applications-repo.js';
import type { Ctx } from '../context.js';
import { surveyAnswered } from '../surveys/survey-answered.js';
import { surveyUrlFor } from '../surveys/survey-link.js';
import { publicStatus, type PublicStatus } from './public-status.js';
import { serviceOfCase } from './service-of-case.js';
import { queuePlacesOfCase, type CaseQueuePlace } from '../programmes/queue-proposal.js';

export interface TrackedCase {
  status: PublicStatus;
  letters: { id: string; title: string; number: string | null; status: string; issuedOn: string | null; validUntil: string | null; token: string; revocationReason: string | null }[];
  survey: { answered: true } | { answered: false; path: string } | null;
  /** While the file is returned: the service's documents, which the applicant may send again online. */
  documents: { id: string; label: string }[];
  /** Places the case holds in a programme's quota queue (JKN-KIS), with the position. */
  queue: CaseQueuePlace[];
}

export async function trackCase(ctx: Ctx, app: Case): Promise<TrackedCase> {
  const letters = (await lettersOfApplication(ctx.database.db, app.id))
    .filter((l) => l.status !== 'cancelled' && l.status !== 'draft')
    .map((l) => ({ id: l.id, title: l.title, number: l.number, status: l.status, issuedOn: l.issued_on, validUntil: l.valid_until, token: l.token, revocationReason: l.revocation_reason }));
  const survey: TrackedCase['survey'] =
    app.status !== 'completed' ? null : (await surveyAnswered(ctx, app.id)) ? { answered: true } : { answered: false, path: await surveyUrlFor(ctx, app.id, null) };
  const documents =
    app.status === 'waiting-applicant' ? (await serviceOfCase(ctx, app.service_version_id)).requirements.filter((r) => r.kind === 'document').map((r) => ({ id: r.id, label: r.label })) : [];
  return { status: await publicStatus(ctx, app), letters, survey, documents, queue: await queuePlacesOfCase(ctx, app.office_id, app.registration_number) };
}
