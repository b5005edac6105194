/**
 * The questionnaire around the nine elements (elements.ts): the question asked for each
 * element and the respondent profile. Pure data and checks, no I/O.
 *
 * The questions follow the sample questionnaire of PermenPANRB 14/2017 as offices print it. The
 * profile (all optional) has the form's items: age, sex, education, occupation.
 * Pilihan (Sigap's choices, documented in docs/COMPLAINTS-SKM.md): ages are grouped in ten-year
 * bands; education adds "tidak/belum sekolah" because many Dinas Sosial clients never went to
 * school; occupation adds "pelajar/mahasiswa" and "tidak bekerja" to the form's PNS, TNI, POLRI,
 * swasta, wirausaha and lainnya.
 */
import type { ElementCode } from './elements.js';

export const QUESTIONS: Record<ElementCode, [string, string]> = {
  U1: ['Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', 'How well do the requirements match the service?'],
  U2: ['Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', 'How easy is the procedure of this service?'],
  U3: ['Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', 'How fast was the service delivered?'],
  U4: ['Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', 'How fair is the cost of the service?'],
  U5: ['Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?', 'How well does the product you received match the service standard?'],
  U6: ['Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', 'How competent were the staff?'],
  U7: ['Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', 'How polite and friendly were the staff?'],
  U8: ['Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?', 'How are complaints of service users handled?'],
  U9: ['Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', 'How good are the facilities?'],
};

export interface Option {
  id: string;
  label: string;
  labelEn: string;
}

const o = (id: string, label: string, labelEn: string): Option => ({ id, label, labelEn });

export const AGE_GROUPS: readonly Option[] = [
  o('<20', 'Di bawah 20 tahun', 'Under 20'),
  o('20-29', '20–29 tahun', '20–29'),
  o('30-39', '30–39 tahun', '30–39'),
  o('40-49', '40–49 tahun', '40–49'),
  o('50-59', '50–59 tahun', '50–59'),
  o('60+', '60 tahun ke atas', '60 and over'),
];
export const SEXES: readonly Option[] = [o('L', 'Laki-laki', 'Male'), o('P', 'Perempuan', 'Female')];
export const EDUCATIONS: readonly Option[] = [
  o('tidak-sekolah', 'Tidak/belum sekolah', 'No schooling'),
  o('sd', 'SD', 'Primary school'),
  o('smp', 'SMP', 'Junior high school'),
  o('sma', 'SMA/SMK', 'Senior high school'),
  o('d1-d3', 'D1–D3', 'Diploma 1–3'),
  o('d4-s1', 'D4/S1', 'Diploma 4 / Bachelor'),
  o('s2', 'S2', "Master's"),
  o('s3', 'S3', 'Doctorate'),
];
export const OCCUPATIONS: readonly Option[] = [
  o('pns', 'PNS', 'Civil servant'),
  o('tni', 'TNI', 'Armed forces'),
  o('polri', 'POLRI', 'Police'),
  o('swasta', 'Pegawai swasta', 'Private employee'),
  o('wirausaha', 'Wirausaha', 'Self-employed'),
  o('pelajar', 'Pelajar/mahasiswa', 'Student'),
  o('tidak-bekerja', 'Tidak bekerja', 'Not working'),
  o('lainnya', 'Lainnya', 'Other'),
];

export const PROFILE_FIELDS = [
  { key: 'ageGroup', column: 'age_group', label: 'Kelompok umur', labelEn: 'Age group', options: AGE_GROUPS },
  { key: 'sex', column: 'sex', label: 'Jenis kelamin', labelEn: 'Sex', options: SEXES },
  { key: 'education', column: 'education', label: 'Pendidikan', labelEn: 'Education', options: EDUCATIONS },
  { key: 'occupation', column: 'occupation', label: 'Pekerjaan', labelEn: 'Occupation', options: OCCUPATIONS },
] as const;

/** The age group of an age in years. */
export function ageGroupOf(age: number): string {
  if (age < 20) return '<20';
  if (age >= 60) return '60+';
  const lo = Math.floor(age / 10) * 10;
  return `${lo}-${lo + 9}`;
}

/** An option by id or by label (either language), case-insensitive: for spreadsheets typed by hand. */
export function findOption(options: readonly Option[], value: string): Option | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return options.find((x) => x.id.toLowerCase() === v || x.label.toLowerCase() === v || x.labelEn.toLowerCase() === v);
}

export function optionLabel(options: readonly Option[], id: string | null, lang: 'id' | 'en' = 'id'): string {
  if (!id) return lang === 'id' ? 'Tidak diisi' : 'Not given';
  const x = options.find((y) => y.id === id);
  return x ? (lang === 'id' ? x.label : x.labelEn) : id;
}

/** How a questionnaire reached Sigap: an application's link, the office kiosk, paper typed in by staff, or a spreadsheet import. */
export const SURVEY_SOURCES = ['link', 'kiosk', 'paper', 'import'] as const;
export type SurveySource = (typeof SURVEY_SOURCES)[number];
