/** Records a shelter with its rooms (sex, category) and numbered beds; the capacity is the number of beds. Audited. */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertShelter, type BedRow } from '../../db/shelters-repo.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import type { RoomCategory, Sex } from '../../domain/shelters/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor } from './shelters-common.js';

export interface ShelterInput {
  name: string;
  address?: string;
  rooms: { name: string; sex: Sex | 'any'; category: RoomCategory; beds: number }[];
}

export async function createShelter(ctx: Ctx, actor: Actor, input: ShelterInput): Promise<Outcome<{ id: string; capacity: number }>> {
  const office = officeFor(actor, 'shelters.manage');
  if (!office.ok) return office;
  const names = input.rooms.map((r) => r.name.trim().toLowerCase());
  const problems: FieldProblem[] = input.rooms.flatMap((r, i) =>
    names.indexOf(names[i]!) !== i ? [{ field: `rooms.${i}.name`, code: 'room-duplicate', message: `Nama kamar "${r.name}" dipakai dua kali`, messageEn: `Room name "${r.name}" is used twice` }] : [],
  );
  if (problems.length) return fail('invalid', ...problems);
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  let position = 0;
  const beds: BedRow[] = input.rooms.flatMap((r) =>
    Array.from({ length: r.beds }, (_, i) => ({ id: randomUUID(), shelter_id: id, office_id: office.value, room: r.name.trim(), label: String(i + 1), sex: r.sex, category: r.category, position: position++ })),
  );
  await ctx.database.write(async (trx) => {
    await insertShelter(trx, { id, office_id: office.value, name: input.name.trim(), address: input.address?.trim() || null, created_by: actor.id!, created_at: now }, beds);
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'shelter.created', subject: `shelter:${id}`, detail: { name: input.name, rooms: input.rooms, capacity: beds.length, actorId: actor.id }, at: now });
  });
  return { ok: true, value: { id, capacity: beds.length } };
}
