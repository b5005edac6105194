/** A letter's mark on its case's timeline (signed or revoked outside a step), with a case event's defaults. */
import type { Transaction } from 'kysely';
import type { Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../context.js';
import { recordEvent, type NoticeCtx } from '../notifications/queue-notices.js';

export async function recordOnCase(trx: Transaction<DB>, ctx: NoticeCtx, letter: Letter, e: { type: string; actor: Actor; at: string; note?: string; data: Record<string, unknown> }): Promise<void> {
  await recordEvent(trx, ctx, { application_id: letter.application_id, office_id: letter.office_id, type: e.type, actor_id: e.actor.id, actor_name: e.actor.name, note: e.note ?? null, data: e.data, at: e.at });
}
