/** The evaluation as rows of text, once, for the XLSX sheet and the PDF table (same columns, same words). */
import { amount, percent, type ServiceEvaluation } from '../../domain/oversight/evaluate.js';
import type { StandardEvaluation } from './evaluate-standard.js';

type Lang = 'id' | 'en';
const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

export const reportHeader = (lang: Lang): string[] => [
  L(lang, 'No.', 'No.'),
  L(lang, 'Layanan', 'Service'),
  L(lang, 'Janji dalam keputusan', "Decree's promise"),
  L(lang, 'Kasus', 'Cases'),
  L(lang, 'Selesai', 'Completed'),
  L(lang, 'Tepat waktu', 'On time'),
  'Median',
  'p90',
  L(lang, 'Maks.', 'Max'),
  L(lang, 'Terbuka (terlambat)', 'Open (late)'),
  L(lang, 'Menunggu', 'Waiting on'),
  L(lang, 'Temuan', 'Finding'),
];

const time = (lang: Lang, v: number | null, ev: ServiceEvaluation) => (v === null || ev.unit === null ? '—' : amount(lang, v, ev.unit));

export function waitsText(lang: Lang, ev: ServiceEvaluation): string {
  if (!ev.waits.length || ev.unit === null) return '—';
  return ev.waits
    .map((w) => `${w.kind === 'applicant' ? L(lang, 'pemohon', 'applicant') : (w.body ?? L(lang, 'instansi lain', 'another body'))}: ${amount(lang, w.total, ev.unit!)} (${percent(lang, w.share)})`)
    .join('; ');
}

export function reportRows(lang: Lang, r: StandardEvaluation): string[][] {
  return r.services.map((s) => {
    const ev = s.evaluation;
    return [
      s.no,
      s.title,
      ev.promise.text,
      String(ev.cases),
      String(ev.completed),
      ev.onTimeRate === null ? '—' : `${ev.onTime} (${percent(lang, ev.onTimeRate)})`,
      time(lang, ev.median, ev),
      time(lang, ev.p90, ev),
      time(lang, ev.max, ev),
      `${ev.open} (${ev.openLate})`,
      waitsText(lang, ev),
      lang === 'id' ? ev.finding.id : ev.finding.en,
    ];
  });
}

/** The definitions printed under the table, so a reader of the report knows what each figure means. */
export const reportNotes = (lang: Lang): string[] => [
  L(
    lang,
    'Kasus: permohonan yang diajukan dalam periode. Selesai: diputuskan (selesai atau ditolak); dibatalkan pemohon tidak dihitung. Tepat waktu: ditutup paling lambat pada tenggat jam layanan (batas atas rentang, jeda tidak dihitung).',
    'Cases: applications submitted in the period. Completed: decided (completed or rejected); withdrawn ones are left out. On time: closed no later than the clock’s due time (the upper bound of a range, pauses excluded).',
  ),
  L(
    lang,
    'Waktu dalam satuan keputusan: hari kerja menurut kalender kantor (hari libur nasional, cuti bersama dan hari tutup tidak dihitung), hari, atau menit untuk layanan 24 jam; hari menunggu pemohon atau instansi lain dikeluarkan. Median: nilai tengah (rata-rata dua nilai tengah bila jumlahnya genap). p90: peringkat terdekat, waktu yang tidak dilampaui oleh sedikitnya 90 % kasus.',
    'Times in the decree’s unit: working days on the office calendar (national holidays, cuti bersama and closures not counted), days, or minutes for 24-hour services; days spent waiting on the applicant or another body are left out. Median: the middle value (the mean of the two middle values for an even count). p90: nearest rank, the time that at least 90% of cases did not exceed.',
  ),
];
