/**
 * Adds one proposed candidate to a round still in verification (a village proposal, or an
 * application of the linked service): NIK checked, registry facts and the birth date from the
 * current snapshot when the person is listed (else from the NIK), then screened. Audited.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { candidateNiks, findRound, insertCandidates } from '../../db/programmes-repo.js';
import { personRow } from '../../db/registry-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { parseKk } from '../../domain/identity/kk.js';
import { parseNik } from '../../domain/identity/nik.js';
import { findCategory, screen } from '../../domain/programmes/eligibility.js';
import { MAX_CANDIDATES } from '../../domain/programmes/rounds.js';
import { layoutOf, personOf } from '../registry/rows.js';
import { registryFactsWith } from '../registry/facts.js';
import { currentSnapshotOf } from '../registry/snapshots.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { newCandidateRow } from './candidates.js';
import { officeOf } from './programmes-of.js';

export interface AddCandidateInput {
  nik: string;
  /** The family card a village proposal names (SIKS-NG proposals are by NIK and KK); the registry's wins. */
  kk?: string | null;
  name: string;
  category: string;
  source: 'village' | 'applications';
  village?: string | null;
  note?: string | null;
}

export async function addCandidate(ctx: Ctx, actor: Actor, roundId: string, input: AddCandidateInput): Promise<Outcome<{ id: string; screening: string }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, roundId);
  if (!round) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found');
  if (round.status !== 'verifying')
    return failWith('conflict', 'round-closed', 'Berita acara putaran ini sudah terbit; calon baru masuk ke tahap berikutnya', "This round's report is issued; new candidates go into the next stage");
  const p = round.programme;
  if (!p.candidates.sources.includes(input.source))
    return failWith('invalid', 'source-not-in-decree', `Sumber calon ini tidak disebut keputusan untuk program ini: "${p.candidates.text}"`, `The decree names no such candidate source for this programme: "${p.candidates.text}"`, 'source');
  const category = findCategory(p, input.category);
  if (!category) return failWith('invalid', 'category-unknown', `Kategori tidak ada pada program ini: ${input.category}`, `No such category in this programme: ${input.category}`, 'category');
  const office = ctx.catalogue.officeById(officeId.value).office;
  const nik = parseNik(input.nik, { today: ctx.clock.localDate(office, nowOf(ctx).toISOString()) });
  if (!nik.ok) return fail('invalid', { ...nik.error, field: 'nik' });
  const kk = input.kk ? parseKk(input.kk, { today: ctx.clock.localDate(office, nowOf(ctx).toISOString()) }) : null;
  if (kk && !kk.ok) return fail('invalid', { ...kk.error, field: 'kk' });
  const existing = await candidateNiks(db, round.id);
  if (existing.has(nik.value.nik)) return failWith('conflict', 'candidate-exists', 'NIK ini sudah ada dalam daftar calon putaran ini', 'This NIK is already on the round’s candidate list', 'nik');
  if (existing.size >= MAX_CANDIDATES) return failWith('too-large', 'round-full', `Satu putaran memuat paling banyak ${MAX_CANDIDATES} calon`, `A round holds at most ${MAX_CANDIDATES} candidates`);
  const reg = await registryFactsWith(db, ctx.database.dialect, officeId.value, nik.value.nik, ctx.caches.registry);
  const snapshot = await currentSnapshotOf(ctx.database, ctx.database.dialect, officeId.value, ctx.caches.registry);
  const registryRow = snapshot ? await personRow(db, ctx.database.dialect, snapshot.tableName, nik.value.nik) : undefined;
  const person = registryRow && snapshot ? personOf(registryRow, layoutOf(snapshot)) : null;
  const birthDate = person?.birthDate ?? nik.value.birthDate;
  const sex = person?.sex ?? nik.value.sex;
  const s = screen(p, category, { birthDate, sex }, reg?.facts ?? {}, round.reference_date);
  if (s.result === 'ineligible') {
    const failed = s.checks.filter((c) => c.verdict === 'fail').map((c) => `"${c.text}"`).join(', ');
    return failWith('invalid', 'screening-refused', `Calon tidak memenuhi syarat menurut registri dan usia pada ${round.reference_date}: ${failed}`, `The candidate fails the registry or the age on ${round.reference_date}: ${failed}`, 'nik');
  }
  const now = nowOf(ctx).toISOString();
  const row = newCandidateRow({
    roundId: round.id,
    officeId: officeId.value,
    nik: nik.value.nik,
    kk: person?.kk ?? kk?.value.kk ?? null,
    name: (person?.name ?? input.name).trim().toUpperCase(),
    birth_date: birthDate,
    sex,
    village: person?.address.village ?? input.village ?? null,
    district: person?.address.district ?? null,
    address: person?.address.address ?? null,
    category: category.key,
    source: input.source,
    note: input.note ?? null,
    screening: s,
    now,
  });
  await ctx.database.write(async (trx) => {
    await insertCandidates(trx, [row]);
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-candidate-added', subject: `programme-candidate:${row.id}`, detail: { round: round.id, source: input.source, category: category.key, screening: s.result }, at: now });
  });
  return { ok: true, value: { id: row.id, screening: s.result } };
}
