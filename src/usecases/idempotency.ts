/** Idempotency-Key binding shared by the intake use cases: the hash a key is bound to, and the refusal of a reuse. */
import { createHash } from 'node:crypto';
import { fail, type Failure, type FieldProblem } from '../domain/errors.js';
import { canonicalJson } from '../domain/util/canonical-json.js';

/** SHA-256 of who sent the request and its canonical body (key order and absent fields do not matter). */
export function requestHash(actorId: string | null, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ actor: actorId, body })).digest('hex');
}

/** The same key with another request: refused (422, as the IETF Idempotency-Key draft advises). */
export function idempotencyKeyReused(): { ok: false; error: Failure<FieldProblem> } {
  return fail('invalid', {
    field: 'Idempotency-Key',
    code: 'idempotency-key-reused',
    message: 'Idempotency-Key ini sudah dipakai untuk kiriman lain; buat kunci baru untuk kiriman baru',
    messageEn: 'This Idempotency-Key was already used for a different request; use a new key for a new request',
  });
}
