/** Zod schemas of the group, quota-queue and transparency API (docs/PROGRAMMES.md); the staff and public forms are parsed by the same ones. */
import { z } from 'zod';
import { GROUP_STATUSES, MAX_MEMBERS, MAX_RAB_ITEMS, OFFICER_ROLES } from '../../domain/programmes/groups.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus YYYY-MM-DD / The date must be YYYY-MM-DD' });
const text = (max: number, id: string, en: string) => z.string().trim().min(1, { message: `${id} wajib diisi / ${en} is required` }).max(max, { message: `Paling banyak ${max} karakter / At most ${max} characters` });
const rupiah = z.coerce.number({ message: 'Jumlah harus angka rupiah / The amount must be a number of rupiah' }).int({ message: 'Rupiah tanpa sen / Whole rupiah' }).min(1, { message: 'Jumlah minimal Rp 1 / At least Rp 1' }).max(10_000_000_000, { message: 'Jumlah terlalu besar / Amount too large' });
const version = z.coerce.number().int().min(1).max(1_000_000);
/** A period: a year (2026) or a month (2026-03), as the quota is allotted. */
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'Periode berupa tahun (2026) atau bulan (2026-03) / The period is a year (2026) or a month (2026-03)' });

export const memberBody = z.object({
  nik: z.string().max(40),
  kk: z.string().max(40),
  name: z.string().max(120),
  birthDate: isoDate.nullable().optional(),
  role: z.enum(OFFICER_ROLES).nullable().optional(),
});

export const groupBody = z.object({
  name: text(120, 'Nama kelompok', 'The group name'),
  individual: z.boolean().optional(),
  village: text(120, 'Kelurahan', 'The village'),
  district: z.string().trim().max(120).nullable().optional(),
  business: text(300, 'Jenis usaha', 'The business'),
  proposalDate: isoDate,
  account: z.object({ bank: text(80, 'Bank', 'The bank'), number: z.string().trim().regex(/^[0-9.\- ]{5,30}$/, { message: 'Nomor rekening: angka, 5–30 karakter / Account number: digits, 5–30 characters' }), holder: text(120, 'Nama pemilik rekening', 'The account holder') }),
  members: z.array(memberBody).min(1, { message: 'Kelompok tanpa anggota / The group has no members' }).max(MAX_MEMBERS, { message: `Paling banyak ${MAX_MEMBERS} anggota / At most ${MAX_MEMBERS} members` }),
  rab: z.array(z.object({ item: z.string().max(200), amount: rupiah })).max(MAX_RAB_ITEMS),
});

export const groupRegistered = z.object({ id: z.string(), members: z.number(), rabTotal: z.number() });

export const groupSummary = z.object({
  id: z.string(),
  name: z.string(),
  individual: z.boolean(),
  village: z.string(),
  proposalDate: z.string(),
  status: z.enum(GROUP_STATUSES),
  rabTotal: z.number(),
  decree: z.object({ number: z.string(), date: z.string(), issuer: z.string().nullable() }).nullable(),
  disbursedOn: z.string().nullable(),
  reportDue: z.string().nullable(),
  reportedOn: z.string().nullable(),
  version: z.number(),
});

export const groupDetail = groupSummary.extend({
  business: z.string(),
  account: z.object({ bank: z.string(), number: z.string(), holder: z.string() }),
  rab: z.array(z.object({ item: z.string(), amount: z.number() })),
  members: z.array(z.object({ position: z.number(), nik: z.string(), kk: z.string(), name: z.string(), birthDate: z.string().nullable(), role: z.enum(OFFICER_ROLES).nullable() })),
});

export const groupDecreeBody = z.object({ number: text(120, 'Nomor SK', 'The decree number'), date: isoDate, version });
export const groupDisbursementBody = z.object({ date: isoDate, amount: rupiah, version });
export const groupReportBody = z.object({ date: isoDate, note: text(1000, 'Ringkasan laporan', 'The report summary'), version });

export const quotaBody = z.object({ quota: z.coerce.number().int().min(0).max(1_000_000), note: text(300, 'Dasar kuota', 'The basis of the quota') });
export const periodParams = z.object({ slug: z.string().max(100), period: periodSchema });
export const queueBody = z.object({ period: periodSchema, nik: z.string().max(40), name: text(120, 'Nama', 'The name'), category: z.string().max(60), registrationNumber: z.string().trim().max(60).nullable().optional() });
export const queuePlace = z.object({ id: z.string(), position: z.number(), quota: z.number().nullable(), withinQuota: z.boolean().nullable() });
export const queueQuery = z.object({ period: periodSchema });
export const queueList = z.object({
  period: z.string(),
  quota: z.number().nullable(),
  entries: z.array(z.object({ position: z.number(), nik: z.string(), name: z.string(), category: z.string(), registrationNumber: z.string().nullable(), withinQuota: z.boolean().nullable() })),
});

export const publicProgrammeParams = z.object({ slug: z.string().max(100), programme: z.string().max(100) });
export const recipientsQuery = z.object({ period: z.string().regex(/^\d{4}$/).max(4), page: z.coerce.number().int().min(0).max(500).default(0) });
export const recipientsPage = z.object({
  programme: z.string(),
  period: z.string(),
  decrees: z.array(z.object({ stage: z.string(), number: z.string(), issuedOn: z.string() })),
  recipients: z.array(z.object({ name: z.string(), nik: z.string(), village: z.string().nullable(), category: z.string(), stage: z.string() })),
  total: z.number(),
  more: z.boolean(),
});
export const selfCheckBody = z.object({ nik: z.string().max(40), kk: z.string().max(40) });
export const selfCheckAnswer = z.object({ registered: z.boolean(), period: z.string().nullable(), nextCycle: z.string().nullable() });
