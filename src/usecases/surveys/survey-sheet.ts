/**
 * SKM questionnaires as spreadsheets (exceljs): the columns, the import template and reading an
 * import. The export (export-responses-xlsx.ts) writes the same columns, so an exported file
 * imports again.
 */
import type ExcelJS from 'exceljs';
import type { StoredOffice } from '../../db/standards-repo.js';
import type { FieldProblem } from '../../domain/errors.js';
import { ELEMENTS, ELEMENT_CODES } from '../../domain/surveys/index.js';
import { AGE_GROUPS, EDUCATIONS, OCCUPATIONS, PROFILE_FIELDS, SEXES } from '../../domain/surveys/questionnaire.js';
import { inspectZip } from '../../io/zip-bounds.js';

const COLUMNS = [
  { key: 'date', header: 'Tanggal', aliases: ['tanggal', 'date', 'tgl'] },
  { key: 'service', header: 'Layanan', aliases: ['layanan', 'service', 'jenis layanan'] },
  { key: 'application', header: 'Nomor registrasi', aliases: ['nomor registrasi', 'no registrasi', 'application', 'registration number'] },
  ...ELEMENT_CODES.map((c) => ({ key: c, header: c, aliases: [c.toLowerCase()] })),
  { key: 'age', header: 'Umur', aliases: ['umur', 'usia', 'age'] },
  { key: 'ageGroup', header: 'Kelompok umur', aliases: ['kelompok umur', 'age group'] },
  { key: 'sex', header: 'Jenis kelamin', aliases: ['jenis kelamin', 'sex', 'l/p'] },
  { key: 'education', header: 'Pendidikan', aliases: ['pendidikan', 'education'] },
  { key: 'occupation', header: 'Pekerjaan', aliases: ['pekerjaan', 'occupation'] },
  { key: 'suggestion', header: 'Saran', aliases: ['saran', 'saran dan masukan', 'suggestion'] },
] as const;

/** The header row of the questionnaire sheet. */
export function headerRow() {
  return COLUMNS.map((c) => c.header);
}

/** The sheet explaining each column, in the template and in every export. */
export function instructions(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Petunjuk');
  ws.columns = [{ width: 22 }, { width: 100 }];
  const rows: [string, string][] = [
    ['Kolom', 'Isi'],
    ['Tanggal', 'Tanggal kuesioner diisi, YYYY-MM-DD (mis. 2026-03-20) atau sel tanggal. Kosong = hari ini.'],
    ['Layanan', 'Kode layanan (slug) seperti pada alamat halaman layanan, nomor layanan, atau judul layanan persis. Boleh kosong.'],
    ['Nomor registrasi', 'Boleh kosong. Bila diisi: satu kuesioner per permohonan.'],
    ...ELEMENTS.map((e): [string, string] => [e.code, `${e.name}: ${e.options.map((o) => `${o.score} = ${o.label}`).join('; ')}. Kosong = tidak dijawab.`]),
    ['Umur', 'Umur dalam tahun (boleh diganti Kelompok umur).'],
    ['Kelompok umur', AGE_GROUPS.map((o) => o.label).join('; ')],
    ['Jenis kelamin', SEXES.map((o) => `${o.id} / ${o.label}`).join('; ')],
    ['Pendidikan', EDUCATIONS.map((o) => o.label).join('; ')],
    ['Pekerjaan', OCCUPATIONS.map((o) => o.label).join('; ')],
    ['Saran', 'Saran dan masukan responden (teks).'],
    ['', 'Impor bersifat semua-atau-tidak-sama-sekali: bila ada baris yang salah, tidak ada yang disimpan dan setiap baris yang salah disebutkan.'],
  ];
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
}

