/**
 * The steps of a letter's life that other use cases compose, each inside the caller's
 * transaction: draft (freeze the case's fields), number (transactional counter, so a rolled-back
 * transaction burns no number), render, and sign (store the PDF, record who, when and its
 * SHA-256). See docs/LETTERS.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { nextCounter } from '../../db/applications-repo.js';
import { decisionEvents, insertLetter, insertLetterEvent, staffById, updateLetterIfVersion } from '../../db/letters-repo.js';
import type { ApplicationsTable, DB } from '../../db/schema.js';
import type { LettersTable } from '../../db/schema-letters.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { caseFields, headTitle, placeOf, type Decision } from '../../domain/letters/case-fields.js';
import { indonesianDate } from '../../domain/letters/dates.js';
import { defaultSignerRole } from '../../domain/letters/documents.js';
import type { FieldSet } from '../../domain/letters/fields.js';
import { counterName, formatLetterNumber } from '../../domain/letters/numbering.js';
import { renderTemplate, type LetterTemplate } from '../../domain/letters/template.js';
import { validUntil } from '../../domain/letters/validity.js';
import type { Office, Service } from '../../domain/standards/schema.js';
import { renderLetterPdf, type LetterPdfInput } from '../../render/letter-pdf.js';
import type { Actor, Ctx } from '../context.js';
import { storeLetterFile } from './letter-files.js';
import { frozenTemplate, templatesOf, verifyUrlOf } from './templates.js';

type Trx = Transaction<DB>;

export function storedOffice(ctx: Ctx, officeId: string): StoredOffice {
  const o = ctx.catalogue.list().find((x) => x.id === officeId);
  if (!o) throw new Error(`office ${officeId} not in catalogue`);
  return o;
}

/** The printed title of a signing role: "Kepala Dinas Sosial Kota Jambi", else the role's name. */
export function roleTitle(office: Office, role: string): string {
  if (role === 'kepala-dinas') return headTitle(office);
  return office.roles.find((r) => r.id === role)?.name ?? role;
}

/** The decision a letter reports: the step being completed when it decides, else the latest. */
export async function decisionFor(trx: Trx, ctx: Ctx, input: { app: ApplicationsTable; service: Service; office: Office; current?: { stepId: string; outcomeLabel: string; note: string | undefined; actor: Actor; now: string } }): Promise<Decision> {
  const kindOf = (id: string | null) => input.service.procedure?.steps.find((s) => s.id === id);
  const deciding = new Set(['decision', 'assessment', 'verification', 'field-visit', 'check']);
  const c = input.current;
  if (c && c.note?.trim() && deciding.has(kindOf(c.stepId)?.kind ?? ''))
    return { reason: c.note.trim(), outcome: c.outcomeLabel, step: kindOf(c.stepId)?.label ?? c.stepId, date: ctx.clock.localDate(input.office, c.now), officer: c.actor.name };
  const events = await decisionEvents(trx, input.app.id);
  const pick = events.find((e) => e.note && deciding.has(kindOf(e.step_id)?.kind ?? '')) ?? events.find((e) => e.note);
  if (!pick) return { reason: null, outcome: null, step: null, date: c ? ctx.clock.localDate(input.office, c.now) : null, officer: null };
  const data = JSON.parse(pick.data) as { outcomeLabel?: string };
  return { reason: pick.note, outcome: data.outcomeLabel ?? pick.outcome, step: kindOf(pick.step_id)?.label ?? pick.step_id, date: ctx.clock.localDate(input.office, pick.at), officer: pick.actor_name };
}

/** What the archive's applicant search matches, lower-cased in JS (SQLite lower() is ASCII-only). */
export const searchText = (...parts: string[]) => parts.join(' | ').toLocaleLowerCase('id');

export interface DraftInput {
  app: ApplicationsTable;
  service: Service;
  office: StoredOffice;
  template: LetterTemplate;
  stepId: string | null;
  decision: Decision;
  actor: Actor;
  now: string;
}

