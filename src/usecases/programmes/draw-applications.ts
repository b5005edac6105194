/**
 * Draws a round's candidates from the cases of the programme's linked service (the applicants of
 * cases still open or completed, oldest first): each applicant screened like any proposal (registry
 * facts and birth date from the current snapshot, else the NIK). The category is the case's own
 * answer when the service asks it with the programme's keys (santunan: `kategori`), else the one
 * chosen. Applicants already listed, refused by screening, or without a category are counted. Audited.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { applicantNiks, applicantsOfService } from './draw-sources.js';
import { candidateNiks, findRound, insertCandidates } from '../../db/programmes-repo.js';
import { personRow } from '../../db/registry-repo.js';
import type { ProgrammeCandidatesTable } from '../../db/schema-programmes.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { parseNik } from '../../domain/identity/nik.js';
import { findCategory, screen } from '../../domain/programmes/eligibility.js';
import { MAX_CANDIDATES } from '../../domain/programmes/rounds.js';
import { layoutOf, personOf } from '../registry/rows.js';
import { registryFactsWith } from '../registry/facts.js';
import { currentSnapshotOf } from '../registry/snapshots.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { newCandidateRow } from './candidates.js';
import { officeOf } from './programmes-of.js';

export interface DrawnApplicants {
  added: number;
  alreadyListed: number;
  refusedByScreening: number;
  withoutCategory: number;
}

export async function drawApplications(ctx: Ctx, actor: Actor, roundId: string, input: { category?: string | null }): Promise<Outcome<DrawnApplicants>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, roundId);
  if (!round) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found');
  if (round.status !== 'verifying') return failWith('conflict', 'round-closed', 'Berita acara putaran ini sudah terbit; calon baru masuk ke tahap berikutnya', "This round's report is issued; new candidates go into the next stage");
  const p = round.programme;
  if (!p.service || !p.candidates.sources.includes('applications'))
    return failWith('invalid', 'source-not-in-decree', `Calon program ini tidak berasal dari permohonan layanan: "${p.candidates.text}"`, `This programme's candidates do not come from service applications: "${p.candidates.text}"`, 'category');
  if (input.category && !findCategory(p, input.category)) return failWith('invalid', 'category-unknown', `Kategori tidak ada pada program ini: ${input.category}`, `No such category in this programme: ${input.category}`, 'category');
  const office = ctx.catalogue.officeById(officeId.value);
  const service = office.services.find((s) => s.service.slug === p.service);
  if (!service) return failWith('not-found', 'service-not-found', `Layanan tidak ditemukan: ${p.service}`, `Service not found: ${p.service}`);
  const listed = await candidateNiks(db, round.id);
  const cases = await applicantsOfService(db, officeId.value, service.id, MAX_CANDIDATES);
  const snapshot = await currentSnapshotOf(ctx.database, ctx.database.dialect, officeId.value, ctx.caches.registry);
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(office.office, now);
  const rows: ProgrammeCandidatesTable[] = [];
  const out: DrawnApplicants = { added: 0, alreadyListed: 0, refusedByScreening: 0, withoutCategory: 0 };
  for (const c of applicantNiks(cases)) {
    if (listed.has(c.nik)) {
      out.alreadyListed++;
      continue;
    }
    const answered = typeof c.answers.kategori === 'string' ? findCategory(p, c.answers.kategori) : undefined;
    const category = answered ?? (input.category ? findCategory(p, input.category) : p.categories.length === 1 ? p.categories[0] : undefined);
    if (!category) {
      out.withoutCategory++;
      continue;
    }
    if (listed.size + rows.length >= MAX_CANDIDATES) break;
    const nik = parseNik(c.nik, { today });
    const reg = await registryFactsWith(db, ctx.database.dialect, officeId.value, c.nik, ctx.caches.registry);
    const found = snapshot ? await personRow(db, ctx.database.dialect, snapshot.tableName, c.nik) : undefined;
    const person = found && snapshot ? personOf(found, layoutOf(snapshot)) : null;
    const birthDate = person?.birthDate ?? (nik.ok ? nik.value.birthDate : null);
    const sex = person?.sex ?? (nik.ok ? nik.value.sex : null);
    const s = screen(p, category, { birthDate, sex }, reg?.facts ?? {}, round.reference_date);
    if (s.result === 'ineligible') {
      out.refusedByScreening++;
      continue;
    }
    listed.add(c.nik);
    rows.push(newCandidateRow({ roundId: round.id, officeId: officeId.value, nik: c.nik, kk: person?.kk ?? null, name: (person?.name ?? c.name).toUpperCase(), birth_date: birthDate, sex, village: person?.address.village ?? null, district: person?.address.district ?? null, address: person?.address.address ?? null, category: category.key, source: 'applications', note: c.registrationNumber, screening: s, now }));
  }
  out.added = rows.length;
  await ctx.database.write(async (trx) => {
    await insertCandidates(trx, rows);
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-applicants-drawn', subject: `programme-round:${round.id}`, detail: { service: p.service, ...out }, at: now });
  });
  return { ok: true, value: out };
}
