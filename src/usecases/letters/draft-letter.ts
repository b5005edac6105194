/**
 * Drafting a letter inside the caller's transaction (a step's effects): the case's fields are
 * frozen into it with the decision it reports, so later changes to the case never alter it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { decisionEvents, insertLetter, insertLetterEvent, updateLetterIfVersion, type Letter, type LetterChanges } from '../../db/letters-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import type { ApplicationsTable, DB } from '../../db/schema.js';
import { caseFields, type Decision } from '../../domain/letters/case-fields.js';
import { defaultSignerRole } from '../../domain/letters/documents.js';
import { isUnsigned } from '../../domain/letters/status.js';
import { renderTemplate, type LetterTemplate } from '../../domain/letters/template.js';
import type { Office, Service } from '../../domain/standards/schema.js';
import type { Actor, Ctx } from '../context.js';
import { LetterConflict } from './conflict.js';

type Trx = Transaction<DB>;

const DECIDING = new Set(['decision', 'assessment', 'verification', 'field-visit', 'check']);

/** The decision a letter reports: the step being completed when it decides, else the latest. */
export async function decisionFor(trx: Trx, ctx: Ctx, input: { app: ApplicationsTable; service: Service; office: Office; current?: { stepId: string; outcomeLabel: string; note: string | undefined; actor: Actor; now: string } }): Promise<Decision> {
  const kindOf = (id: string | null) => input.service.procedure?.steps.find((s) => s.id === id);
  const c = input.current;
  if (c && c.note?.trim() && DECIDING.has(kindOf(c.stepId)?.kind ?? ''))
    return { reason: c.note.trim(), outcome: c.outcomeLabel, step: kindOf(c.stepId)?.label ?? c.stepId, date: ctx.clock.localDate(input.office, c.now), officer: c.actor.name };
  const events = await decisionEvents(trx, input.app.id);
  const pick = events.find((e) => e.note && DECIDING.has(kindOf(e.stepId)?.kind ?? '')) ?? events.find((e) => e.note);
  if (!pick) return { reason: null, outcome: null, step: null, date: c ? ctx.clock.localDate(input.office, c.now) : null, officer: null };
  return { reason: pick.note, outcome: pick.outcomeLabel ?? pick.outcome, step: kindOf(pick.stepId)?.label ?? pick.stepId, date: ctx.clock.localDate(input.office, pick.at), officer: pick.actorName };
}

/** What the archive's applicant search matches, lower-cased in JS (SQLite lower() is ASCII-only). */
const searchText = (...parts: string[]) => parts.join(' | ').toLocaleLowerCase('id');

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
export async function draftLetter(trx: Trx, ctx: Ctx, d: DraftInput, existing: Letter[]): Promise<Letter> {
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
  const rejection = d.template.front.kind === 'rejection';
  const signerRole = rejection ? defaultSignerRole(d.template) : (d.template.front.signerRole ?? signStep?.role ?? defaultSignerRole(d.template));
  const content = {
    template_source: d.template.source,
    title: rendered.title,
    subject: rendered.subject,
    holder_name: rendered.holder || d.app.applicant_name,
    holder_nik: d.app.applicant_nik,
    search_text: searchText(rendered.holder || d.app.applicant_name, d.app.applicant_name, d.app.registration_number),
    fields,
    paper: d.template.front.paper,
    signer_role: signerRole,
    validity: rejection ? null : (d.service.product?.validity ?? null),
    updated_at: d.now,
  } satisfies LetterChanges;
  const same = existing.find((l) => l.template_id === d.template.id && l.step_id === d.stepId && isUnsigned(l.status));
  if (same) {
    // The step was completed again (after a return): the unsigned draft takes the new facts.
    if (!(await updateLetterIfVersion(trx, same.id, same.version, content))) throw new LetterConflict();
    await insertLetterEvent(trx, { letterId: same.id, officeId: same.office_id, type: 'redrafted', actorId: d.actor.id, actorName: d.actor.name, data: { step: d.stepId }, at: d.now });
    return { ...same, ...content, version: same.version + 1 };
  }
  const letter: Letter = {
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
    signature_kind: null,
    signature_provider: null,
    signing_cert_serial: null,
    revoked_at: null,
    revoked_by: null,
    revocation_reason: null,
    replaced_by: null,
    created_at: d.now,
    version: 1,
    ...content,
  };
  await insertLetter(trx, letter);
  await insertLetterEvent(trx, { letterId: letter.id, officeId: letter.office_id, type: 'drafted', actorId: d.actor.id, actorName: d.actor.name, data: { template: d.template.id, step: d.stepId, application: d.app.registration_number }, at: d.now });
  return letter;
}
