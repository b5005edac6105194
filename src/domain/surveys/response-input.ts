/**
 * Checks one questionnaire: every answer (U1–U9, each 1–4), the optional respondent profile and
 * suggestion, and for paper entry the date it was filled. Pure; every problem is reported at once.
 *
 * Online questionnaires (the application link, the kiosk) must answer all nine elements; a paper
 * questionnaire may have blanks (counted as missing for that element only, REFERENCE §2) but not
 * be blank altogether.
 */
import { cleanText } from '../complaints/text.js';
import type { FieldProblem, Result } from '../errors.js';
import { ELEMENT_CODES, type ElementCode, type Score } from './elements.js';
import { PROFILE_FIELDS, ageGroupOf, findOption } from './questionnaire.js';

export interface CheckedResponse {
  answers: Record<ElementCode, Score | null>;
  profile: { ageGroup: string | null; sex: string | null; education: string | null; occupation: string | null };
  suggestion: string | null;
  date: string | null;
}

export interface ResponseRules {
  requireAll: boolean;
  /** Paper entry may carry the date the questionnaire was filled. */
  allowDate: boolean;
  /** Office-local today, to refuse dates in the future. */
  today: string;
  /** Lenient value reading for spreadsheets and forms (labels, "3", numbers as text). */
  lenient?: boolean;
}

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toISOString().startsWith(s);
}

/** The checked questionnaire, or every problem found in it (each about one input). */
export function checkResponse(input: unknown, rules: ResponseRules): Result<CheckedResponse, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const p = (field: string, code: string, message: string, messageEn: string) => problems.push({ field, code, message, messageEn });
  const obj = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const answers = Object.fromEntries(ELEMENT_CODES.map((c) => [c, null])) as Record<ElementCode, Score | null>;
  const raw = obj.answers;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) p('answers', 'answers-required', 'Jawaban U1–U9 wajib diisi', 'Answers U1–U9 are required');
  else {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const code = k.trim().toUpperCase();
      if (!(ELEMENT_CODES as readonly string[]).includes(code)) {
        p(`answers.${k}`, 'element-unknown', `Unsur "${k}" tidak dikenal; unsur SKM adalah U1–U9`, `Unknown element "${k}"; the SKM elements are U1–U9`);
        continue;
      }
      if (v === undefined || v === null || v === '') continue;
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[1-4]\s*$/.test(v) ? Number(v) : NaN;
      if (n !== 1 && n !== 2 && n !== 3 && n !== 4) {
        p(`answers.${code}`, 'answer-invalid', `Jawaban ${code} tidak sah (${JSON.stringify(v)}); nilai harus 1, 2, 3 atau 4`, `Answer ${code} is not valid (${JSON.stringify(v)}); it must be 1, 2, 3 or 4`);
        continue;
      }
      answers[code as ElementCode] = n as Score;
    }
    const given = ELEMENT_CODES.filter((c) => answers[c] !== null);
    if (rules.requireAll) {
      for (const c of ELEMENT_CODES)
        if (answers[c] === null && !problems.some((x) => x.field === `answers.${c}`)) p(`answers.${c}`, 'answer-missing', `Unsur ${c} belum dijawab`, `Element ${c} is not answered`);
    } else if (given.length === 0 && !problems.some((x) => x.field.startsWith('answers.')))
      p('answers', 'answers-blank', 'Kuesioner kosong: isi sedikitnya satu unsur', 'Blank questionnaire: answer at least one element');
  }

  const profile: CheckedResponse['profile'] = { ageGroup: null, sex: null, education: null, occupation: null };
  const rp = obj.respondent;
  if (rp !== undefined && rp !== null) {
    if (typeof rp !== 'object' || Array.isArray(rp)) p('respondent', 'respondent-invalid', 'Profil responden harus berupa objek', 'The respondent profile must be an object');
    else {
      const r = rp as Record<string, unknown>;
      for (const k of Object.keys(r))
        if (!PROFILE_FIELDS.some((f) => f.key === k) && k !== 'age') p(`respondent.${k}`, 'field-unknown', `Isian profil "${k}" tidak dikenal`, `Unknown profile field "${k}"`);
      if (r.age !== undefined && r.age !== null && r.age !== '') {
        const age = typeof r.age === 'number' ? r.age : Number(String(r.age).trim());
        if (!Number.isInteger(age) || age < 10 || age > 120) p('respondent.age', 'age-invalid', 'Umur harus bilangan bulat 10–120', 'Age must be a whole number 10–120');
        else profile.ageGroup = ageGroupOf(age);
      }
      for (const f of PROFILE_FIELDS) {
        const v = r[f.key];
        if (v === undefined || v === null || v === '') continue;
        const opt = typeof v === 'string' ? (rules.lenient ? findOption(f.options, v) : f.options.find((x) => x.id === v)) : undefined;
        if (!opt) p(`respondent.${f.key}`, 'option-unknown', `${f.label} "${String(v)}" tidak dikenal. Pilihan: ${f.options.map((x) => x.id).join(', ')}`, `${f.labelEn} "${String(v)}" is not known. Options: ${f.options.map((x) => x.id).join(', ')}`);
        else profile[f.key] = opt.id;
      }
    }
  }

  const s = cleanText(obj.suggestion, { field: 'suggestion', label: 'Saran', labelEn: 'Suggestion', max: 2000, multiline: true });
  if (!s.ok) problems.push(s.problem);

  let date: string | null = null;
  if (obj.date !== undefined && obj.date !== null && obj.date !== '') {
    const d = String(obj.date).trim();
    if (!rules.allowDate) p('date', 'date-staff-only', 'Tanggal kuesioner hanya diisi petugas untuk kuesioner kertas', 'Only staff entering paper questionnaires set the date');
    else if (!isRealDate(d)) p('date', 'date-invalid', 'Tanggal harus YYYY-MM-DD dan nyata', 'The date must be a real YYYY-MM-DD date');
    else if (d > rules.today) p('date', 'date-future', 'Tanggal kuesioner tidak boleh di masa depan', 'The questionnaire date cannot be in the future');
    else if (d < '2000-01-01') p('date', 'date-too-old', 'Tanggal kuesioner terlalu lama', 'The questionnaire date is too old');
    else date = d;
  }
  if (problems.length) return { ok: false, error: problems };
  return { ok: true, value: { answers, profile, suggestion: s.ok ? s.value : null, date } };
}
