/**
 * A letter as PDF: an unsigned preview (watermarked "DRAF", no QR) for staff, or the final
 * document of a numbered letter, rendered and stored before its signature commits. The one
 * upward import of the use cases: a letter use case renders the PDF it signs.
 */
import type { Letter } from '../../db/letters-repo.js';
import { placeOf } from '../../domain/letters/case-fields.js';
import { indonesianDate } from '../../domain/letters/dates.js';
import type { FieldSet } from '../../domain/letters/fields.js';
import { renderTemplate } from '../../domain/letters/template.js';
import { validUntil } from '../../domain/letters/validity.js';
import { inspectPdfSignature, signPdf } from '../../io/pades.js';
import { renderLetterPdf, type LetterPdfInput } from '../../render/letter-pdf.js';
import type { Ctx } from '../context.js';
import type { SigningCredential } from '../signing/signing-credential.js';
import { storeLetterFile } from './letter-files.js';
import type { SignerBlock } from './signer-block.js';
import { frozenTemplate, templatesOf, verifyUrlOf } from './templates.js';

/** The kind of signature a letter carries, as printed on it. */
export type SignatureKind = { kind: 'uncertified' | 'certified'; provider: string | null };

/** The PDF input for a letter: signed (with signer, date, number and the signature's kind) or an unsigned preview. */
export function pdfInputFor(
  ctx: Ctx,
  letter: Letter,
  s: { signer: SignerBlock | null; issuedOn: string | null; validUntil: string | null; at: Date; signature?: SignatureKind | null },
): LetterPdfInput {
  const office = ctx.catalogue.officeById(letter.office_id).office;
  const t = frozenTemplate(letter);
  const base = letter.fields;
  const fields: FieldSet = {
    labels: base.labels,
    values: {
      ...base.values,
      'letter.number': letter.number,
      'letter.date': s.issuedOn ? indonesianDate(s.issuedOn) : null,
      'letter.validUntil': s.validUntil ? indonesianDate(s.validUntil) : null,
      'signer.name': s.signer?.name ?? null,
      'signer.title': s.signer?.title ?? null,
    },
  };
  const r = renderTemplate(t, fields);
  return {
    paper: letter.paper === 'F4' ? 'F4' : 'A4',
    layout: t.front.layout,
    office: { government: office.government, name: office.name, address: office.address, postalCode: office.postalCode, contacts: office.contacts },
    logo: templatesOf(ctx, office.slug).logo,
    title: r.title,
    number: letter.number,
    place: String(base.values['office.place'] ?? placeOf(office)),
    dateText: s.issuedOn ? indonesianDate(s.issuedOn) : null,
    subject: r.subject,
    addressee: r.addressee,
    blocks: r.blocks,
    validUntilText: s.validUntil ? indonesianDate(s.validUntil) : null,
    signer: s.signer ? { position: s.signer.position, name: s.signer.name, rank: s.signer.rank, nip: s.signer.nip } : null,
    verifyUrl: verifyUrlOf(ctx, letter.token),
    signature: s.signature ?? null,
    draft: !s.signer,
    at: s.at,
  };
}

export function renderPreview(ctx: Ctx, letter: Letter): Promise<Buffer> {
  return renderLetterPdf(pdfInputFor(ctx, letter, { signer: null, issuedOn: null, validUntil: null, at: new Date(letter.updated_at) }));
}

export interface Signed {
  pdf: Buffer;
  sha256: string;
  size: number;
  issuedOn: string;
  validUntil: string | null;
  signer: SignerBlock;
  signature: SignatureKind & { serial: string | null };
}

/**
 * Renders the final PDF of a numbered letter, signs it (PAdES, with the signer's credential) and
 * stores the signed bytes (before the signature commits): the file's SHA-256, the QR check and a
 * PDF reader's own check are all about the same bytes.
 */
export async function renderAndStore(ctx: Ctx, letter: Letter, signer: SignerBlock, now: string, credential: SigningCredential): Promise<Signed> {
  if (!letter.number) throw new Error('a letter is numbered before it is signed');
  const office = ctx.catalogue.officeById(letter.office_id).office;
  const issuedOn = ctx.clock.localDate(office, now);
  const until = validUntil(issuedOn, letter.validity);
  const at = new Date(now);
  const signature = { kind: credential.kind, provider: credential.provider };
  const input = pdfInputFor(ctx, letter, { signer, issuedOn, validUntil: until, at, signature });
  const kindText = credential.kind === 'certified' ? `tanda tangan elektronik tersertifikasi (${credential.provider})` : 'tanda tangan elektronik tidak tersertifikasi';
  const pdf = await (ctx.signPdf ?? signPdf)(
    await renderLetterPdf(input),
    { name: signer.name, reason: `${letter.title} ${letter.number}: ${kindText}`, location: input.place, contactInfo: input.verifyUrl, at },
    credential.signer,
  );
  // A provider's certificate is known from the signature it returned.
  const embedded = credential.serial ? null : inspectPdfSignature(pdf);
  const serial = credential.serial ?? (embedded?.present ? embedded.signerSerial : null);
  const stored = await storeLetterFile(ctx, pdf);
  return { pdf, ...stored, issuedOn, validUntil: until, signer, signature: { ...signature, serial } };
}
