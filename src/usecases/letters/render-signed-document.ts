/**
 * A numbered document outside a case (a programme round's berita acara or SK, a disaster aid
 * handover's berita acara) rendered on the office letterhead with its QR code, PAdES-signed with the
 * signer's credential and stored content-addressed. One copy per call: the caller renders the full
 * and the public (masked) copy from its own words.
 */
import type { Office } from '../../domain/standards/schema.js';
import type { Block } from '../../domain/letters/template.js';
import { placeOf } from '../../domain/letters/case-fields.js';
import { indonesianDate } from '../../domain/letters/dates.js';
import { signPdf } from '../../io/pades.js';
import { renderLetterPdf } from '../../render/letter-pdf.js';
import type { Ctx } from '../context.js';
import type { SigningCredential } from '../signing/signing-credential.js';
import { storeLetterFile } from './letter-files.js';
import { templatesOf } from './templates.js';

export interface SignedDocumentInput {
  office: Office;
  layout: 'official-letter' | 'certificate';
  text: { title: string; subject: string; blocks: Block[] };
  number: string;
  issuedOn: string;
  signer: { position: string[]; name: string; rank: string | null; nip: string | null };
  verifyUrl: string;
  credential: SigningCredential;
  at: Date;
}

export async function renderSignedDocument(ctx: Ctx, d: SignedDocumentInput) {
  const office = d.office;
  const input = {
    paper: 'F4' as const,
    layout: d.layout,
    office: { government: office.government, name: office.name, address: office.address, postalCode: office.postalCode, contacts: office.contacts },
    logo: templatesOf(ctx, office.slug).logo,
    title: d.text.title,
    number: d.number,
    place: placeOf(office),
    dateText: indonesianDate(d.issuedOn),
    subject: d.text.subject,
    addressee: [],
    blocks: d.text.blocks,
    validUntilText: null,
    signer: d.signer,
    verifyUrl: d.verifyUrl,
    signature: { kind: d.credential.kind, provider: d.credential.provider },
    draft: false,
    at: d.at,
  };
  const pdf = await (ctx.signPdf ?? signPdf)(await renderLetterPdf(input), { name: d.signer.name, reason: `${d.text.title} ${d.number}`, location: input.place, contactInfo: d.verifyUrl, at: d.at }, d.credential.signer);
  return await storeLetterFile(ctx, pdf);
}
