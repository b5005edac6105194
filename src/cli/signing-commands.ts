/**
 * `sigap signing ...`: the office's letter-signing keys (docs/SIGNING.md). Returns an exit code,
 * or null when the command is not ours.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import type { Outcome } from '../domain/errors.js';
import { bootCtx } from './registry-commands.js';
import { issueCertificateTo, listSigningKeys, revokeSigningCertificate, rotateAuthority } from '../usecases/signing/manage-certificates.js';

export const SIGNING_HELP = `  sigap signing list --office <slug>
                                   otoritas sertifikat kantor dan sertifikat penanda tangan
                                   the office's signing authority and signer certificates
  sigap signing issue --office <slug> --user <username>
                                   terbitkan sertifikat baru (setelah dicabut, atau rotasi kunci)
                                   issue a new certificate (after a revocation, or to rotate a key)
  sigap signing revoke --office <slug> --serial <hex> --reason <teks> [--since <ISO 8601>]
                                   cabut sertifikat (surat yang ditandatangani sebelumnya tetap sah)
                                   revoke a certificate (letters signed before stay valid)
  sigap signing rotate-authority --office <slug>
                                   ganti otoritas sertifikat kantor / replace the office authority
`;

const USAGE = `Pemakaian / usage:\n${SIGNING_HELP}`;

function report<T>(r: Outcome<T>, ok: (v: T) => string): number {
  if (!r.ok) {
    for (const p of r.error.problems) process.stderr.write(`${p.message} / ${p.messageEn}\n`);
    return r.error.kind === 'not-found' ? 1 : 2;
  }
  process.stdout.write(ok(r.value));
  return 0;
}

export async function signingCommand(argv: string[], config: Config): Promise<number | null> {
  const [sub, ...rest] = argv;
  if (!sub || !['list', 'issue', 'revoke', 'rotate-authority'].includes(sub)) return null;
  let values: { office?: string; user?: string; serial?: string; reason?: string; since?: string };
  try {
    values = parseArgs({ args: rest, options: { office: { type: 'string' }, user: { type: 'string' }, serial: { type: 'string' }, reason: { type: 'string' }, since: { type: 'string' } } }).values;
  } catch (e) {
    process.stderr.write(`Argumen tidak sah / invalid arguments: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const office = values.office;
  const missing = !office || (sub === 'issue' && !values.user) || (sub === 'revoke' && (!values.serial || !values.reason));
  if (missing) {
    process.stderr.write(`Argumen kurang / missing arguments\n${USAGE}`);
    return 2;
  }
  const ctx = await bootCtx(config);
  if (!ctx) return 1;
  const actor = `cli:${process.env.USER ?? 'operator'}`;
  try {
    if (sub === 'list')
      return report(await listSigningKeys(ctx, office!), ({ authority, certificates }) => {
        const lines = [authority ? `OTORITAS/AUTHORITY ${authority.serial}  ${authority.common_name}  s.d./until ${authority.not_after.slice(0, 10)}` : 'OTORITAS/AUTHORITY belum ada (dibuat pada tanda tangan pertama) / none yet (made at the first signature)'];
        for (const c of certificates) {
          const state = c.revoked_at ? `DICABUT/REVOKED ${c.revoked_at} (${c.revocation_reason ?? ''})` : c.superseded_at ? `DIGANTI/SUPERSEDED ${c.superseded_at.slice(0, 10)}` : `BERLAKU/IN FORCE s.d./until ${c.not_after.slice(0, 10)}`;
          lines.push(`${c.serial}  ${c.username}  "${c.common_name}"  #${c.generation}  ${state}`);
        }
        return lines.join('\n') + '\n';
      });
    if (sub === 'issue') return report(await issueCertificateTo(ctx, office!, values.user!, actor), (v) => `Sertifikat baru / new certificate ${v.serial}, berlaku s.d. / valid until ${v.notAfter.slice(0, 10)}\n`);
    if (sub === 'revoke')
      return report(await revokeSigningCertificate(ctx, { office: office!, serial: values.serial!, reason: values.reason!, ...(values.since ? { since: values.since } : {}) }, actor), (v) => `Dicabut / revoked ${v.serial} sejak / since ${v.revokedAt}\n`);
    return report(await rotateAuthority(ctx, office!, actor), (v) => `Otoritas baru / new authority ${v.serial}; ${v.retired} otoritas lama dipensiunkan / old authorities retired\n`);
  } finally {
    await ctx.database.close();
  }
}
