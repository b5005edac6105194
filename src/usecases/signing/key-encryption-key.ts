/**
 * The key that seals signing keys at rest. ONE function on purpose: when the server's secrets
 * move into a key file of their own, only this line changes (the sealed keys are then re-sealed).
 */
import { join } from 'node:path';
import { readOrCreateKeyFile } from '../../io/sealed-keys.js';
import type { Ctx } from '../context.js';

export function keyEncryptionKey(ctx: Pick<Ctx, 'dataDir'>): Buffer {
  return readOrCreateKeyFile(join(ctx.dataDir, 'keys', 'signing-keys.key'));
}
