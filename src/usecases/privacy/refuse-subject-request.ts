/**
 * Refuses a data-subject request with a recorded reason: UU 27/2022 Pasal 32 obliges the office
 * to refuse access that endangers the person or others ("membahayakan"). The reason is audited and
 * shown to the person on their request's status page.
 */
import { fail, type Outcome } from '../../domain/errors.js';
import { REFUSAL_MAX, REFUSAL_MIN } from '../../domain/privacy/index.js';
import type { Actor, Ctx } from '../context.js';
import { closeRequest, openRequestFor, type SubjectRequestDto } from './subject-requests.js';

export async function refuseSubjectRequest(ctx: Ctx, actor: Actor, id: string, reason: string): Promise<Outcome<SubjectRequestDto>> {
  const found = await openRequestFor(ctx, actor, id);
  if (!found.ok) return found;
  const text = reason.trim();
  if (text.length < REFUSAL_MIN || text.length > REFUSAL_MAX)
    return fail('invalid', {
      field: 'reason',
      code: 'refusal-reason',
      message: `Tuliskan alasan penolakan (${REFUSAL_MIN}–${REFUSAL_MAX} karakter); alasan ini ditunjukkan kepada pemohon`,
      messageEn: `Write the reason for refusing (${REFUSAL_MIN}–${REFUSAL_MAX} characters); the person is shown it`,
    });
  return closeRequest(ctx, actor, found.value, { status: 'refused', refusal_reason: text }, { reason: text });
}
