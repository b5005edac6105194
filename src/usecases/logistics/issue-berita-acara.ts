/**
 * Issues one numbered berita acara of disaster logistics inside the caller's transaction: the next
 * number of the office's "berita-acara" register (no number skipped or repeated), the text on the
 * letterhead with its QR code, signed by the recording officer; a public copy when the text holds
 * personal data to mask. Shared by handovers, receipts and write-offs.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { nextCounter } from '../../db/applications-repo.js';
import type { DB } from '../../db/schema.js';
import type { Block } from '../../domain/letters/template.js';
import { counterName, formatLetterNumber } from '../../domain/letters/numbering.js';
import type { Office } from '../../domain/standards/schema.js';
import type { Ctx } from '../context.js';
import { renderSignedDocument } from '../letters/render-signed-document.js';
import { signerBlock, type SignerBlock } from '../letters/signer-block.js';
import type { SigningCredential } from '../signing/signing-credential.js';

/** The letter type every logistics berita acara is numbered as (the offices' "berita-acara" codes). */
export const BERITA_ACARA_LETTER_TYPE = 'berita-acara';
export const beritaAcaraUrl = (ctx: Pick<Ctx, 'publicBaseUrl'>, token: string) => `${ctx.publicBaseUrl}/logistik/berita-acara/${token}`;

export interface Issued {
  number: string;
  seq: number;
  counter: string;
  token: string;
  issuedOn: string;
  sha256: string;
  /** The masked copy's hash, or the full copy's when nothing is masked. */
  publicSha256: string;
  signer: SignerBlock;
}

export async function issueBeritaAcara(
  ctx: Ctx,
  trx: Transaction<DB>,
  d: { office: Office; officeId: string; userId: string; role: string; credential: SigningCredential; now: string; party: string; text: (signer: SignerBlock, issuedOn: string, masked: boolean) => { title: string; subject: string; blocks: Block[] }; publicCopy: boolean },
): Promise<Issued> {
  const signer = await signerBlock(trx, d.office, d.userId, d.role, null);
  const issuedOn = ctx.clock.localDate(d.office, d.now);
  const counter = counterName(d.office.letterNumbering, BERITA_ACARA_LETTER_TYPE, issuedOn.slice(0, 4));
  const seq = await nextCounter(trx, d.officeId, counter);
  const number = formatLetterNumber(d.office.letterNumbering, BERITA_ACARA_LETTER_TYPE, seq, issuedOn);
  const token = randomBytes(18).toString('base64url');
  const at = new Date(d.now);
  const render = (masked: boolean) =>
    // A berita acara is headed by its title and number, not by a letter's Nomor/Sifat/Perihal table.
    renderSignedDocument(ctx, { office: d.office, layout: 'certificate', text: d.text(signer, issuedOn, masked), number, issuedOn, signer: { position: [d.party, ...signer.position], name: signer.name, rank: signer.rank, nip: signer.nip }, verifyUrl: beritaAcaraUrl(ctx, token), credential: d.credential, at });
  const full = await render(false);
  const pub = d.publicCopy ? await render(true) : full;
  return { number, seq, counter, token, issuedOn, sha256: full.sha256, publicSha256: pub.sha256, signer };
}
