/**
 * The oversight's validation rules (issue 15 §4; DHIS2's validation rules with notifications are the
 * model), pure: facts read from the database in, one notice draft per breach out, keyed so that the
 * same breach in the same period is told once. Each rule names the staff who can act on it.
 */

export type RuleId = 'spm-served-le-needing' | 'shelter-occupancy-le-capacity' | 'stock-ge-0';

export interface NoticeDraft {
  rule: string;
  /** The figures' period the notice is about; with `subject`, the key that tells it once. */
  period: string;
  subject: string;
  text: { id: string; en: string };
  /** Roles told (the permission that can correct it: spm.needs.write, shelters.manage, logistics.stock). */
  roles: readonly string[];
}

export interface ValidationFacts {
  /** The local date of the run; a shelter or stock breach is told once per local month it lasts in. */
  today: string;
  spm: readonly { code: string; name: string; nameEn: string; served: number; needing: number }[];
  shelters: readonly { shelterId: string; name: string; beds: number; residents: number }[];
  stock: readonly { lotId: string; lotCode: string; item: string; unit: string; warehouse: string; balance: number }[];
}

export const RULE_ROLES: Record<RuleId, readonly string[]> = {
  'spm-served-le-needing': ['kepala-dinas', 'kepala-bidang', 'verifikator'],
  'shelter-occupancy-le-capacity': ['kepala-dinas', 'kepala-bidang'],
  'stock-ge-0': ['kepala-dinas', 'kepala-bidang', 'pejabat-fungsional', 'operator'],
};

const id = (n: number) => n.toLocaleString('id-ID');

export function validationNotices(f: ValidationFacts): NoticeDraft[] {
  const year = f.today.slice(0, 4);
  const month = f.today.slice(0, 7);
  const out: NoticeDraft[] = [];
  for (const s of f.spm)
    // Y = 0 is "tidak ada kebutuhan", not a breach to tell about: the achievement page says so.
    if (s.needing > 0 && s.served > s.needing)
      out.push({
        rule: 'spm-served-le-needing',
        period: year,
        subject: s.code,
        roles: RULE_ROLES['spm-served-le-needing'],
        text: {
          id: `SPM ${s.name} ${year}: terlayani ${id(s.served)} orang melebihi yang membutuhkan ${id(s.needing)} orang. Lengkapi register kebutuhan atau periksa pemetaan layanan.`,
          en: `SPM ${s.nameEn} ${year}: ${s.served} persons served exceed the ${s.needing} assessed as needing it. Complete the needs register or check the service mapping.`,
        },
      });
  for (const s of f.shelters)
    out.push({
      rule: 'shelter-occupancy-le-capacity',
      period: month,
      subject: s.shelterId,
      roles: RULE_ROLES['shelter-occupancy-le-capacity'],
      text: {
        id: `Rumah singgah ${s.name}: ${id(s.residents)} klien tinggal, tempat tidur tercatat ${id(s.beds)}. Catat tempat tidur yang ada atau akhiri masa tinggal yang sudah selesai.`,
        en: `Shelter ${s.name}: ${s.residents} clients in residence, ${s.beds} beds recorded. Record the beds there are or end the stays that are over.`,
      },
    });
  for (const s of f.stock)
    out.push({
      rule: 'stock-ge-0',
      period: month,
      subject: s.lotId,
      roles: RULE_ROLES['stock-ge-0'],
      text: {
        id: `Stok ${s.item} (lot ${s.lotCode}, ${s.warehouse}) menurut buku persediaan ${id(s.balance)} ${s.unit}: kurang dari nol. Periksa pengeluaran dan catat penyesuaian.`,
        en: `Stock of ${s.item} (lot ${s.lotCode}, ${s.warehouse}) in the ledger is ${s.balance} ${s.unit}: below zero. Check the dispatches and record an adjustment.`,
      },
    });
  return out;
}
