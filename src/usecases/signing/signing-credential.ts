/**
 * The key a signer signs letters with. Uncertified mode: the signer's certificate from the
 * office's own authority, both created on first use (docs/SIGNING.md); a certificate near its end
 * is replaced by a new one; a revoked certificate signs nothing until an administrator issues a
 * new one (`sigap signing issue`).
 */
import { createHash, createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { staffById } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import { authorityById, currentAuthority, insertAuthority, insertCertificate, lastAuthorityGeneration, latestCertificate, supersedeCertificates, type Authority, type Certificate } from '../../db/signing-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { localCmsSigner, type CmsSigner } from '../../io/pades.js';
import type { ProviderRefusal, SigningProvider } from '../../io/signing-provider.js';
import { seal, unseal } from '../../io/sealed-keys.js';
import { issueCertificate } from '../../io/x509.js';
import type { Ctx } from '../context.js';
import { keyEncryptionKey } from './key-encryption-key.js';

type Q = Kysely<DB> | Transaction<DB>;

/** How long what sigap issues lasts; a signer's certificate is replaced a day before it ends. */
export const AUTHORITY_YEARS = 10;
export const SIGNER_YEARS = 2;
const RENEW_BEFORE_MS = 24 * 3600 * 1000;

export interface SigningCredential {
  kind: 'uncertified' | 'certified';
  /** A certified provider's name; null for the office's own authority. */
  provider: string | null;
  /** The signing certificate's serial; a provider's is known only from the CMS it returns (null until then). */
  serial: string | null;
  commonName: string;
  signer: CmsSigner;
}

// Module-level on purpose: keyed by the sealed key text and the hash of the key that opens it,
// both immutable, so an unsealed key never outlives what it was read from.
const unsealed = new Map<string, KeyObject>();
function keyOf(ctx: Pick<Ctx, 'dataDir'>, row: { key_sealed: string; serial: string }): KeyObject {
  const kek = keyEncryptionKey(ctx);
  const k = `${createHash('sha256').update(kek).digest('hex')}:${row.key_sealed}`;
  let key = unsealed.get(k);
  if (!key) {
    key = createPrivateKey(unseal(kek, row.key_sealed, row.serial));
    if (unsealed.size >= 200) unsealed.clear();
    unsealed.set(k, key);
  }
  return key;
}

const usable = (c: Certificate | undefined, now: string): c is Certificate => !!c && !c.revoked_at && !c.superseded_at && Date.parse(c.not_after) - RENEW_BEFORE_MS > Date.parse(now);

export const revokedRefusal = (c: Certificate) =>
  fail('forbidden', {
    code: 'signing-certificate-revoked',
    message: `Sertifikat tanda tangan elektronik Anda (nomor seri ${c.serial}) telah dicabut pada ${c.revoked_at!.slice(0, 10)}${c.revocation_reason ? ` (${c.revocation_reason})` : ''}. Surat tidak ditandatangani dan nomornya tetap; minta administrator menerbitkan sertifikat baru.`,
    messageEn: `Your electronic signature certificate (serial ${c.serial}) was revoked on ${c.revoked_at!.slice(0, 10)}${c.revocation_reason ? ` (${c.revocation_reason})` : ''}. The letter is not signed and keeps its number; ask an administrator to issue a new certificate.`,
  });

async function credentialOf(ctx: Pick<Ctx, 'dataDir'>, q: Q, c: Certificate): Promise<SigningCredential> {
  const ca = await authorityById(q, c.authority_id);
  if (!ca) throw new Error(`certificate ${c.serial} has no authority`);
  return { kind: 'uncertified', provider: null, serial: c.serial, commonName: c.common_name, signer: localCmsSigner([c.cert_pem, ca.cert_pem], keyOf(ctx, c)) };
}

/** A provider's refusal, thrown out of the PDF signing and caught where the letter is reported unsigned. */
export class ProviderRefused extends Error {
  constructor(readonly refusal: ProviderRefusal) {
    super(refusal.messageEn);
  }
}

/**
 * A certified signature: the provider signs with the signer's certificate, authenticated by the
 * signer's NIK and passphrase at the provider (used for this request only, never stored).
 */
export function providerCredential(provider: SigningProvider, account: { nik: string; passphrase: string }, commonName: string): SigningCredential {
  return {
    kind: 'certified',
    provider: provider.name,
    serial: null,
    commonName,
    signer: {
      reserve: provider.reserve,
      async cms(digest, at, label) {
        const r = await provider.sign({ digest, at, nik: account.nik, passphrase: account.passphrase, documentName: label });
        if (!r.ok) throw new ProviderRefused(r.refusal);
        return r.cms;
      },
    },
  };
}

/** Inside a batch's transaction: is `serial` still the signer's usable certificate? (Null: yes; else why not.) */
export async function certificateStillUsable(q: Q, officeId: string, userId: string, serial: string, now: string) {
  const c = await latestCertificate(q, officeId, userId);
  if (c?.revoked_at) return revokedRefusal(c).error.problems[0]!;
  return usable(c, now) && c.serial === serial ? null : certificateReplaced();
}

export const certificateReplaced = () => ({
  code: 'signing-certificate-replaced',
  message: 'Sertifikat tanda tangan Anda diganti saat penandatanganan berlangsung; tanda tangani surat ini sekali lagi',
  messageEn: 'Your signing certificate was replaced while signing; sign this letter again',
});

/** Inside a signing transaction: the signer's usable certificate, or why they may not sign (nothing is issued here). */
export async function signingCredentialIn(ctx: Pick<Ctx, 'dataDir'>, q: Q, officeId: string, userId: string, now: string): Promise<Outcome<SigningCredential>> {
  const c = await latestCertificate(q, officeId, userId);
  if (c?.revoked_at) return revokedRefusal(c);
  if (!usable(c, now)) return fail('conflict', { code: 'signing-certificate-missing', message: 'Sertifikat penanda tangan belum tersedia; ulangi penandatanganan', messageEn: 'The signer has no certificate yet; sign again' });
  return { ok: true, value: await credentialOf(ctx, q, c) };
}

/** Before signing (outside any transaction): the signer's certificate, issued now if they have none or it is ending. */
export async function ensureSigningCredential(ctx: Ctx, officeId: string, userId: string, now: string, actorName: string): Promise<Outcome<SigningCredential>> {
  const db = ctx.database.db;
  const c = await latestCertificate(db, officeId, userId);
  if (c?.revoked_at) return revokedRefusal(c);
  if (usable(c, now)) return { ok: true, value: await credentialOf(ctx, db, c) };
  for (let attempt = 1; ; attempt++) {
    try {
      await issueSignerCertificate(ctx, officeId, userId, now, actorName, 'first-use');
      break;
    } catch (e) {
      // Another signer made the office authority (or another process this signer's certificate) at
      // the same moment, and a unique generation refused ours: theirs is used, or we try once more.
      if (usable(await latestCertificate(db, officeId, userId), now)) break;
      if (attempt >= 2) throw e;
    }
  }
  return signingCredentialIn(ctx, db, officeId, userId, now);
}

/** The office's authority, created (self-signed, sealed) when it has none. */
export async function authorityFor(ctx: Ctx, trx: Transaction<DB>, officeId: string, now: string, actorName: string): Promise<Authority> {
  const found = await currentAuthority(trx, officeId);
  if (found) return found;
  const office = ctx.catalogue.officeById(officeId).office;
  const commonName = `Otoritas Sertifikat Sigap ${office.name}`;
  const issued = await issueCertificate({ commonName, organization: office.name, locality: office.region.name }, { from: new Date(now), years: AUTHORITY_YEARS });
  const row: Authority = {
    id: randomUUID(),
    office_id: officeId,
    generation: (await lastAuthorityGeneration(trx, officeId)) + 1,
    serial: issued.serial,
    common_name: commonName,
    cert_pem: issued.certPem,
    key_sealed: seal(keyEncryptionKey(ctx), issued.keyPem, issued.serial),
    not_before: issued.notBefore.toISOString(),
    not_after: issued.notAfter.toISOString(),
    created_at: now,
    retired_at: null,
  };
  await insertAuthority(trx, row);
  await insertAuditEvent(trx, { officeId, actor: actorName, action: 'signing.authority-created', subject: `signing-authority:${row.serial}`, detail: { generation: row.generation, commonName, notAfter: row.not_after }, at: now });
  return row;
}

/**
 * Issues a new certificate to a signer (first use, renewal, re-issue after a revocation, or
 * rotation): the previous one is superseded, its earlier signatures stay valid.
 */
export async function issueSignerCertificate(ctx: Ctx, officeId: string, userId: string, now: string, actorName: string, why: string): Promise<Certificate> {
  const u = await staffById(ctx.database.db, userId);
  if (!u) throw new Error('signer not found');
  const office = ctx.catalogue.officeById(officeId).office;
  return ctx.database.write(async (trx) => {
    const ca = await authorityFor(ctx, trx, officeId, now, actorName);
    const prev = await latestCertificate(trx, officeId, userId);
    if (why === 'first-use' && usable(prev, now)) return prev;
    const kek = keyEncryptionKey(ctx);
    const issued = await issueCertificate({ commonName: u.displayName, title: u.title ?? undefined, organization: office.name }, { from: new Date(now), years: SIGNER_YEARS }, { certPem: ca.cert_pem, keyPem: unseal(kek, ca.key_sealed, ca.serial) });
    const row: Certificate = {
      id: randomUUID(),
      office_id: officeId,
      authority_id: ca.id,
      user_id: userId,
      generation: (prev?.generation ?? 0) + 1,
      serial: issued.serial,
      common_name: u.displayName,
      cert_pem: issued.certPem,
      key_sealed: seal(kek, issued.keyPem, issued.serial),
      not_before: issued.notBefore.toISOString(),
      not_after: issued.notAfter.toISOString(),
      created_at: now,
      superseded_at: null,
      revoked_at: null,
      revocation_reason: null,
      revoked_by: null,
    };
    await supersedeCertificates(trx, officeId, userId, now);
    await insertCertificate(trx, row);
    await insertAuditEvent(trx, {
      officeId,
      actor: actorName,
      action: 'signing.certificate-issued',
      subject: `signing-certificate:${row.serial}`,
      detail: { user: u.username, commonName: row.common_name, generation: row.generation, authority: ca.serial, why, replaces: prev?.serial ?? null, notAfter: row.not_after },
      at: now,
    });
    return row;
  });
}
