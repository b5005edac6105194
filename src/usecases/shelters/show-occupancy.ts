/**
 * The occupancy board of one shelter: rooms with their beds (free or taken, the stay's day and clock
 * state), clients in residence without a bed (overrides), intakes awaiting a decision or check-in.
 * No names or NIKs (the stay page shows them and logs the read).
 */
import { bedsWithOccupants, findShelter, overflowOfShelter, sheltersOf, staysOfShelter } from '../../db/shelters-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { lengthOfStay, stayClock, type LengthOfStay, type StayClock } from '../../domain/shelters/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor, shelterNotFound, stayLimitOf, summaryOfStay, type StaySummary } from './shelters-common.js';

export interface OccupancyBed {
  id: string;
  label: string;
  stay: { id: string; sex: string; category: string; checkedInAt: string; clock: StayClock } | null;
}
export interface OccupancyRoom {
  name: string;
  sex: string;
  category: string;
  beds: OccupancyBed[];
}
export interface Occupancy {
  shelter: { id: string; name: string; address: string | null };
  shelters: { id: string; name: string }[];
  capacity: number;
  occupied: number;
  free: number;
  rooms: OccupancyRoom[];
  /** In residence without a bed (an override when no bed was free). */
  overflow: StaySummary[];
  intakes: { id: string; sex: string; category: string; source: string; intakeAt: string; intakeAtLocal: string; decision: string | null }[];
  limitDays: number | null;
  /** Median and longest current stay per category (beds and overflow), no names. */
  lengthOfStay: LengthOfStay[];
  now: string;
  nowLocal: string;
}

export const MAX_SHELTERS = 50;

export async function showOccupancy(ctx: Ctx, actor: Actor, shelterId?: string): Promise<Outcome<Occupancy | null>> {
  const office = officeFor(actor, 'shelters.read');
  if (!office.ok) return office;
  const db = ctx.database.db;
  const all = await sheltersOf(db, office.value, MAX_SHELTERS);
  const id = shelterId ?? all[0]?.id;
  if (!id) return { ok: true, value: null };
  const shelter = await findShelter(db, office.value, id);
  if (!shelter) return shelterNotFound();
  const now = nowOf(ctx).toISOString();
  const limit = stayLimitOf(ctx, office.value)?.limit ?? null;
  const rooms: OccupancyRoom[] = [];
  for (const b of await bedsWithOccupants(db, shelter.id)) {
    let room = rooms.at(-1);
    if (!room || room.name !== b.room) rooms.push((room = { name: b.room, sex: b.sex, category: b.category, beds: [] }));
    room.beds.push({
      id: b.id,
      label: b.label,
      stay: b.stay_id && b.checked_in_at ? { id: b.stay_id, sex: b.client_sex!, category: b.client_category!, checkedInAt: b.checked_in_at, clock: stayClock(b.checked_in_at, limit, now) } : null,
    });
  }
  const beds = rooms.flatMap((r) => r.beds);
  const occupied = beds.filter((b) => b.stay).length;
  const overflow = (await overflowOfShelter(db, shelter.id, 200)).map((s) => summaryOfStay(ctx, s, now));
  const o = ctx.catalogue.officeById(office.value).office;
  const intakes = (await staysOfShelter(db, shelter.id, 'intake', 200)).map((s) => ({ id: s.id, sex: s.client_sex, category: s.client_category, source: s.source, intakeAt: s.intake_at, intakeAtLocal: ctx.clock.local(o, s.intake_at), decision: s.decision }));
  return {
    ok: true,
    value: {
      shelter: { id: shelter.id, name: shelter.name, address: shelter.address },
      shelters: all.map((s) => ({ id: s.id, name: s.name })),
      capacity: beds.length,
      occupied,
      free: beds.length - occupied,
      rooms,
      overflow,
      intakes,
      limitDays: limit?.days ?? null,
      lengthOfStay: lengthOfStay([...beds.flatMap((b) => (b.stay ? [b.stay] : [])), ...overflow.flatMap((s) => (s.checkedInAt ? [{ category: s.category, checkedInAt: s.checkedInAt }] : []))], now),
      now,
      nowLocal: ctx.clock.local(o, now),
    },
  };
}
