/** Logs a basic service given to a client in residence (meals, clothing, health supplies, guidance): an event of the stay, audited. */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findStay, insertShelterEvent } from '../../db/shelters-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import type { ServiceKind } from '../../domain/shelters/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor, stayNotFound } from './shelters-common.js';

export async function logBasicService(ctx: Ctx, actor: Actor, stayId: string, input: { kind: ServiceKind; note?: string }): Promise<Outcome<{ kind: ServiceKind; at: string }>> {
  const office = officeFor(actor, 'shelters.admit');
  if (!office.ok) return office;
  const s = await findStay(ctx.database.db, office.value, stayId);
  if (!s) return stayNotFound();
  if (s.state !== 'in-residence') return fail('conflict', { field: 'kind', code: 'not-in-residence', message: 'Klien tidak sedang tinggal di rumah singgah', messageEn: 'The client is not in residence' });
  const at = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await insertShelterEvent(trx, { stay_id: s.id, office_id: s.office_id, type: 'service', actor_id: actor.id, actor_name: actor.name, data: { kind: input.kind, note: input.note ?? null }, at });
    await insertAuditEvent(trx, { officeId: s.office_id, actor: actor.name, action: 'shelter.service', subject: `shelter-stay:${s.id}`, detail: { kind: input.kind, actorId: actor.id }, at });
  });
  return { ok: true, value: { kind: input.kind, at } };
}
