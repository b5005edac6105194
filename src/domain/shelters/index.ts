/**
 * Rumah singgah rules, pure (issue 13 §3, docs/SHELTERS.md): which bed fits a client, the stay clock
 * against the office's limit as its standard states it, the basic services, and termination.
 */
import { CATEGORIES, CATEGORY_NAMES, type Category } from '../emergency/index.js';
import type { StayLimit } from '../standards/schema.js';

export { CATEGORIES, CATEGORY_NAMES, type Category };

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_NAMES: Record<Sex | 'any', [string, string]> = { female: ['Perempuan', 'Female'], male: ['Laki-laki', 'Male'], any: ['Campur', 'Mixed'] };

/** A room's category: one of the clients' categories, or `umum` for any (a safe room, a general room). */
export const ROOM_CATEGORIES = [...CATEGORIES, 'umum'] as const;
export type RoomCategory = (typeof ROOM_CATEGORIES)[number];
export const ROOM_CATEGORY_NAMES: Record<RoomCategory, [string, string]> = { ...CATEGORY_NAMES, umum: ['Umum (semua kategori)', 'General (any category)'] };

export const SOURCES = ['razia', 'masyarakat', 'lembaga', 'emergency'] as const;
export type Source = (typeof SOURCES)[number];
/** Banjarmasin 9 Persyaratan 1: "hasil dari Razia Instansi Terkait atau laporan masyarakat maupun rujukan dari Instansi/lembaga lainnya". */
export const SOURCE_NAMES: Record<Source, [string, string]> = {
  razia: ['Hasil razia instansi terkait', 'A raid by another agency'],
  masyarakat: ['Laporan masyarakat', 'A report from the public'],
  lembaga: ['Rujukan instansi/lembaga lain', 'A referral from another agency'],
  emergency: ['Laporan darurat (TRC)', 'An emergency report (TRC)'],
};

