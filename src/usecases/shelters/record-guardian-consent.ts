/**
 * A parent's or guardian's consent to process a child's data in the shelter (UU 27/2022 Pasal 25:
 * children's data is processed with the consent of their parent or guardian; DOMAIN.md §2(d)9): who,
 * their relation to the child, when it was given. Only for a child's stay; audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertConsent, insertShelterEvent } from '../../db/shelters-repo.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { bad, stayToActOn } from './shelters-common.js';

export interface ConsentInput {
  guardianName: string;
  /** "ibu", "ayah", "wali (paman)", "kepala panti asal" … */
  relation: string;
  /** When the consent was given (now unless given; never in the future). */
  givenAt?: string;
}

export async function recordGuardianConsent(ctx: Ctx, actor: Actor, stayId: string, input: ConsentInput): Promise<Outcome<{ id: string; givenAt: string }>> {
  const found = await stayToActOn(ctx, actor, 'shelters.terminate', stayId);
  if (!found.ok) return found;
  const { stay: s, now, child } = found.value;
  if (!child)
    return fail('conflict', bad('guardianName', 'not-a-child', 'Persetujuan wali hanya untuk klien anak', "A guardian's consent is only for a child client"));
  const problems: FieldProblem[] = [];
  if (input.guardianName.trim().length < 3) problems.push(bad('guardianName', 'guardian-required', 'Isi nama orang tua/wali yang memberi persetujuan', 'Give the name of the parent or guardian who consents'));
  if (input.relation.trim().length < 2) problems.push(bad('relation', 'relation-required', 'Isi hubungan dengan anak (mis. ibu, ayah, wali)', 'Give the relation to the child (e.g. mother, father, guardian)'));
  const givenAt = input.givenAt ? new Date(input.givenAt).toISOString() : now;
  if (givenAt > now) problems.push(bad('givenAt', 'given-future', 'Waktu persetujuan tidak boleh di masa depan', 'The consent cannot be given in the future'));
  if (problems.length) return fail('invalid', ...problems);
  const id = randomUUID();
  const data = { guardianName: input.guardianName.trim(), relation: input.relation.trim(), givenAt };
  await ctx.database.write(async (trx) => {
    await insertConsent(trx, { id, office_id: s.office_id, stay_id: s.id, guardian_name: data.guardianName, relation: data.relation, given_at: givenAt, recorded_by: actor.id!, recorded_at: now });
    await insertShelterEvent(trx, { stay_id: s.id, office_id: s.office_id, type: 'guardian-consent', actor_id: actor.id, actor_name: actor.name, data, at: now });
    await insertAuditEvent(trx, { officeId: s.office_id, actor: actor.name, action: 'shelter.guardian-consent', subject: `shelter-stay:${s.id}`, detail: { ...data, actorId: actor.id }, at: now });
  });
  return { ok: true, value: { id, givenAt } };
}
