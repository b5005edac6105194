/**
 * One entry of the SPM needs register, read from a form or JSON (pure): a person (NIK, name)
 * assessed on a date as needing one indicator's basic service in a budget year. Every mistake
 * named beside its field, in both languages.
 *
 * Choice recorded: the "penghitungan kebutuhan" of PP 2/2018 precedes the budget year, so an
 * assessment may be dated in the budget year or the year before it, never in the future.
 */
import type { Problem, Result } from '../errors.js';
import { SPM_INDICATORS, type SpmCode } from './spm.js';

export interface SpmNeedInput {
  year: number;
  indicator: SpmCode;
  nik: string;
  name: string;
  assessedOn: string;
  note: string | null;
}

const realDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

export function readSpmNeed(raw: { year?: unknown; indicator?: unknown; nik?: unknown; name?: unknown; assessedOn?: unknown; note?: unknown }, today: string): Result<SpmNeedInput, Problem[]> {
  const problems: Problem[] = [];
  const bad = (field: string, message: string, messageEn: string) => problems.push({ code: 'invalid', field, message, messageEn });
  const year = Number(raw.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) bad('year', 'Tahun anggaran harus tahun empat angka, mis. 2026', 'The budget year must be a four-digit year, e.g. 2026');
  const indicator = String(raw.indicator ?? '');
  if (!SPM_INDICATORS.some((i) => i.code === indicator)) bad('indicator', 'Pilih salah satu dari lima indikator SPM', 'Choose one of the five SPM indicators');
  const nik = String(raw.nik ?? '').replace(/\s+/g, '');
  if (!/^\d{16}$/.test(nik)) bad('nik', 'NIK harus 16 angka', 'The NIK must be 16 digits');
  const name = String(raw.name ?? '').trim();
  if (name.length < 2 || name.length > 200) bad('name', 'Tulis nama lengkap (2–200 huruf)', 'Write the full name (2–200 characters)');
  const assessedOn = String(raw.assessedOn ?? '');
  if (!realDate(assessedOn)) bad('assessedOn', 'Tanggal asesmen harus tanggal nyata TTTT-BB-HH', 'The assessment date must be a real YYYY-MM-DD date');
  else if (assessedOn > today) bad('assessedOn', 'Tanggal asesmen tidak boleh di masa depan', 'The assessment date cannot be in the future');
  else if (Number.isInteger(year) && ![year, year - 1].includes(Number(assessedOn.slice(0, 4))))
    bad('assessedOn', `Asesmen untuk tahun anggaran ${year} bertanggal ${year - 1} atau ${year}`, `An assessment for budget year ${year} is dated ${year - 1} or ${year}`);
  const note = String(raw.note ?? '').trim();
  if (note.length > 1000) bad('note', 'Catatan paling panjang 1.000 huruf', 'The note can be at most 1,000 characters');
  if (problems.length) return { ok: false, error: problems };
  return { ok: true, value: { year, indicator: indicator as SpmCode, nik, name, assessedOn, note: note || null } };
}
