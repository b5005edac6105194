/**
 * Registers a request for one's own data and its processing record (UU 27/2022 Pasal 32), due 72
 * calendar hours after receipt. On the public page the person proves who they are with the
 * tracking code of one of their own cases (or of a complaint about one): a wrong code and an
 * unknown NIK get the same refusal after the same work, so the form reveals nobody's files. At the
 * counter an officer who has seen the KTP says so (recorded with their name in the audit trail).
 */
import { randomUUID } from 'node:crypto';
import { nextCounter } from '../../db/applications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertSubjectRequest, proofsOfNik } from '../../db/privacy-repo.js';
import { trackingCodeFor, trackingCodeHash } from '../../domain/applications/codes.js';
import { fail, failWith, type Outcome, type Problem } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/index.js';
import { stripSeparators } from '../../domain/identity/nik.js';
import { officeLocal, requestNumber, subjectRequestAccess, subjectRequestDue } from '../../domain/privacy/index.js';
import { readsOnly } from '../../domain/staff/read-only.js';
import { officeNotFound } from '../../domain/standards/not-found.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { COMPLAINT_SECRET } from '../complaints/file-complaint.js';
import { serverSecret } from '../server-secret.js';
import { REQUEST_SECRET } from './subject-requests.js';

export interface SubjectRequestInput {
  office: string;
  nik: string;
  name: string;
  contact: string;
  /** Public: the tracking code of one of the person's cases or complaints. */
  trackingCode?: string;
  /** Counter: the officer saw the person's KTP. */
  identityChecked?: boolean;
}

export interface RegisteredRequest {
  id: string;
  number: string;
  trackingCode: string;
  dueAt: string;
  dueAtLocal: string;
}

/** The one refusal of a public request whose NIK and code do not belong together (or whose NIK has no files here). */
export const identityNotShown = () =>
  failWith('invalid', 'identity-not-shown', 'NIK dan kode pelacakan tidak cocok dengan berkas di kantor ini', 'The NIK and tracking code do not match a file at this office', 'trackingCode');

const problem = (field: string, code: string, message: string, messageEn: string): Problem => ({ field, code, message, messageEn });

export async function registerSubjectRequest(ctx: Ctx, input: SubjectRequestInput, actor: Actor): Promise<Outcome<RegisteredRequest>> {
  const office = ctx.catalogue.office(input.office);
  if (!office) return fail('not-found', officeNotFound(input.office, 'office'));
  const staff = actor.id !== null;
  if (staff && actor.officeId !== office.id) return fail('not-found', officeNotFound(input.office, 'office'));
  if (staff && (readsOnly(actor.roles) || !subjectRequestAccess(actor.roles).record))
    return failWith('forbidden', 'not-a-request-recorder', 'Permintaan data pribadi dicatat oleh petugas loket, kepala dinas atau administrator', 'Personal-data requests are recorded by the front office, the head of office or an administrator');

  const nik = stripSeparators(input.nik);
  const name = input.name.trim();
  const contact = input.contact.trim();
  const problems: Problem[] = [];
  if (!/^\d{16}$/.test(nik)) problems.push(problem('nik', 'nik-format', 'NIK harus 16 angka', 'The NIK must be 16 digits'));
  if (!name) problems.push(problem('name', 'required', 'Nama wajib diisi', 'The name is required'));
  if (!contact) problems.push(problem('contact', 'required', 'Nomor HP atau e-mail wajib diisi agar kami dapat mengabari Anda', 'A mobile number or e-mail is required so we can tell you'));
  if (staff && input.identityChecked !== true)
    problems.push(problem('identityChecked', 'identity-not-checked', 'Periksa KTP pemohon lalu centang "identitas diperiksa"', 'Check the person\'s KTP, then tick "identity checked"'));
  const code = (input.trackingCode ?? '').trim().toUpperCase();
  if (!staff && !/^[A-Z0-9]{8}$/.test(code)) problems.push(problem('trackingCode', 'tracking-code-format', 'Kode pelacakan terdiri dari 8 huruf/angka (lihat tanda terima Anda)', 'The tracking code is 8 letters/digits (see your receipt)'));
  if (problems.length) return fail('invalid', ...problems);

  let proof: Record<string, unknown>;
  if (staff) proof = { kind: 'ktp-seen', by: actor.name, byId: actor.id };
  else {
    // Always the same work: both hashes, both queries, whatever the NIK.
    const [caseHash, complaintHash] = [trackingCodeHash(await serverSecret(ctx, 'tracking'), code), trackingCodeHash(await serverSecret(ctx, COMPLAINT_SECRET), code)];
    const own = await proofsOfNik(ctx.database.db, office.id, nik, 1000);
    const byCase = own.cases.find((c) => c.tracking_code_hash === caseHash);
    const byComplaint = own.complaints.find((c) => c.tracking_code_hash === complaintHash);
    if (!byCase && !byComplaint) return identityNotShown();
    proof = byCase ? { kind: 'tracking-code', record: 'application', number: byCase.registration_number } : { kind: 'tracking-code', record: 'complaint', number: byComplaint!.receipt_number };
  }

  const now = nowOf(ctx).toISOString();
  const dueAt = subjectRequestDue(now);
  const id = randomUUID();
  const secret = await serverSecret(ctx, REQUEST_SECRET);
  const trackingCode = trackingCodeFor(secret, id);
  const year = ctx.clock.localDate(office.office, now).slice(0, 4);
  let number = '';
  await ctx.database.write(async (trx) => {
    number = requestNumber(office.office.registrationCode, year, await nextCounter(trx, office.id, `subject-request:${year}`));
    await insertSubjectRequest(trx, {
      id,
      office_id: office.id,
      number,
      tracking_code_hash: trackingCodeHash(secret, trackingCode),
      channel: staff ? 'counter' : 'website',
      nik,
      name,
      contact,
      proof: JSON.stringify(proof),
      status: 'open',
      received_at: now,
      due_at: dueAt,
      closed_at: null,
      closed_by: null,
      refusal_reason: null,
      export_json: null,
      export_sha256: null,
      created_by: actor.id,
      version: 1,
    });
    await insertAuditEvent(trx, {
      officeId: office.id,
      actor: actor.name,
      action: 'privacy.request',
      subject: `subject-request:${id}`,
      detail: { number, channel: staff ? 'counter' : 'website', nik: maskNik(nik), proof, actorId: actor.id },
      at: now,
    });
  });
  return { ok: true, value: { id, number, trackingCode, dueAt, dueAtLocal: officeLocal(dueAt, office.office.timezone) } };
}
