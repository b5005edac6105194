/** Records a signature on a letter whose PDF is stored, inside the caller's transaction. */
import type { Transaction } from 'kysely';
import { insertLetterEvent, updateLetterIfVersion, type Letter } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../context.js';
import { LetterConflict } from './conflict.js';
import type { Signed } from './render-letter.js';

/** Who, when, the file's SHA-256 and the certificate that signed it; a letter changed meanwhile aborts the transaction (LetterConflict). */
export async function recordSignature(trx: Transaction<DB>, letter: Letter, s: Signed, actor: Actor, now: string, via: string): Promise<void> {
  const { name, title, rank, nip, position, delegation } = s.signer;
  const set = {
    status: 'signed' as const,
    signer_role: letter.signer_role,
    issued_on: s.issuedOn,
    valid_until: s.validUntil,
    signed_at: now,
    signed_by: s.signer.userId,
    signer: { name, title, rank, nip, position, delegation },
    sha256: s.sha256,
    size: s.size,
    signature_kind: s.signature.kind,
    signature_provider: s.signature.provider,
    signing_cert_serial: s.signature.serial,
    updated_at: now,
  };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) throw new LetterConflict();
  await insertLetterEvent(trx, {
    letterId: letter.id,
    officeId: letter.office_id,
    type: 'signed',
    actorId: actor.id,
    actorName: actor.name,
    data: { number: letter.number, sha256: s.sha256, via, delegation: s.signer.delegation, signerRole: letter.signer_role, signature: s.signature },
    at: now,
  });
}
