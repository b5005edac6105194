/**
 * The response promise of a complaint office as an SLA on its working-day calendar. Pure.
 * - The office's decree promise when it states one (Kota Banjarmasin: "paling lambat tiga hari
 *   kerja sejak diterimanya pengaduan" → 3 working days from receipt).
 * - Otherwise SP4N-LAPOR!'s: the office answers within 5 working days [C, REFERENCE §7].
 * - An answered complaint nobody replies to is closed 10 working days after the answer
 *   (SP4N-LAPOR!).
 */
export interface PromiseSla {
  value: number;
  unit: 'minutes' | 'hours' | 'days' | 'working_days' | 'months' | 'years';
  maxValue?: number | null;
}

const DEFAULT_RESPONSE_PROMISE: PromiseSla = { value: 5, unit: 'working_days', maxValue: null };
export const AUTO_CLOSE_WORKING_DAYS = 10;

export interface ResponsePromise {
  sla: PromiseSla;
  /** Where the promise comes from: the decree, or the SP4N-LAPOR! default. */
  source: 'decree' | 'default';
  text: string;
  textEn: string;
}

export function responsePromise(complaints: { responsePromise?: { text: string; sla?: PromiseSla | undefined } | undefined } | undefined): ResponsePromise {
  const p = complaints?.responsePromise;
  if (p?.sla) return { sla: p.sla, source: 'decree', text: p.text, textEn: `${p.sla.maxValue ?? p.sla.value} ${p.sla.unit.replace('_', ' ')} (office decree)` };
  return {
    sla: DEFAULT_RESPONSE_PROMISE,
    source: 'default',
    text: 'Ditanggapi paling lambat 5 hari kerja sejak diterima (ketentuan SP4N-LAPOR!; keputusan kantor tidak menetapkan janji waktu tanggapan).',
    textEn: 'Answered within 5 working days of receipt (SP4N-LAPOR! rule; the office decree states no response time).',
  };
}

/**
 * The states of a complaint's response clock: running (on-time, at-risk, late), then, once
 * answered, whether the promise was kept (met) or not (missed).
 */
export const COMPLAINT_SLA_STATES = ['on-time', 'at-risk', 'late', 'met', 'missed'] as const;
export type ComplaintSlaState = (typeof COMPLAINT_SLA_STATES)[number];

/** The SLA state of an answered complaint: met when answered by its due time. */
export function answeredState(answeredAt: string, dueAt: string): 'met' | 'missed' {
  return answeredAt <= dueAt ? 'met' : 'missed';
}
