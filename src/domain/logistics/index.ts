/**
 * Disaster logistics rules, pure: the words of the catalogue (warehouse kinds, units, funding
 * sources, report sources), earliest-expiry-first picking, expiry and minimum-stock alerts, and the
 * reconciliation of an incident. Choices beside them; the decrees' words are in docs/LOGISTICS.md.
 */

/** The office's own gudang (Kukar: "Gudang bencana Dinas Sosial"), a kecamatan or a desa lumbung sosial. */
export const WAREHOUSE_KINDS = ['gudang-dinas', 'lumbung-kecamatan', 'lumbung-desa'] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];
export const WAREHOUSE_KIND_NAMES: Record<WarehouseKind, [string, string]> = {
  'gudang-dinas': ['Gudang Dinas Sosial', 'Office warehouse'],
  'lumbung-kecamatan': ['Lumbung sosial kecamatan', 'Sub-district social depot'],
  'lumbung-desa': ['Lumbung sosial desa/kelurahan', 'Village social depot'],
};

/** How buffer stock is counted (Kemensos lumbung sosial lists: paket, lembar; rice in kg; equipment per unit). */
export const UNITS = ['paket', 'lembar', 'kg', 'unit'] as const;
export type Unit = (typeof UNITS)[number];

/** Jambi 1's product: "Logistik (dari dana APBN dan APBD)"; donations, often through a PUB permit. */
export const FUNDING_SOURCES = ['apbn', 'apbd-provinsi', 'apbd-kabkota', 'donasi-pub'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_NAMES: Record<FundingSource, string> = { apbn: 'APBN', 'apbd-provinsi': 'APBD Provinsi', 'apbd-kabkota': 'APBD Kabupaten/Kota', 'donasi-pub': 'Donasi / PUB' };

/** What the API lets a caller record; `return` is stock coming back from an incident. */
export const MOVEMENT_KINDS = ['receipt', 'dispatch', 'adjustment', 'write-off', 'return'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_NAMES: Record<MovementKind, [string, string]> = {
  receipt: ['Penerimaan', 'Receipt'],
  dispatch: ['Pengeluaran', 'Dispatch'],
  adjustment: ['Penyesuaian (stock opname)', 'Adjustment (stock count)'],
  'write-off': ['Penghapusan', 'Write-off'],
  return: ['Pengembalian dari lokasi', 'Return from the field'],
};

/** The condition a berita acara penerimaan records ("bagaimana keadaannya", Perka BNPB 13/2008 as explained). */
export const CONDITIONS = ['baik', 'rusak-ringan', 'rusak-berat'] as const;

/** Jambi 1, requirement 1: "dari RT/lurah/camat/warga/Call Center 112/TAGANA/disposisi pimpinan". */
export const INCIDENT_SOURCES = ['rt', 'lurah', 'camat', 'warga', 'call-center-112', 'tagana', 'disposisi-pimpinan'] as const;
export const INCIDENT_SOURCE_NAMES: Record<(typeof INCIDENT_SOURCES)[number], string> = {
  rt: 'RT',
  lurah: 'Lurah',
  camat: 'Camat',
  warga: 'Warga',
  'call-center-112': 'Call Center 112',
  tagana: 'TAGANA',
  'disposisi-pimpinan': 'Disposisi pimpinan',
};

/** Upper bound of one movement's quantity and of a minimum (a choice: more than any lumbung holds; a typing error otherwise). */
export const MAX_QUANTITY = 1_000_000;
/** Rows a list (warehouses, items, victims) shows at most. */
export const MAX_ROWS = 500;
/** Lots with stock one warehouse answers at most (a lumbung holds dozens; the benchmark's worst case holds 1,000). */
export const MAX_STOCK_LOTS = 5000;

/** Expiry alert thresholds in days (OpenSPP DRIMS: 30 / 14 / 7, medium / high / critical). */
export const EXPIRY_ALERT_DAYS = [30, 14, 7] as const;

export interface PickableLot {
  id: string;
  lotCode: string;
  expiresOn: string | null;
  receivedAt: string;
  onHand: number;
}

export interface Pick {
  lotId: string;
  lotCode: string;
  quantity: number;
}

/** Earliest expiry first; lots without an expiry date last; then first in, first out. */
export function fefoOrder<T extends Omit<PickableLot, 'onHand'>>(lots: readonly T[]): T[] {
  return [...lots].sort(
    (a, b) =>
      (a.expiresOn === null ? 1 : 0) - (b.expiresOn === null ? 1 : 0) ||
      (a.expiresOn ?? '').localeCompare(b.expiresOn ?? '') ||
      a.receivedAt.localeCompare(b.receivedAt) ||
      a.id.localeCompare(b.id),
  );
}

/** The lots a quantity is taken from (FEFO), or null when the stock is short. */
export function pickFefo(lots: readonly PickableLot[], quantity: number): Pick[] | null {
  const picks: Pick[] = [];
  let left = quantity;
  for (const lot of fefoOrder(lots)) {
    if (left === 0) break;
    if (lot.onHand <= 0) continue;
    const take = Math.min(left, lot.onHand);
    picks.push({ lotId: lot.id, lotCode: lot.lotCode, quantity: take });
    left -= take;
  }
  return left === 0 ? picks : null;
}

export type ExpiryLevel = 'expired' | 7 | 14 | 30;

/** Days from `today` to `expiresOn` (both YYYY-MM-DD, the office's local date). */
export const daysUntil = (expiresOn: string, today: string) => Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** The alert a lot with stock raises: expired, or within 7, 14 or 30 days; null otherwise. */
export function expiryLevel(expiresOn: string | null, today: string): ExpiryLevel | null {
  if (!expiresOn) return null;
  const d = daysUntil(expiresOn, today);
  if (d < 0) return 'expired';
  return EXPIRY_ALERT_DAYS.slice().reverse().find((t) => d <= t) ?? null;
}

/** Per incident: what went out to it, what was handed over, what came back, what was lost; the rest is still in the field. */
export interface Reconciliation {
  received: number;
  distributed: number;
  returned: number;
  writtenOff: number;
  /** received − distributed − returned − written off: zero when the incident can close. */
  outstanding: number;
}

export function reconcile(r: Omit<Reconciliation, 'outstanding'>): Reconciliation {
  return { ...r, outstanding: r.received - r.distributed - r.returned - r.writtenOff };
}

/** One victim once per incident: by NIK when known, else by name and village (case and spacing folded). */
export function victimKey(v: { nik?: string | null; name: string; village?: string | null }): string {
  if (v.nik) return `nik:${v.nik}`;
  const fold = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();
  return `name:${fold(v.name)}|${fold(v.village ?? '')}`;
}

/**
 * What a release from a warehouse needs. DOMAIN.md §4 (b) [S], Kemensos on lumbung sosial: "ketika
 * ada bencana, bupati mendeklarasikan … masa kedaruratan, maka baru bisa keluar logistik dari lumbung
 * sosial". Kept per warehouse as data ([U]: no decree of the offices states it); a new lumbung starts
 * with the gate, the office's own gudang without, and either can be changed.
 */
export const RELEASE_GATES = ['none', 'status-tanggap-darurat'] as const;
export type ReleaseGate = (typeof RELEASE_GATES)[number];
export const RELEASE_GATE_NAMES: Record<ReleaseGate, [string, string]> = {
  none: ['Tanpa syarat status', 'No status required'],
  'status-tanggap-darurat': ['Hanya setelah status tanggap darurat ditetapkan', 'Only once an emergency response status is declared'],
};
export const defaultReleaseGate = (kind: WarehouseKind): ReleaseGate => (kind === 'gudang-dinas' ? 'none' : 'status-tanggap-darurat');

/** The declared status an incident records (who declared it, by which decree, from when). */
export interface EmergencyStatus {
  decree: string;
  declaredBy: string;
  declaredOn: string;
  until?: string;
}

/** Whether a dispatch from a warehouse with `gate` may leave for an incident with `status` (null: none declared). */
export const releaseAllowed = (gate: string, status: EmergencyStatus | null): boolean => gate !== 'status-tanggap-darurat' || status !== null;

/**
 * A dispatch to an incident travels as a shipment (Sahana Eden: Sent / Transit / Arrived / Returning;
 * DRIMS: Departed → Arrived → POD Confirmed). Stock leaves the warehouse's ledger at dispatch: what is
 * on the truck is no longer on the shelf, and the incident's reconciliation counts it as received.
 */
export const SHIPMENT_STATES = ['dispatched', 'in-transit', 'arrived', 'handed-over', 'returned'] as const;
export type ShipmentState = (typeof SHIPMENT_STATES)[number];
export const SHIPMENT_STATE_NAMES: Record<ShipmentState, [string, string]> = {
  dispatched: ['Dikeluarkan dari gudang', 'Dispatched'],
  'in-transit': ['Dalam perjalanan', 'In transit'],
  arrived: ['Tiba di posko', 'Arrived'],
  'handed-over': ['Diserahterimakan', 'Handed over'],
  returned: ['Dikembalikan ke gudang', 'Returned'],
};

/**
 * The moves a shipment may make. Arrival may follow the dispatch directly (a posko next door has no
 * journey worth recording); only what has not arrived is returned to the warehouse whole (what
 * arrived comes back as an ordinary return from the incident); a handover needs the arrival.
 */
const NEXT: Record<ShipmentState, readonly ShipmentState[]> = {
  dispatched: ['in-transit', 'arrived', 'returned'],
  'in-transit': ['arrived', 'returned'],
  arrived: ['handed-over'],
  'handed-over': [],
  returned: [],
};
export const shipmentMayMove = (from: string, to: ShipmentState): boolean => (NEXT[from as ShipmentState] ?? []).includes(to);

/**
 * Closing an incident (DOMAIN.md §4 (d) 10: "received − distributed − returned − written off = 0 at
 * closure"): the items that do not balance. When any is left, closing needs a written reason.
 */
export const unbalanced = <T extends Reconciliation>(lines: readonly T[]): T[] => lines.filter((l) => l.outstanding !== 0);
/** The shortest written reason a closure that does not balance accepts (a choice: a sentence, not "ok"). */
export const MIN_CLOSURE_REASON = 20;

/** The decreed services whose cases an incident serves: Jambi 1 and Kutai Kartanegara 6 (the seeds' disaster-aid services). */
export const DISASTER_SERVICES = ['distribusi-logistik-bencana', 'bantuan-korban-bencana'] as const;