/** Basic services logged per client (Permensos 9/2018 as restated in DOMAIN.md §2(b); Tangerang: meals, clothing, guidance). */
export const SERVICE_KINDS = ['permakanan', 'sandang', 'kesehatan', 'bimbingan'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const SERVICE_NAMES: Record<ServiceKind, [string, string]> = {
  permakanan: ['Permakanan', 'Meals'],
  sandang: ['Sandang (pakaian)', 'Clothing'],
  kesehatan: ['Perbekalan kesehatan', 'Health supplies'],
  bimbingan: ['Bimbingan fisik, mental, sosial', 'Guidance'],
};

/** Banjarmasin 10: "Keluarga melakukan penjemputan …" or "Pengantaran Klien ke tujuan untuk klien yang tidak dapat dijemput keluarga". */
export const TERMINATION_KINDS = ['family', 'escort'] as const;
export type TerminationKind = (typeof TERMINATION_KINDS)[number];
export const TERMINATION_NAMES: Record<TerminationKind, [string, string]> = {
  family: ['Dijemput keluarga', 'Picked up by the family'],
  escort: ['Diantar oleh Pramu Sosial', 'Escorted by a pramu sosial'],
};
export const FAMILY_DOCUMENTS = ['ktp', 'kk'] as const;

export interface BedFacts {
  sex: string;
  category: string;
}
export interface ClientFacts {
  sex: Sex;
  category: Category;
}

/** A bed fits a client when its room takes the client's sex and category (a mixed or general room takes any). */
export const bedFits = (bed: BedFacts, client: ClientFacts): boolean => (bed.sex === 'any' || bed.sex === client.sex) && (bed.category === 'umum' || bed.category === client.category);

/** The first free bed that fits, in the shelter's order; null when none does (check-in is then refused unless overridden). */
export function firstFittingBed<B extends BedFacts & { id: string; occupied: boolean }>(beds: readonly B[], client: ClientFacts): B | null {
  return beds.find((b) => !b.occupied && bedFits(b, client)) ?? null;
}

const DAY_MS = 24 * 3600 * 1000;
/** Stay times are kept to the second: "lebih dari 21 hari" starts at the first second after 21 × 24 hours. */
export const RESOLUTION_MS = 1000;

export const toSecond = (iso: string): string => new Date(Math.floor(Date.parse(iso) / RESOLUTION_MS) * RESOLUTION_MS).toISOString();

export type StayState = 'no-limit' | 'within' | 'warning' | 'eligible';

export interface StayClock {
  limitDays: number | null;
  /** The first instant the stay makes the client eligible for termination; null without a limit. */
  eligibleAt: string | null;
  /** Whole days since check-in (day 0 is the check-in day's first 24 hours). */
  daysStayed: number;
  state: StayState;
  /** The reminder passed most recently (day 14, day 18 …), if any. */
  warnedAtDay: number | null;
}

/**
 * The clock of a stay. `more-than` ("lebih dari N hari"): eligible once N × 24 hours have passed,
 * i.e. from check-in + N days + one second; `at-least`: from check-in + N days. Calendar time, 24/7.
 */
export function stayClock(checkedInAt: string, limit: StayLimit | null, now: string): StayClock {
  const start = Date.parse(toSecond(checkedInAt));
  const t = Date.parse(now);
  const daysStayed = Math.max(0, Math.floor((t - start) / DAY_MS));
  if (!limit) return { limitDays: null, eligibleAt: null, daysStayed, state: 'no-limit', warnedAtDay: null };
  const eligibleMs = start + limit.days * DAY_MS + (limit.rule === 'more-than' ? RESOLUTION_MS : 0);
  const warned = [...limit.warnAtDays].sort((a, b) => b - a).find((d) => d < limit.days && t >= start + d * DAY_MS) ?? null;
  const state: StayState = t >= eligibleMs ? 'eligible' : warned !== null ? 'warning' : 'within';
  return { limitDays: limit.days, eligibleAt: new Date(eligibleMs).toISOString(), daysStayed, state, warnedAtDay: warned };
}

/** Age in whole years on a date (YYYY-MM-DD); Jambi 18: "berusia 0-18 tahun" makes a child. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A client whose data is specific personal data (UU 27/2022 Pasal 4(2), children's data): a child
 * by category or by age under 18 on the day. Their stay page needs `shelters.sensitive`.
 */
export const isChild = (c: { category: string; birthDate: string | null }, today: string): boolean => c.category === 'anak' || (c.birthDate !== null && ageOn(c.birthDate, today) < 18);

export const MAX_BELONGINGS = 50;
export const MAX_BEDS_PER_ROOM = 50;
export const MAX_ROOMS = 30;

export interface LengthOfStay {
  category: string;
  /** Clients in residence of the category now. */
  clients: number;
  /** The median of their current stays so far, in days to one decimal. */
  medianDays: number;
  /** The longest current stay, in days to one decimal. */
  longestDays: number;
}

/**
 * Length of the current stays per client category (DOMAIN.md §2(d)10: average length of stay, here
 * the median, robust to one long stay, and the longest): counts and durations only, no names.
 * In the order of the categories; categories without a client are left out.
 */
export function lengthOfStay(stays: readonly { category: string; checkedInAt: string }[], now: string): LengthOfStay[] {
  const t = Date.parse(now);
  const byCategory = new Map<string, number[]>();
  for (const s of stays) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), Math.max(0, t - Date.parse(s.checkedInAt)) / DAY_MS]);
  const order = (c: string) => ((CATEGORIES as readonly string[]).indexOf(c) + 1 || 99);
  const oneDecimal = (d: number) => Math.floor(d * 10) / 10;
  return [...byCategory.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([category, days]) => {
      const sorted = [...days].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      return { category, clients: sorted.length, medianDays: oneDecimal(median), longestDays: oneDecimal(sorted.at(-1)!) };
    });
}
