/** A letter's mark on its case's timeline (signed or revoked outside a step), with a case event's defaults. */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { insertEvent } from '../../db/applications-repo.js';
import type { Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../context.js';

export async function recordOnCase(trx: Transaction<DB>, letter: Letter, e: { type: string; actor: Actor; at: string; note?: string; data: Record<string, unknown> }): Promise<void> {
  await insertEvent(trx, {
    id: randomUUID(),
    application_id: letter.application_id,
    office_id: letter.office_id,
    type: e.type,
    step_id: null,
    outcome: null,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    note: e.note ?? null,
    data: JSON.stringify(e.data),
    sla_effect: null,
    at: e.at,
  });
}