/** An empty questionnaire sheet with the columns, plus a sheet explaining them. */
export async function surveyTemplateXlsx(): Promise<Buffer> {
  // exceljs is loaded where a spreadsheet is made or read: it is large, and most processes never do.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sigap';
  const ws = wb.addWorksheet('Kuesioner');
  ws.addRow(headerRow());
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 14));
  instructions(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ParsedSheet {
  responses: Record<string, unknown>[];
  rowNumbers: number[];
  /** Problems of the file or of a row (`row` counted as the spreadsheet does). */
  problems: FieldProblem[];
}

function cellText(v: ExcelJS.CellValue): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/**
 * What a questionnaire workbook may hold: a few thousand paper questionnaires are a few megabytes
 * of XML. The zip is checked against these before exceljs inflates it whole into memory.
 */
export const SURVEY_XLSX_LIMITS = { maxEntries: 500, maxTotalBytes: 64 * 1024 * 1024, maxRows: 20_000 } as const;

/** Reads the first worksheet of an XLSX into questionnaire objects, one per non-empty row. */
export async function parseSurveyXlsx(buf: Buffer, office: StoredOffice): Promise<ParsedSheet> {
  const problems: ParsedSheet['problems'] = [];
  const zip = inspectZip(buf, SURVEY_XLSX_LIMITS);
  if (!zip.ok && zip.reason !== 'not-zip')
    return {
      responses: [],
      rowNumbers: [],
      problems: [
        {
          field: 'file',
          code: 'xlsx-too-large',
          message: `Isi berkas XLSX terlalu besar setelah dibuka (maksimal ${SURVEY_XLSX_LIMITS.maxTotalBytes / 1024 / 1024} MB dan ${SURVEY_XLSX_LIMITS.maxEntries} bagian); bagi menjadi beberapa berkas`,
          messageEn: `The XLSX file's content is too large once unpacked (at most ${SURVEY_XLSX_LIMITS.maxTotalBytes / 1024 / 1024} MB and ${SURVEY_XLSX_LIMITS.maxEntries} parts); split it into several files`,
        },
      ],
    };
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { responses: [], rowNumbers: [], problems: [{ field: 'file', code: 'xlsx-unreadable', message: 'Berkas bukan XLSX yang dapat dibaca', messageEn: 'The file is not a readable XLSX workbook' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { responses: [], rowNumbers: [], problems: [{ field: 'file', code: 'xlsx-empty', message: 'Berkas tidak memuat lembar kerja', messageEn: 'The workbook has no worksheet' }] };
  if (ws.actualRowCount > SURVEY_XLSX_LIMITS.maxRows + 1)
    return {
      responses: [],
      rowNumbers: [],
      problems: [{ field: 'file', code: 'xlsx-too-many-rows', message: `Paling banyak ${SURVEY_XLSX_LIMITS.maxRows} baris kuesioner per berkas; bagi menjadi beberapa berkas`, messageEn: `At most ${SURVEY_XLSX_LIMITS.maxRows} questionnaire rows per file; split it into several files` }],
    };
  const colOf = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const h = String(cellText(cell.value) ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    const c = COLUMNS.find((x) => (x.aliases as readonly string[]).includes(h));
    if (c && !colOf.has(c.key)) colOf.set(c.key, col);
  });
  const missing = ELEMENT_CODES.filter((c) => !colOf.has(c));
  if (missing.length) return { responses: [], rowNumbers: [], problems: [{ row: 1, field: 'header', code: 'columns-missing', message: `Kolom ${missing.join(', ')} tidak ada pada baris judul (baris 1)`, messageEn: `Columns ${missing.join(', ')} are missing from the header row (row 1)` }] };
  const services = office.services;
  const responses: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const get = (key: string) => {
      const col = colOf.get(key);
      return col ? cellText(row.getCell(col).value) : null;
    };
    const values = COLUMNS.map((c) => get(c.key));
    if (values.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) return;
    const answers: Record<string, unknown> = {};
    for (const c of ELEMENT_CODES) {
      const v = get(c);
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) answers[c] = typeof v === 'number' ? v : String(v).trim();
    }
    let date: unknown = get('date');
    if (date instanceof Date) date = date.toISOString().slice(0, 10);
    else if (typeof date === 'string') {
      const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(date.trim());
      date = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : date.trim();
    } else if (typeof date === 'number') date = String(date);
    let service: unknown = get('service');
    if (service !== null) {
      const s = String(service).trim();
      const found = services.find((x) => x.service.slug === s || String(x.service.no) === s || x.service.title.toLowerCase() === s.toLowerCase());
      service = found ? found.service.slug : s;
    }
    const respondent: Record<string, unknown> = {};
    for (const f of PROFILE_FIELDS) {
      const v = get(f.key);
      if (v !== null && String(v).trim() !== '') respondent[f.key] = String(v).trim();
    }
    const age = get('age');
    if (age !== null && String(age).trim() !== '' && respondent.ageGroup === undefined) respondent.age = typeof age === 'number' ? age : String(age).trim();
    const application = get('application');
    const suggestion = get('suggestion');
    responses.push({
      date: date === null || date === '' ? undefined : date,
      service: service === null || service === '' ? undefined : service,
      application: application === null ? undefined : String(application).trim(),
      answers,
      respondent: Object.keys(respondent).length ? respondent : undefined,
      suggestion: suggestion === null ? undefined : String(suggestion),
    });
    rowNumbers.push(n);
  });
  if (!responses.length) problems.push({ field: 'file', code: 'xlsx-no-rows', message: 'Tidak ada baris kuesioner di bawah baris judul', messageEn: 'No questionnaire rows below the header row' });
  return { responses, rowNumbers, problems };
}