/** Drafts a letter (or refreshes an unsigned draft of the same template and step). */
export async function draftLetter(trx: Trx, ctx: Ctx, d: DraftInput, existing: LettersTable[]): Promise<LettersTable> {
  const office = d.office.office;
  const applicant = JSON.parse(d.app.applicant) as Record<string, unknown>;
  const fields = caseFields({
    office,
    service: d.service,
    facts: { registrationNumber: d.app.registration_number, submittedOn: ctx.clock.localDate(office, d.app.submitted_at), channel: d.app.channel, applicant, answers: JSON.parse(d.app.answers) as Record<string, unknown> },
    decision: d.decision,
    letterType: d.template.front.letterType,
    draftedOn: ctx.clock.localDate(office, d.now),
  });
  const rendered = renderTemplate(d.template, fields);
  const signStep = d.service.procedure?.steps.find((s) => s.kind === 'sign');
  const signerRole = d.template.front.kind === 'rejection' ? defaultSignerRole(d.template) : (d.template.front.signerRole ?? signStep?.role ?? defaultSignerRole(d.template));
  const validity = d.template.front.kind === 'rejection' ? null : (d.service.product?.validity ?? null);
  const content = {
    template_source: d.template.source,
    title: rendered.title,
    subject: rendered.subject,
    holder_name: rendered.holder || d.app.applicant_name,
    holder_nik: d.app.applicant_nik,
    search_text: searchText(rendered.holder || d.app.applicant_name, d.app.applicant_name, d.app.registration_number),
    fields: JSON.stringify(fields),
    paper: d.template.front.paper,
    signer_role: signerRole,
    validity: validity ? JSON.stringify(validity) : null,
    updated_at: d.now,
  };
  const same = existing.find((l) => l.template_id === d.template.id && l.step_id === d.stepId && (l.status === 'draft' || l.status === 'ready'));
  if (same) {
    // The step was completed again (after a return): the unsigned draft takes the new facts.
    if (!(await updateLetterIfVersion(trx, same.id, same.version, content))) throw new Error('letter changed concurrently');
    await insertLetterEvent(trx, { letterId: same.id, officeId: same.office_id, type: 'redrafted', actorId: d.actor.id, actorName: d.actor.name, data: { step: d.stepId }, at: d.now });
    return { ...same, ...content, version: same.version + 1 };
  }
  const row: LettersTable = {
    id: randomUUID(),
    office_id: d.app.office_id,
    application_id: d.app.id,
    service_id: d.app.service_id,
    kind: d.template.front.kind,
    letter_type: d.template.front.letterType,
    template_id: d.template.id,
    step_id: d.stepId,
    status: 'draft',
    token: randomBytes(12).toString('base64url'),
    number: null,
    number_seq: null,
    counter: null,
    numbered_at: null,
    issued_on: null,
    valid_until: null,
    signed_at: null,
    signed_by: null,
    signer: null,
    sha256: null,
    size: null,
    revoked_at: null,
    revoked_by: null,
    revocation_reason: null,
    replaced_by: null,
    created_at: d.now,
    version: 1,
    ...content,
  };
  await insertLetter(trx, row);
  await insertLetterEvent(trx, { letterId: row.id, officeId: row.office_id, type: 'drafted', actorId: d.actor.id, actorName: d.actor.name, data: { template: d.template.id, step: d.stepId, application: d.app.registration_number }, at: d.now });
  return row;
}

/** Gives a letter its number from the office's counter, inside the caller's transaction. */
export async function assignNumber(trx: Trx, ctx: Ctx, letter: LettersTable, actor: Actor, now: string): Promise<LettersTable> {
  if (letter.number) return letter;
  const office = storedOffice(ctx, letter.office_id).office;
  const localDate = ctx.clock.localDate(office, now);
  const cfg = office.letterNumbering;
  const counter = counterName(cfg, letter.letter_type, localDate.slice(0, 4));
  const seq = await nextCounter(trx, letter.office_id, counter);
  const number = formatLetterNumber(cfg, letter.letter_type, seq, localDate);
  const set = { number, number_seq: seq, counter, numbered_at: now, updated_at: now };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) throw new LetterConflict();
  await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'numbered', actorId: actor.id, actorName: actor.name, data: { number, counter, seq }, at: now });
  return { ...letter, ...set, version: letter.version + 1 };
}

export class LetterConflict extends Error {
  constructor() {
    super('letter changed concurrently');
  }
}

export interface SignerBlock {
  userId: string;
  name: string;
  title: string;
  rank: string | null;
  nip: string | null;
  /** Printed lines above the signature. */
  position: string[];
  delegation: { id: string; kind: string; onBehalfOf: string } | null;
}

/** Who signs and how it is printed, from the signer's account and an optional delegation. */
export async function signerBlock(q: Trx | Ctx['database']['db'], office: Office, userId: string, role: string, delegation: { id: string; kind: string } | null): Promise<SignerBlock> {
  const u = await staffById(q, userId);
  if (!u) throw new Error('signer not found');
  const roles = JSON.parse(u.roles) as string[];
  const genericName = (r: string) => office.roles.find((x) => x.id === r)?.name;
  const ownTitle = u.title && !roles.some((r) => genericName(r) === u.title) ? u.title : roles.includes(role) ? roleTitle(office, role) : (genericName(roles[0] ?? '') ?? u.title ?? '');
  const onBehalfOf = roleTitle(office, role);
  const position = !delegation ? [`${ownTitle},`] : delegation.kind === 'Plt.' ? [`Plt. ${onBehalfOf},`] : [`a.n. ${onBehalfOf}`, `${ownTitle},`];
  return { userId: u.id, name: u.display_name, title: ownTitle, rank: u.rank, nip: u.nip, position, delegation: delegation ? { ...delegation, onBehalfOf } : null };
}

