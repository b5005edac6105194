/**
 * The nine elements (unsur) of the community satisfaction survey (Survei Kepuasan Masyarakat,
 * SKM) of PermenPANRB 14/2017, in the order of REFERENCE §2, each with the four answer options of
 * the regulation's sample questionnaire (score 1 = worst … 4 = best).
 *
 * Answers are keyed by element code (U1–U9), never by the position of a question on a printed
 * form: some published questionnaires ask about facilities (sarana) before complaint handling
 * (pengaduan), while the element list numbers pengaduan U8 and sarana U9.
 */

export const ELEMENT_CODES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type ElementCode = (typeof ELEMENT_CODES)[number];

export type Score = 1 | 2 | 3 | 4;

export interface AnswerOption {
  score: Score;
  /** The regulation's wording. */
  label: string;
  labelEn: string;
}

export interface SurveyElement {
  code: ElementCode;
  name: string;
  nameEn: string;
  /** Exactly four, scores 1, 2, 3, 4 in that order. */
  options: readonly [AnswerOption, AnswerOption, AnswerOption, AnswerOption];
}

type Four = readonly [string, string, string, string];

function element(code: ElementCode, name: string, nameEn: string, labels: Four, labelsEn: Four): SurveyElement {
  const opt = (i: 0 | 1 | 2 | 3): AnswerOption => Object.freeze({ score: (i + 1) as Score, label: labels[i], labelEn: labelsEn[i] });
  return Object.freeze({ code, name, nameEn, options: Object.freeze([opt(0), opt(1), opt(2), opt(3)] as const) });
}

export const ELEMENTS: readonly SurveyElement[] = Object.freeze([
  element(
    'U1',
    'Persyaratan',
    'Requirements',
    ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
  ),
  element(
    'U2',
    'Sistem, mekanisme dan prosedur',
    'Systems, mechanisms and procedures',
    ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
    ['Not easy', 'Less easy', 'Easy', 'Very easy'],
  ),
  element(
    'U3',
    'Waktu penyelesaian',
    'Completion time',
    ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
    ['Not fast', 'Less fast', 'Fast', 'Very fast'],
  ),
  element(
    'U4',
    'Biaya/tarif',
    'Cost/tariff',
    ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
    ['Very expensive', 'Rather expensive', 'Cheap', 'Free'],
  ),
  element(
    'U5',
    'Produk spesifikasi jenis pelayanan',
    'Product specification by type of service',
    ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    ['Not as specified', 'Less than specified', 'As specified', 'Fully as specified'],
  ),
  element(
    'U6',
    'Kompetensi pelaksana',
    'Competence of staff',
    ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
    ['Not competent', 'Less competent', 'Competent', 'Very competent'],
  ),
  element(
    'U7',
    'Perilaku pelaksana',
    'Conduct of staff',
    ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
    ['Not polite and friendly', 'Less polite and friendly', 'Polite and friendly', 'Very polite and friendly'],
  ),
  element(
    'U8',
    'Penanganan pengaduan, saran dan masukan',
    'Handling of complaints, suggestions and feedback',
    ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
    ['None', 'Exists but does not work', 'Works less than fully', 'Well managed'],
  ),
  element(
    'U9',
    'Sarana dan prasarana',
    'Facilities and infrastructure',
    ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
    ['Poor', 'Adequate', 'Good', 'Very good'],
  ),
]);
