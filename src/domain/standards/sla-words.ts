/** A time limit in words for people, in Bahasa Indonesia or English. */
import type { Sla } from './schema.js';

export type Lang = 'id' | 'en';

const UNITS: Record<string, { id: string; en: [string, string] }> = {
  minutes: { id: 'menit', en: ['minute', 'minutes'] },
  hours: { id: 'jam', en: ['hour', 'hours'] },
  days: { id: 'hari', en: ['day', 'days'] },
  working_days: { id: 'hari kerja', en: ['working day', 'working days'] },
  months: { id: 'bulan', en: ['month', 'months'] },
  years: { id: 'tahun', en: ['year', 'years'] },
};

export function durationWords(value: number, unit: string, maxValue: number | null, lang: Lang): string {
  const u = UNITS[unit];
  if (!u) return `${value} ${unit}`;
  const fmt = (n: number) => (lang === 'id' ? String(n).replace('.', ',') : String(n));
  const num = maxValue !== null ? `${fmt(value)}–${fmt(maxValue)}` : fmt(value);
  if (lang === 'id') return `${num} ${u.id}`;
  const plural = (maxValue ?? value) === 1 ? u.en[0] : u.en[1];
  return `${num} ${plural}`;
}

export function slaWords(sla: Pick<Sla, 'value' | 'unit' | 'maxValue' | 'calendar'>, lang: Lang): string {
  if (sla.value === null || sla.unit === null)
    return lang === 'id' ? 'tidak ada batas waktu yang dapat dihitung' : 'no computable time limit';
  const base = durationWords(sla.value, sla.unit, sla.maxValue, lang);
  if (sla.maxValue !== null)
    return lang === 'id'
      ? `paling lama ${durationWords(sla.maxValue, sla.unit, null, lang)} (perkiraan ${durationWords(sla.value, sla.unit, null, lang)})`
      : `at most ${durationWords(sla.maxValue, sla.unit, null, lang)} (expected ${durationWords(sla.value, sla.unit, null, lang)})`;
  return base;
}

/** The same limit in minutes, approximately, to compare limits across units (lint only). */
export function approxMinutes(value: number, unit: string): number {
  switch (unit) {
    case 'minutes':
      return value;
    case 'hours':
      return value * 60;
    case 'days':
      return value * 1440;
    case 'working_days':
      return value * 1440;
    case 'months':
      return value * 30 * 1440;
    case 'years':
      return value * 365 * 1440;
    default:
      return value;
  }
}
