/**
 * A withdrawn case's unsigned letters are cancelled (they keep any number). Meant to be called
 * inside the withdrawal's transaction (src/usecases/applications/withdraw-application.ts), which the letters
 * capability cannot hook: withdrawal does not go through completeTask's step effects.
 */
import type { Transaction } from 'kysely';
import { lettersOfApplication } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import { isUnsigned } from '../../domain/letters/status.js';
import type { Actor } from '../context.js';
import { markCancelled } from './mark-cancelled.js';

export async function cancelLettersOfWithdrawnCase(trx: Transaction<DB>, applicationId: string, actor: Actor, now: string): Promise<number> {
  let n = 0;
  for (const l of await lettersOfApplication(trx, applicationId))
    if (isUnsigned(l.status)) {
      await markCancelled(trx, l, actor, now, 'Permohonan dibatalkan oleh pemohon');
      n++;
    }
  return n;
}
