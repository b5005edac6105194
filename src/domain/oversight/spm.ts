/**
 * SPM bidang sosial counted from the cases (issue 15, deliverable 2), pure: per indicator and
 * budget year, X = distinct persons served, Y = distinct persons in the needs register, achievement
 * X/Y × 100 % (Permensos 9/2018: "Indikator Kinerja = X/Y x 100% … selama 1 (satu) tahun
 * anggaran"), "tidak ada kebutuhan" when Y = 0.
 *
 * Choices recorded here:
 * - The budget year is the calendar year (1 January – 31 December, the Indonesian fiscal year),
 *   read from the local date a service was delivered.
 * - A person counts once per indicator per year however many services they got ("dihitung secara
 *   akumulasi selama 1 (satu) tahun"), and again in another year. Persons are told apart by a key
 *   the caller derives (a NIK, or the registry's person id); the key never leaves this module's result.
 * - Which services and which outcomes (procedure ends) count towards which indicator is office data
 *   (`SpmMapping`), never a constant here; a service may count for one indicator only.
 * - X is not capped by Y: a year where more persons were served than the register lists is shown as
 *   it is, with the flag `servedExceedsNeeding` (the validation rule "served ≤ needing" of issue 15).
 * - The indicator names follow the kab/kota basic services of the social sector as listed in
 *   DOMAIN.md §5 (a–e); SIPD codes are left to office data, since only gepeng's ("000743") was found.
 */

export const SPM_INDICATORS = [
  { code: 'rehsos-disabilitas', name: 'Rehabilitasi sosial dasar penyandang disabilitas telantar di luar panti', nameEn: 'Basic social rehabilitation of neglected persons with disabilities outside institutions' },
  { code: 'rehsos-anak', name: 'Rehabilitasi sosial dasar anak telantar di luar panti', nameEn: 'Basic social rehabilitation of neglected children outside institutions' },
  { code: 'rehsos-lansia', name: 'Rehabilitasi sosial dasar lanjut usia telantar di luar panti', nameEn: 'Basic social rehabilitation of neglected elderly persons outside institutions' },
  { code: 'rehsos-gepeng', name: 'Rehabilitasi sosial dasar gelandangan dan pengemis di luar panti', nameEn: 'Basic social rehabilitation of homeless persons and beggars outside institutions' },
  { code: 'linjamsos-bencana', name: 'Perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat bencana bagi korban bencana', nameEn: 'Social protection and security during and after the disaster emergency for disaster victims' },
] as const;
export type SpmCode = (typeof SPM_INDICATORS)[number]['code'];

/** Office data: a service (and, when given, only some of its procedure ends) counts towards one indicator. */
export interface SpmMapping {
  service: string;
  indicator: SpmCode;
  /** Procedure end ids that mean the basic service was delivered; absent: every completed case. */
  ends?: readonly string[];
}

/** A completed case as SPM reads it: whose it was, which service, how it ended, on which local date. */
export interface DeliveredCase {
  personKey: string;
  service: string;
  endId: string | null;
  /** Local date (YYYY-MM-DD) the service was delivered. */
  date: string;
}

/** One entry of the needs register: this person was assessed as needing this basic service in this year. */
export interface NeedEntry {
  personKey: string;
  indicator: SpmCode;
  year: number;
}

export interface SpmResult {
  code: SpmCode;
  name: string;
  nameEn: string;
  served: number;
  needing: number;
  /** X/Y × 100, rounded to two decimals; null when nobody was assessed as needing it. */
  achievement: number | null;
  /** "75,00 %" or "tidak ada kebutuhan", and in English. */
  text: { id: string; en: string };
  servedExceedsNeeding: boolean;
}

export function spmAchievement(year: number, mapping: readonly SpmMapping[], delivered: readonly DeliveredCase[], needs: readonly NeedEntry[]): SpmResult[] {
  const served = new Map<SpmCode, Set<string>>();
  const needing = new Map<SpmCode, Set<string>>();
  const prefix = `${year}-`;
  for (const c of delivered) {
    if (!c.date.startsWith(prefix)) continue;
    const m = mapping.find((x) => x.service === c.service && (!x.ends || (c.endId !== null && x.ends.includes(c.endId))));
    if (!m) continue;
    const set = served.get(m.indicator) ?? new Set<string>();
    set.add(c.personKey);
    served.set(m.indicator, set);
  }
  for (const n of needs) {
    if (n.year !== year) continue;
    const set = needing.get(n.indicator) ?? new Set<string>();
    set.add(n.personKey);
    needing.set(n.indicator, set);
  }
  return SPM_INDICATORS.map((ind) => spmResult(ind.code, served.get(ind.code)?.size ?? 0, needing.get(ind.code)?.size ?? 0));
}

/** One indicator's achievement from X (distinct persons served) and Y (distinct persons needing). */
export function spmResult(code: SpmCode, x: number, y: number): SpmResult {
  const ind = SPM_INDICATORS.find((i) => i.code === code)!;
  const achievement = y === 0 ? null : Math.round((x / y) * 10000) / 100;
  const text =
    achievement === null
      ? { id: 'tidak ada kebutuhan', en: 'no need recorded' }
      : { id: `${achievement.toFixed(2).replace('.', ',')} %`, en: `${achievement.toFixed(2)}%` };
  return { code: ind.code, name: ind.name, nameEn: ind.nameEn, served: x, needing: y, achievement, text, servedExceedsNeeding: x > y };
}
