/**
 * Administering the office's signing keys (`sigap signing ...`, docs/SIGNING.md): list them, issue
 * a signer a new certificate, revoke one (from now, or from an earlier instant when a key was
 * compromised), rotate the office authority. Every change is audited.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { staffByIdOrUsername } from '../../db/letters-repo.js';
import { certificateBySerial, certificatesOf, currentAuthority, retireAuthorities, revokeCertificate, supersedeCertificates, type Authority, type CertificateListRow } from '../../db/signing-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { accountsOffice } from '../staff/account-admin.js';
import { authorityFor, issueSignerCertificate } from './signing-credential.js';

const officeNotFound = (slug: string) => failWith('not-found', 'office-not-found', `Kantor "${slug}" tidak ditemukan`, `Office "${slug}" not found`);

function officeId(ctx: Ctx, slug: string): string | null {
  return ctx.catalogue.office(slug)?.id ?? null;
}

/** The office whose keys `actor` administers on the staff page: an admin's own (the CLI acts for any office). */
export function keysOfficeOf(ctx: Ctx, actor: Actor): Outcome<string> {
  const allowed = accountsOffice(actor);
  if (!allowed.ok) return allowed;
  if (allowed.value === null) return failWith('forbidden', 'office-admin-only', 'Kunci tanda tangan dikelola oleh admin kantor', 'Signing keys are managed by an office admin');
  return { ok: true, value: ctx.catalogue.officeById(allowed.value).office.slug };
}

export async function listSigningKeys(ctx: Ctx, slug: string): Promise<Outcome<{ authority: Authority | null; certificates: CertificateListRow[] }>> {
  const id = officeId(ctx, slug);
  if (!id) return officeNotFound(slug);
  const authority = (await currentAuthority(ctx.database.db, id)) ?? null;
  return { ok: true, value: { authority, certificates: await certificatesOf(ctx.database.db, id) } };
}

/** A new certificate for a signer of the office (after a revocation, or to rotate their key). */
export async function issueCertificateTo(ctx: Ctx, slug: string, username: string, actorName: string): Promise<Outcome<{ serial: string; notAfter: string }>> {
  const id = officeId(ctx, slug);
  if (!id) return officeNotFound(slug);
  const u = await staffByIdOrUsername(ctx.database.db, username);
  if (!u || u.officeId !== id) return failWith('not-found', 'user-not-found', `Akun "${username}" tidak ada di kantor ini`, `No account "${username}" at this office`);
  if (!u.active) return failWith('invalid', 'user-inactive', `Akun "${username}" tidak aktif`, `Account "${username}" is not active`);
  const c = await issueSignerCertificate(ctx, id, u.id, nowOf(ctx).toISOString(), actorName, 'issued-by-admin');
  return { ok: true, value: { serial: c.serial, notAfter: c.not_after } };
}

/**
 * Revokes a certificate from `since` (default now): signatures it made before stay valid
 * ("revoked after signing"); any made from `since` on are shown as not valid; it signs nothing more.
 */
export async function revokeSigningCertificate(ctx: Ctx, input: { office: string; serial: string; reason: string; since?: string }, actorName: string): Promise<Outcome<{ serial: string; revokedAt: string }>> {
  const id = officeId(ctx, input.office);
  if (!id) return officeNotFound(input.office);
  const reason = input.reason.trim();
  if (reason.length < 5) return failWith('invalid', 'reason-required', 'Tuliskan alasan pencabutan (minimal 5 huruf)', 'Write the reason for the revocation (at least 5 characters)', 'reason');
  const now = nowOf(ctx).toISOString();
  const since = input.since ? new Date(input.since) : new Date(now);
  if (Number.isNaN(since.getTime()) || since.toISOString() > now)
    return failWith('invalid', 'since-invalid', 'Waktu berlakunya pencabutan harus waktu ISO 8601 yang tidak di masa depan', 'The revocation time must be an ISO 8601 instant not in the future', 'since');
  const serial = input.serial.toLowerCase().replace(/[^0-9a-f]/g, '');
  const c = await certificateBySerial(ctx.database.db, serial);
  if (!c || c.office_id !== id) return failWith('not-found', 'certificate-not-found', `Sertifikat ${input.serial} tidak ada di kantor ini`, `No certificate ${input.serial} at this office`);
  if (c.revoked_at) return failWith('conflict', 'certificate-already-revoked', `Sertifikat ${serial} sudah dicabut pada ${c.revoked_at}`, `Certificate ${serial} was already revoked on ${c.revoked_at}`);
  const revokedAt = since.toISOString();
  await ctx.database.write(async (trx) => {
    if (!(await revokeCertificate(trx, id, serial, { at: revokedAt, reason, by: actorName }))) throw new Error('certificate changed meanwhile');
    await insertAuditEvent(trx, { officeId: id, actor: actorName, action: 'signing.certificate-revoked', subject: `signing-certificate:${serial}`, detail: { reason, since: revokedAt, recordedAt: now }, at: now });
  });
  return { ok: true, value: { serial, revokedAt } };
}

/** Retires the office authority and every current signer certificate, and creates a new authority; signers get new certificates at their next signature. */
export async function rotateAuthority(ctx: Ctx, slug: string, actorName: string): Promise<Outcome<{ serial: string; retired: number }>> {
  const id = officeId(ctx, slug);
  if (!id) return officeNotFound(slug);
  const now = nowOf(ctx).toISOString();
  const r = await ctx.database.write(async (trx) => {
    const retired = await retireAuthorities(trx, id, now);
    const superseded = await supersedeCertificates(trx, id, null, now);
    await insertAuditEvent(trx, { officeId: id, actor: actorName, action: 'signing.authority-rotated', subject: `office:${id}`, detail: { retired, superseded }, at: now });
    const a = await authorityFor(ctx, trx, id, now, actorName);
    return { serial: a.serial, retired };
  });
  return { ok: true, value: r };
}
