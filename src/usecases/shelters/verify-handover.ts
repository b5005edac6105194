/** What the berita acara's QR code shows anyone: that the number was issued, by which office, when, and the file's fingerprint; never the client. */
import { stayByHandoverToken } from '../../db/shelters-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';

export async function verifyHandover(ctx: Ctx, token: string): Promise<Outcome<{ number: string; officeName: string; issuedAtLocal: string; sha256: string }>> {
  const missing = failWith('not-found', 'document-not-found', 'Berita acara tidak ditemukan', 'Handover record not found');
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) return missing;
  const s = await stayByHandoverToken(ctx.database.db, token);
  if (!s?.handover_number || !s.handover_sha256 || !s.terminated_at) return missing;
  const o = ctx.catalogue.officeById(s.office_id).office;
  return { ok: true, value: { number: s.handover_number, officeName: o.name, issuedAtLocal: ctx.clock.local(o, s.terminated_at), sha256: s.handover_sha256 } };
}
