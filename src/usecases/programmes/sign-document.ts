/**
 * Numbers, renders and signs a round's document through the letters capability: the office's
 * letter counter and number format (no number skipped or repeated: the counter is transactional),
 * the letter PDF with letterhead and QR, the signer's PAdES key. Two signed copies are stored: the
 * full one (NIK in full) for the office and the public one (NIK masked) the QR leads to. The
 * document row, the round's new status and the audit row commit together.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { nextCounter } from '../../db/applications-repo.js';
import { insertDocument, updateRoundIfVersion, type Round } from '../../db/programmes-repo.js';
import type { DB } from '../../db/schema.js';
import { counterName, formatLetterNumber } from '../../domain/letters/numbering.js';
import type { DocumentText } from '../../domain/programmes/documents.js';
import type { DocumentKind, DocumentPerson, RoundStatus } from '../../domain/programmes/rounds.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Office } from '../../domain/standards/schema.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { renderSignedDocument } from '../letters/render-signed-document.js';
import { signerBlock } from '../letters/signer-block.js';
import { ensureSigningCredential } from '../signing/signing-credential.js';
import type { SignerBlock } from '../letters/signer-block.js';
import type { SigningCredential } from '../signing/signing-credential.js';

/** The letter type (numbering code and counter) of each document. */
export const LETTER_TYPE: Record<DocumentKind, string> = { 'berita-acara': 'berita-acara', sk: 'sk-penerima' };

export const publicDocumentUrl = (ctx: Pick<Ctx, 'publicBaseUrl'>, token: string) => `${ctx.publicBaseUrl}/program/dokumen/${token}`;

export class RoundChanged extends Error {}

export async function signDocument(
  ctx: Ctx,
  trx: Transaction<DB>,
  d: { round: Round; kind: DocumentKind; actor: Actor; signer: SignerBlock; credential: SigningCredential; people: DocumentPerson[]; text: (issuedOn: string, masked: boolean) => DocumentText; nextStatus: RoundStatus; now: string },
): Promise<{ id: string; number: string }> {
  const office = ctx.catalogue.officeById(d.round.office_id).office;
  const issuedOn = ctx.clock.localDate(office, d.now);
  const letterType = LETTER_TYPE[d.kind];
  const counter = counterName(office.letterNumbering, letterType, issuedOn.slice(0, 4));
  const seq = await nextCounter(trx, d.round.office_id, counter);
  const number = formatLetterNumber(office.letterNumbering, letterType, seq, issuedOn);
  const token = randomBytes(18).toString('base64url');
  const at = new Date(d.now);
  const render = (masked: boolean) =>
    renderSignedDocument(ctx, { office, layout: 'official-letter', text: d.text(issuedOn, masked), number, issuedOn, signer: { position: d.signer.position, name: d.signer.name, rank: d.signer.rank, nip: d.signer.nip }, verifyUrl: publicDocumentUrl(ctx, token), credential: d.credential, at });
  const full = await render(false);
  const pub = await render(true);
  const id = randomUUID();
  await insertDocument(trx, {
    id,
    round_id: d.round.id,
    office_id: d.round.office_id,
    kind: d.kind,
    number,
    number_seq: seq,
    counter,
    token,
    issued_on: issuedOn,
    signed_at: d.now,
    signed_by: d.signer.userId,
    signer: JSON.stringify({ name: d.signer.name, title: d.signer.title, position: d.signer.position, nip: d.signer.nip, rank: d.signer.rank }),
    sha256: full.sha256,
    size: full.size,
    public_sha256: pub.sha256,
    public_size: pub.size,
    people: JSON.stringify(d.people),
    created_at: d.now,
  });
  if (!(await updateRoundIfVersion(trx, d.round.id, d.round.version, { status: d.nextStatus }))) throw new RoundChanged();
  await insertAuditEvent(trx, {
    officeId: d.round.office_id,
    actor: d.actor.name,
    action: d.kind === 'sk' ? 'programme-decree-signed' : 'programme-report-signed',
    subject: `programme-round:${d.round.id}`,
    detail: { document: id, kind: d.kind, number, people: d.people.length, eligible: d.people.filter((p) => p.result === 'eligible').length, sha256: full.sha256, publicSha256: pub.sha256 },
    at: d.now,
  });
  return { id, number };
}

/**
 * The whole act of signing a round's document as `role` (under a delegation when one is in force):
 * the signer's key, then in one transaction whatever must be written first (`before`), the signer
 * block and the signed document; a round changed meanwhile answers a conflict.
 */
export async function signRound(
  ctx: Ctx,
  actor: Actor & { id: string },
  d: { round: Round; kind: DocumentKind; role: string; delegation: { id: string; kind: string } | null; people: DocumentPerson[]; nextStatus: RoundStatus; text: (office: Office, issuedOn: string, masked: boolean) => DocumentText; before?: (trx: Transaction<DB>) => Promise<void> },
): Promise<Outcome<{ id: string; number: string }>> {
  const now = nowOf(ctx).toISOString();
  const credential = await ensureSigningCredential(ctx, d.round.office_id, actor.id, now, actor.name);
  if (!credential.ok) return credential;
  const office = ctx.catalogue.officeById(d.round.office_id).office;
  try {
    const done = await ctx.database.write(async (trx) => {
      await d.before?.(trx);
      const signer = await signerBlock(trx, office, actor.id, d.role, d.delegation);
      return signDocument(ctx, trx, { round: d.round, kind: d.kind, actor, signer, credential: credential.value, people: d.people, nextStatus: d.nextStatus, now, text: (issuedOn, masked) => d.text(office, issuedOn, masked) });
    });
    return { ok: true, value: done };
  } catch (e) {
    if (e instanceof RoundChanged) return failWith('conflict', 'round-changed', 'Putaran ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this round; reload the page');
    throw e;
  }
}
