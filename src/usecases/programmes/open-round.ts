/**
 * Opens a round of a programme (a period and stage, "2026 · Tahap I") with the programme frozen
 * into it, and, when asked, draws its candidates from the office's current registry snapshot for
 * one category: each person screened (registry conditions, age on the reference date); those the
 * screening already refuses are counted, not listed. Audited.
 */
import { randomUUID } from 'node:crypto';
import { findRoundByStage, insertCandidates, insertRound } from '../../db/programmes-repo.js';
import { rowsPage } from '../../db/registry-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import type { ProgrammeCandidatesTable } from '../../db/schema-programmes.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { findCategory, screen } from '../../domain/programmes/eligibility.js';
import { MAX_CANDIDATES } from '../../domain/programmes/rounds.js';
import type { Programme } from '../../domain/programmes/schema.js';
import { layoutOf, personOf } from '../registry/rows.js';
import { currentSnapshotOf } from '../registry/snapshots.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { newCandidateRow } from './candidates.js';
import { findProgramme, officeOf } from './programmes-of.js';

export interface OpenRoundInput {
  programme: string;
  period: string;
  stage: string;
  referenceDate: string;
  /** Draw from the current registry snapshot for this category (programmes whose candidates come from the registry). */
  drawCategory?: string | null;
}

export interface OpenedRound {
  id: string;
  drawn: number;
  refusedByScreening: number;
  /** The draw stopped at MAX_CANDIDATES. */
  truncated: boolean;
}

export async function openRound(ctx: Ctx, actor: Actor, input: OpenRoundInput): Promise<Outcome<OpenedRound>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, input.programme);
  if (!found.ok) return found;
  const { programme } = found.value;
  const category = input.drawCategory ? findCategory(programme, input.drawCategory) : undefined;
  if (input.drawCategory && !category)
    return failWith('invalid', 'category-unknown', `Kategori tidak ada pada program ini: ${input.drawCategory}`, `No such category in this programme: ${input.drawCategory}`, 'drawCategory');
  if (category && !programme.candidates.sources.includes('registry'))
    return failWith('invalid', 'draw-not-from-registry', `Calon program ini tidak ditarik dari registri: "${programme.candidates.text}"`, `This programme's candidates are not drawn from the registry: "${programme.candidates.text}"`, 'drawCategory');
  const db = ctx.database.db;
  if (await findRoundByStage(db, officeId.value, programme.slug, input.period, input.stage))
    return failWith('conflict', 'round-exists', `Putaran ${input.period} ${input.stage} sudah dibuka`, `Round ${input.period} ${input.stage} is already open`, 'stage');
  const snapshot = category ? await currentSnapshotOf(ctx.database, ctx.database.dialect, officeId.value, ctx.caches.registry) : undefined;
  if (category && !snapshot)
    return failWith('conflict', 'no-snapshot', 'Belum ada snapshot registri DTKS yang diimpor; impor dulu ekstraknya', 'No DTKS registry snapshot has been imported yet; import an extract first', 'drawCategory');
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  const drawn = category && snapshot ? await draw(ctx, snapshot, programme, category.key, id, officeId.value, input.referenceDate, now) : { rows: [], refused: 0, truncated: false };
  await ctx.database.write(async (trx) => {
    await insertRound(trx, {
      id,
      office_id: officeId.value,
      programme_slug: programme.slug,
      programme: JSON.stringify(programme),
      period: input.period,
      stage: input.stage,
      reference_date: input.referenceDate,
      snapshot_id: snapshot?.id ?? null,
      status: 'verifying',
      created_at: now,
      created_by: actor.name,
      version: 1,
    });
    await insertCandidates(trx, drawn.rows);
    await insertAuditEvent(trx, {
      officeId: officeId.value,
      actor: actor.name,
      action: 'programme-round-opened',
      subject: `programme-round:${id}`,
      detail: { programme: programme.slug, period: input.period, stage: input.stage, referenceDate: input.referenceDate, snapshot: snapshot?.id ?? null, category: category?.key ?? null, drawn: drawn.rows.length, refusedByScreening: drawn.refused, truncated: drawn.truncated },
      at: now,
    });
  });
  return { ok: true, value: { id, drawn: drawn.rows.length, refusedByScreening: drawn.refused, truncated: drawn.truncated } };
}

type SnapshotOf = NonNullable<Awaited<ReturnType<typeof currentSnapshotOf>>>;

async function draw(ctx: Ctx, snapshot: SnapshotOf, programme: Programme, categoryKey: string, roundId: string, officeId: string, referenceDate: string, now: string) {
  const category = findCategory(programme, categoryKey)!;
  const layout = layoutOf(snapshot);
  const rows: ProgrammeCandidatesTable[] = [];
  let refused = 0;
  let after = 0;
  for (;;) {
    const page = await rowsPage(ctx.database.db, snapshot.tableName, { afterRowNo: after, limit: 1000 });
    if (page.length === 0) break;
    after = page[page.length - 1]!.row_no;
    for (const row of page) {
      const person = personOf(row, layout);
      const facts = { 'registry.dtks': true, 'registry.desil': person.desil ?? undefined, 'registry.pkh': person.programmes.pkh ?? undefined, 'registry.bpnt': person.programmes.bpnt ?? undefined, 'registry.pbi': person.programmes.pbi ?? undefined };
      const s = screen(programme, category, { birthDate: person.birthDate, sex: person.sex }, facts, referenceDate);
      if (s.result === 'ineligible') {
        refused++;
        continue;
      }
      if (rows.length >= MAX_CANDIDATES) return { rows, refused, truncated: true };
      rows.push(
        newCandidateRow({
          roundId,
          officeId,
          nik: person.nik,
          kk: person.kk,
          name: person.name,
          birth_date: person.birthDate,
          sex: person.sex,
          village: person.address.village,
          district: person.address.district,
          address: [person.address.address, person.address.rt && `RT ${person.address.rt}`, person.address.rw && `RW ${person.address.rw}`].filter(Boolean).join(' ') || null,
          category: category.key,
          source: 'registry',
          note: `snapshot ${snapshot.period}`,
          screening: s,
          now,
        }),
      );
    }
  }
  return { rows, refused, truncated: false };
}
