/**
 * What a replacement changes, computed once for the waiting-list page and the amending round: the
 * recipients of a round's decree, those who have left since (exits of the period, with reason and
 * date), and the ranked waiting list of verified proposals not yet decreed, not left and refused by
 * no berita acara of the period.
 */
import { candidatesOfRound, documentsOfRound, findRound, refusedInPeriod, type ProgrammeDocument, type Round } from '../../db/programmes-repo.js';
import { eligibleInPeriod, exitsOf } from '../../db/programme-cycles-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { EXIT_NAMES, type ExitReason } from '../../domain/programmes/cycles.js';
import { rankWaiting, type Waiting } from '../../domain/programmes/replacement.js';
import type { DocumentPerson } from '../../domain/programmes/rounds.js';
import type { Actor, Ctx } from '../context.js';
import { officeOf } from './programmes-of.js';

/** The waiting list's pool is read to this many candidates (a period holds a few rounds of at most 5,000). */
const POOL = 20_000;

export interface Replacement {
  officeId: string;
  base: Round;
  sk: ProgrammeDocument;
  kept: DocumentPerson[];
  removed: DocumentPerson[];
  waiting: Waiting[];
}

export async function replacementOf(ctx: Ctx, actor: Actor, baseRoundId: string): Promise<Outcome<Replacement>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const db = ctx.database.db;
  const base = await findRound(db, officeId.value, baseRoundId);
  if (!base) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found');
  const sk = (await documentsOfRound(db, base.id)).find((d) => d.kind === 'sk');
  if (!sk)
    return failWith('conflict', 'decree-required', 'Penggantian mengubah SK penerima yang sudah ditandatangani di Sigap; putaran ini belum memilikinya', "A replacement amends a recipients' decree signed in Sigap; this round has none");
  const exits = new Map((await exitsOf(db, officeId.value, base.programme_slug, base.period, POOL)).map((e) => [e.nik, e]));
  const removed: DocumentPerson[] = [];
  const kept: DocumentPerson[] = [];
  for (const p of sk.people) {
    const e = exits.get(p.nik);
    if (e) removed.push({ ...p, result: 'ineligible', reason: `${EXIT_NAMES[e.reason as ExitReason].id}, ${e.exit_date}${e.note ? ` (${e.note})` : ''}` });
    else kept.push(p);
  }
  const decreed = new Set(sk.people.map((p) => p.nik));
  const pool = (await eligibleInPeriod(db, officeId.value, base.programme_slug, base.period, POOL)).filter((c) => !c.amends_round_id && !decreed.has(c.nik) && !exits.has(c.nik));
  const refused = new Set((await refusedInPeriod(db, officeId.value, base.programme_slug, base.period, pool.map((c) => c.nik))).map((r) => r.nik));
  const seen = new Set<string>();
  const waiting = rankWaiting(
    pool.filter((c) => !refused.has(c.nik) && !seen.has(c.nik) && seen.add(c.nik)).map((c) => ({ candidateId: c.id, roundId: c.round_id, nik: c.nik, name: c.name, category: c.category, village: c.village, verifiedAt: c.verified_at, stage: c.stage, report: c.number })),
  );
  return { ok: true, value: { officeId: officeId.value, base, sk, kept, removed, waiting } };
}

/** Full candidate rows of the kept and added people, to copy into the amending round. */
export async function candidateRowsOf(ctx: Ctx, roundIds: string[]) {
  const rows = new Map<string, Awaited<ReturnType<typeof candidatesOfRound>>[number]>();
  for (const id of new Set(roundIds)) for (const c of await candidatesOfRound(ctx.database.db, id, POOL)) rows.set(c.id, c);
  return rows;
}
