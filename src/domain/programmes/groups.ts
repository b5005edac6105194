/**
 * A group proposal of a group programme (KUBE, RST) against the programme's data: members with NIK,
 * KK and birth date, officers, the group account, a proposal with its RAB; the composition rules
 * answer in the decree's own words (checkGroup). Also the calendar arithmetic of the group's report
 * deadline and of a filing window. Pure.
 */
import type { FieldProblem } from '../errors.js';
import { parseKk } from '../identity/kk.js';
import { parseNik } from '../identity/nik.js';
import { checkGroup } from './eligibility.js';
import { NOT_STATED, type Programme } from './schema.js';
import { plusDays } from '../util/dates.js';

export const OFFICER_ROLES = ['ketua', 'sekretaris', 'bendahara'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];
export const GROUP_STATUSES = ['proposed', 'decreed', 'disbursed', 'reported'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
/** Bounds: no decree names a group above 15 KK; 40 leaves room for another office's data. */
export const MAX_MEMBERS = 40;
export const MAX_RAB_ITEMS = 50;

export const GROUP_STATUS_NAMES: Record<GroupStatus, { id: string; en: string }> = {
  proposed: { id: 'Diusulkan', en: 'Proposed' },
  decreed: { id: 'SK kelompok tercatat', en: 'Group decree recorded' },
  disbursed: { id: 'Dicairkan; menunggu laporan', en: 'Disbursed; report awaited' },
  reported: { id: 'Laporan diterima', en: 'Report received' },
};

export interface MemberInput {
  nik: string;
  kk: string;
  name: string;
  /** When absent, the birth date the NIK encodes. */
  birthDate?: string | null;
  role?: OfficerRole | null;
}

export interface GroupMemberRow {
  nik: string;
  kk: string;
  name: string;
  birthDate: string | null;
  role: OfficerRole | null;
}

export interface RabItem {
  item: string;
  amount: number;
}

/** Checks every member (NIK, KK, one KK once) and the composition rules on the proposal date; every problem at its field. */
export function checkGroupMembers(p: Programme, members: readonly MemberInput[], proposalDate: string, individual: boolean): { members: GroupMemberRow[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const rules = p.group;
  if (!rules) return { members: [], problems: [{ code: 'not-a-group-programme', field: 'programme', message: 'Program ini bukan program kelompok', messageEn: 'This is not a group programme' }] };
  const rows: GroupMemberRow[] = [];
  const seenNik = new Map<string, number>();
  const seenKk = new Map<string, number>();
  members.forEach((m, i) => {
    const nik = parseNik(m.nik, { today: proposalDate });
    if (!nik.ok) problems.push({ ...nik.error, field: `members.${i}.nik` });
    const kk = parseKk(m.kk, { today: proposalDate });
    if (!kk.ok) problems.push({ ...kk.error, field: `members.${i}.kk` });
    if (!m.name.trim()) problems.push({ code: 'name-required', field: `members.${i}.name`, message: 'Nama anggota wajib diisi', messageEn: "The member's name is required" });
    if (nik.ok) {
      const before = seenNik.get(nik.value.nik);
      if (before !== undefined)
        problems.push({ code: 'member-twice', field: `members.${i}.nik`, message: `NIK ini sudah tercantum pada anggota ke-${before + 1}`, messageEn: `This NIK is already member ${before + 1}` });
      seenNik.set(nik.value.nik, i);
    }
    // "Satu kelompok beranggotakan 10 KK": each member stands for one family card.
    if (kk.ok && rules.memberUnit === 'family') {
      const before = seenKk.get(kk.value.kk);
      if (before !== undefined)
        problems.push({ code: 'family-twice', field: `members.${i}.kk`, message: `KK ini sudah diwakili anggota ke-${before + 1}; ketentuan: "${rules.size.text}"`, messageEn: `This family card is already represented by member ${before + 1}; the rule: "${rules.size.text}"` });
      seenKk.set(kk.value.kk, i);
    }
    rows.push({ nik: nik.ok ? nik.value.nik : m.nik, kk: kk.ok ? kk.value.kk : m.kk, name: m.name.trim().toUpperCase(), birthDate: m.birthDate ?? (nik.ok ? nik.value.birthDate : null), role: m.role ?? null });
  });
  if (individual) {
    if (!rules.individualAllowed)
      problems.push({ code: 'individual-not-allowed', field: 'individual', message: `Program ini tidak mengenal penerima perseorangan; ketentuan: "${rules.size.text}"`, messageEn: `This programme has no individual recipients; the rule: "${rules.size.text}"` });
    else if (rows.length !== 1)
      problems.push({ code: 'individual-one', field: 'members', message: `Usulan perseorangan memuat tepat satu orang; ketentuan: "${rules.individualText}"`, messageEn: `An individual proposal names exactly one person; the rule: "${rules.individualText}"` });
  }
  const composition = individual && rules.individualAllowed ? checkGroup({ ...rules, size: { ...rules.size, min: 1, max: 1 }, officers: [] }, rows, proposalDate) : checkGroup(rules, rows, proposalDate);
  for (const c of composition) problems.push({ ...c, field: c.field ?? 'members' });
  return { members: rows, problems };
}

/** The RAB: each line named, amounts whole rupiah; its total must not exceed the amount per group when the decree states one. */
export function checkRab(p: Programme, rab: readonly RabItem[]): { total: number; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let total = 0;
  rab.forEach((r, i) => {
    if (!r.item.trim()) problems.push({ code: 'rab-item', field: `rab.${i}.item`, message: 'Uraian belanja wajib diisi', messageEn: 'The spending line needs a description' });
    total += r.amount;
  });
  if (rab.length === 0) problems.push({ code: 'rab-required', field: 'rab', message: 'Proposal wajib memuat Rencana Anggaran Belanja (RAB)', messageEn: 'The proposal needs its spending plan (RAB)' });
  const cap = p.group?.amountPerGroup;
  if (cap && cap.value !== null && total > cap.value)
    problems.push({
      code: 'rab-over',
      field: 'rab',
      message: `Jumlah RAB Rp ${total.toLocaleString('id-ID')} melebihi bantuan per kelompok; ketentuan: "${cap.text}"`,
      messageEn: `The RAB totals Rp ${total.toLocaleString('id-ID')}, above the amount per group; the rule: "${cap.text}"`,
    });
  return { total, problems };
}

/** The group's report deadline: the disbursement date plus the decree's days (null when it states none). */
export function reportDue(p: Programme, disbursedOn: string): string | null {
  const days = p.group?.reportDays ?? null;
  return days === null ? null : plusDays(disbursedOn, days);
}

/** Whether the group's decree is one Sigap records (another official issues it) and who that is, in words. */
export function groupDecreeOf(p: Programme): { issuer: string; text: string; stated: boolean } {
  const g = p.group;
  return { issuer: g?.groupDecreeIssuer ?? 'not-stated', text: g?.groupDecree ?? NOT_STATED, stated: !!g && g.groupDecree !== NOT_STATED };
}