/** The PDF input for a letter: signed (with signer, date and number) or an unsigned preview. */
export function pdfInputFor(ctx: Ctx, letter: LettersTable, s: { signer: SignerBlock | null; issuedOn: string | null; validUntil: string | null; at: Date }): LetterPdfInput {
  const stored = storedOffice(ctx, letter.office_id);
  const office = stored.office;
  const t = frozenTemplate(letter);
  const base = JSON.parse(letter.fields) as FieldSet;
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
    logo: templatesOf(office.slug).logo,
    title: r.title,
    number: letter.number,
    place: String(base.values['office.place'] ?? placeOf(office)),
    dateText: s.issuedOn ? indonesianDate(s.issuedOn) : null,
    subject: r.subject,
    addressee: r.addressee,
    blocks: r.blocks,
    validUntilText: s.validUntil ? indonesianDate(s.validUntil) : null,
    signer: s.signer ? { position: s.signer.position, name: s.signer.name, rank: s.signer.rank, nip: s.signer.nip } : null,
    verifyUrl: verifyUrlOf(letter.token),
    draft: !s.signer,
    at: s.at,
  };
}

/** An unsigned preview (watermarked "DRAF", no QR) for staff. */
export function renderPreview(ctx: Ctx, letter: LettersTable): Promise<Buffer> {
  return renderLetterPdf(pdfInputFor(ctx, letter, { signer: null, issuedOn: null, validUntil: null, at: new Date(letter.updated_at) }));
}

export interface Signed {
  pdf: Buffer;
  sha256: string;
  size: number;
  issuedOn: string;
  validUntil: string | null;
  signer: SignerBlock;
}

/** Renders the final PDF of a numbered letter and stores it (before the signature commits). */
export async function renderAndStore(ctx: Ctx, letter: LettersTable, signer: SignerBlock, now: string): Promise<Signed> {
  if (!letter.number) throw new Error('a letter is numbered before it is signed');
  const office = storedOffice(ctx, letter.office_id).office;
  const issuedOn = ctx.clock.localDate(office, now);
  const validity = letter.validity ? (JSON.parse(letter.validity) as { value: number; unit: string }) : null;
  const until = validUntil(issuedOn, validity);
  const pdf = await renderLetterPdf(pdfInputFor(ctx, letter, { signer, issuedOn, validUntil: until, at: new Date(now) }));
  const stored = storeLetterFile(ctx, pdf);
  return { pdf, ...stored, issuedOn, validUntil: until, signer };
}

/** Records a signature on a letter whose PDF is stored; false when the letter changed meanwhile. */
export async function recordSignature(trx: Trx, letter: LettersTable, s: Signed, actor: Actor, now: string, via: string): Promise<boolean> {
  const set = {
    status: 'signed',
    signer_role: letter.signer_role,
    issued_on: s.issuedOn,
    valid_until: s.validUntil,
    signed_at: now,
    signed_by: s.signer.userId,
    signer: JSON.stringify({ name: s.signer.name, title: s.signer.title, rank: s.signer.rank, nip: s.signer.nip, position: s.signer.position, delegation: s.signer.delegation }),
    sha256: s.sha256,
    size: s.size,
    updated_at: now,
  };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) return false;
  await insertLetterEvent(trx, {
    letterId: letter.id,
    officeId: letter.office_id,
    type: 'signed',
    actorId: actor.id,
    actorName: actor.name,
    data: { number: letter.number, sha256: s.sha256, via, delegation: s.signer.delegation, signerRole: letter.signer_role },
    at: now,
  });
  return true;
}

/** Marks unsigned letters as ready for signature by their signing role. */
export async function markReady(trx: Trx, letter: LettersTable, actor: Actor, now: string, reason: string): Promise<LettersTable> {
  if (letter.status === 'ready') return letter;
  const set = { status: 'ready', signer_role: letter.signer_role, updated_at: now };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) throw new LetterConflict();
  await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'ready', actorId: actor.id, actorName: actor.name, data: { reason, signerRole: letter.signer_role }, at: now });
  return { ...letter, ...set, version: letter.version + 1 };
}

export async function markCancelled(trx: Trx, letter: LettersTable, actor: Actor, now: string, reason: string): Promise<LettersTable> {
  const set = { status: 'cancelled', revocation_reason: reason, revoked_at: now, revoked_by: actor.id, updated_at: now };
  if (!(await updateLetterIfVersion(trx, letter.id, letter.version, set))) throw new LetterConflict();
  await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'cancelled', actorId: actor.id, actorName: actor.name, data: { reason, number: letter.number }, at: now });
  return { ...letter, ...set, version: letter.version + 1 };
}

export { templatesOf };
