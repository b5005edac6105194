/** All SQL about signing keys: office authorities, signers' certificates, their rotation and revocation. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { SigningAuthoritiesTable, SigningCertificatesTable } from './schema-signing.js';

type Q = Kysely<DB> | Transaction<DB>;

export type Authority = SigningAuthoritiesTable;
export type Certificate = SigningCertificatesTable;

/** The office's current authority: the latest generation not retired. */
export async function currentAuthority(q: Q, officeId: string): Promise<Authority | undefined> {
  return q.selectFrom('signing_authorities').selectAll().where('office_id', '=', officeId).where('retired_at', 'is', null).orderBy('generation', 'desc').limit(1).executeTakeFirst();
}

/** The office's latest authority generation (retired or not), 0 when it has none. */
export async function lastAuthorityGeneration(q: Q, officeId: string): Promise<number> {
  const r = await q.selectFrom('signing_authorities').select((eb) => eb.fn.max('generation').as('g')).where('office_id', '=', officeId).executeTakeFirst();
  return Number(r?.g ?? 0);
}

export async function authorityById(q: Q, id: string): Promise<Authority | undefined> {
  return q.selectFrom('signing_authorities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAuthority(q: Q, row: Authority): Promise<void> {
  await q.insertInto('signing_authorities').values(row).execute();
}

export async function retireAuthorities(q: Q, officeId: string, at: string): Promise<number> {
  const r = await q.updateTable('signing_authorities').set({ retired_at: at }).where('office_id', '=', officeId).where('retired_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A signer's latest certificate (the highest generation), whatever its state. */
export async function latestCertificate(q: Q, officeId: string, userId: string): Promise<Certificate | undefined> {
  return q.selectFrom('signing_certificates').selectAll().where('office_id', '=', officeId).where('user_id', '=', userId).orderBy('generation', 'desc').limit(1).executeTakeFirst();
}

export async function certificateBySerial(q: Q, serial: string): Promise<Certificate | undefined> {
  return q.selectFrom('signing_certificates').selectAll().where('serial', '=', serial).executeTakeFirst();
}

export async function insertCertificate(q: Q, row: Certificate): Promise<void> {
  await q.insertInto('signing_certificates').values(row).execute();
}

/** Marks a signer's (or, without `userId`, every signer's) current certificates superseded. */
export async function supersedeCertificates(q: Q, officeId: string, userId: string | null, at: string): Promise<number> {
  let u = q.updateTable('signing_certificates').set({ superseded_at: at }).where('office_id', '=', officeId).where('superseded_at', 'is', null);
  if (userId) u = u.where('user_id', '=', userId);
  return Number((await u.executeTakeFirst()).numUpdatedRows);
}

/** Revokes a certificate of the office that is not revoked yet; false when there is none. */
export async function revokeCertificate(q: Q, officeId: string, serial: string, r: { at: string; reason: string; by: string }): Promise<boolean> {
  const u = await q
    .updateTable('signing_certificates')
    .set({ revoked_at: r.at, revocation_reason: r.reason, revoked_by: r.by })
    .where('office_id', '=', officeId)
    .where('serial', '=', serial)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(u.numUpdatedRows) === 1;
}

export type CertificateListRow = Omit<Certificate, 'cert_pem' | 'key_sealed'> & { username: string };

/** An office's certificates, newest first, with their holders' usernames (never the keys). */
export async function certificatesOf(q: Q, officeId: string): Promise<CertificateListRow[]> {
  return q
    .selectFrom('signing_certificates')
    .innerJoin('staff_users', 'staff_users.id', 'signing_certificates.user_id')
    .select([
      'signing_certificates.id',
      'signing_certificates.office_id',
      'signing_certificates.authority_id',
      'signing_certificates.user_id',
      'signing_certificates.generation',
      'signing_certificates.serial',
      'signing_certificates.common_name',
      'signing_certificates.not_before',
      'signing_certificates.not_after',
      'signing_certificates.created_at',
      'signing_certificates.superseded_at',
      'signing_certificates.revoked_at',
      'signing_certificates.revocation_reason',
      'signing_certificates.revoked_by',
      'staff_users.username',
    ])
    .where('signing_certificates.office_id', '=', officeId)
    .orderBy('signing_certificates.created_at', 'desc')
    .orderBy('signing_certificates.generation', 'desc')
    .limit(500)
    .execute();
}
