/**
 * "Rujuk ke panti" from a stay (Banjarmasin 11, "Pelayanan Fasilitasi Rujukan Klien Ke Panti/Lembaga
 * Sosial"): files that service's case for the client through the one intake, linked to the stay, with
 * the documents the social worker has seen and the JKN-KIS condition; the case then runs its own
 * procedure and its two stage clocks ("Pengajuan Berkas Usulan : 3 (tiga) hari kerja", "Pembuatan
 * Rekoemendasi : 1 (satu) hari kerja setelah ada konfirmasi penerimaan dari Panti") in the queue.
 * The stay itself does not end here: the client stays until they are taken to the panti.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findShelter, findStay, insertShelterEvent } from '../../db/shelters-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { bad, officeFor, stayNotFound, withStayCase } from './shelters-common.js';

export interface PantiReferralInput {
  /** The panti or lembaga sosial the file goes to ("Panti/lembaga Sosial yang dituju"). */
  panti: string;
  /** "Memiliki Jaminan Kesehatan Nasional-KIS" (the service's eligibility condition). */
  jknKis: boolean;
  /** The administrative requirements the social worker has in hand (shown): KTP/KK, photo, video. */
  documents: { ktpKk: boolean; photo: boolean; video: boolean };
  note?: string;
}

/** The service's requirement ids, and the form field each is ticked in. */
const DOCUMENTS = [['ktp-kk-calon-klien', 'ktpKk'], ['foto-calon-klien', 'photo'], ['video', 'video']] as const;
const FIELD_OF: Record<string, string> = { 'eligibility.memiliki-jkn-kis': 'jknKis', 'answers.memiliki-jkn-kis': 'jknKis', ...Object.fromEntries(DOCUMENTS.map(([r, f]) => [`attachments.${r}`, `documents.${f}`])) };

export async function referToPanti(ctx: Ctx, actor: Actor, stayId: string, input: PantiReferralInput): Promise<Outcome<{ id: string; case: string | null }>> {
  const office = officeFor(actor, 'shelters.terminate');
  if (!office.ok) return office;
  const db = ctx.database.db;
  const s = await findStay(db, office.value, stayId);
  if (!s) return stayNotFound();
  if (s.state !== 'in-residence') return fail('conflict', bad('panti', 'not-in-residence', 'Klien tidak sedang tinggal di rumah singgah', 'The client is not in residence'));
  const panti = input.panti.trim();
  if (panti.length < 3) return fail('invalid', bad('panti', 'panti-required', 'Sebutkan Panti/Lembaga Sosial yang dituju', 'Name the panti or social institution the file goes to'));
  const shelter = (await findShelter(db, office.value, s.shelter_id))!;
  const now = nowOf(ctx).toISOString();
  const filed = await withStayCase(
    ctx,
    actor,
    'shelters.terminate',
    {
      officeId: office.value,
      stayId: s.id,
      kind: 'referral',
      at: now,
      intake: {
        // "Pemerlu Layanan (Ketua RT/RW/Masyarakat/Lainnya)": the rumah singgah is the "Lainnya" who asks.
        initiator: 'official',
        applicant: { name: s.client_name, nik: s.client_nik ?? undefined },
        reporter: { name: shelter.name, role: 'rumah-singgah', institution: panti },
        answers: { 'memiliki-jkn-kis': input.jknKis },
        attachments: DOCUMENTS.filter(([, f]) => input.documents[f]).map(([requirement]) => ({ requirement, shown: true })),
        aboutOther: true,
      },
    },
    async (trx, c) => {
      const data = { panti, case: c?.registrationNumber ?? null, note: input.note?.trim() || null };
      await insertShelterEvent(trx, { stay_id: s.id, office_id: s.office_id, type: 'referred-to-panti', actor_id: actor.id, actor_name: actor.name, data, at: now });
      await insertAuditEvent(trx, { officeId: s.office_id, actor: actor.name, action: 'shelter.referred-to-panti', subject: `shelter-stay:${s.id}`, detail: { panti, case: data.case, actorId: actor.id }, at: now });
    },
  );
  if (!filed.ok) return { ok: false, error: { ...filed.error, problems: filed.error.problems.map((p) => ({ ...p, field: FIELD_OF[p.field ?? ''] ?? p.field })) } };
  return { ok: true, value: { id: s.id, case: filed.value.case?.registrationNumber ?? null } };
}
