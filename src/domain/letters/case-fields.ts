/**
 * Freezes a case's field values for a letter when it is drafted: applicant, reporter,
 * application, service, office, decision and answers. Pure: the caller passes plain data.
 */
import { maskNik } from '../identity/mask.js';
import type { Office, Service } from '../standards/schema.js';
import type { FieldSet, FieldValue } from './fields.js';

export interface CaseFacts {
  registrationNumber: string;
  submittedOn: string;
  channel: string;
  applicant: Record<string, unknown> & { reporter?: Record<string, unknown> | null };
  answers: Record<string, unknown>;
}

export interface Decision {
  reason: string | null;
  outcome: string | null;
  step: string | null;
  date: string | null;
  officer: string | null;
}

const str = (v: unknown): FieldValue => (v === undefined || v === null ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v));

/** "Kota Jambi" → "Jambi" (the place a letter is dated at when the decree names none). */
export function placeOf(office: Office): string {
  return office.decree.place ?? office.region.name.replace(/^(Kota|Kabupaten|Provinsi)\s+/i, '');
}

/** "Kepala Dinas Sosial Kota Jambi". */
export function headTitle(office: Office): string {
  return `Kepala ${office.name}`;
}

export function caseFields(input: { office: Office; service: Service; facts: CaseFacts; decision: Decision; letterType: string; draftedOn: string }): FieldSet {
  const { office, service, facts, decision } = input;
  const a = facts.applicant;
  const r = (a.reporter ?? {}) as Record<string, unknown>;
  const nik = typeof a.nik === 'string' ? a.nik : null;
  const values: Record<string, FieldValue> = {
    'applicant.name': str(a.name),
    'applicant.nik': nik,
    'applicant.nikMasked': nik ? maskNik(nik) : null,
    'applicant.kk': str(a.kk),
    'applicant.address': str(a.address),
    'applicant.phone': str(a.phone),
    'applicant.birthDate': str(a.birthDate),
    'applicant.sex': a.sex === 'L' ? 'Laki-laki' : a.sex === 'P' ? 'Perempuan' : null,
    'applicant.age': str(a.age),
    'reporter.name': str(r.name),
    'reporter.role': str(r.role),
    'reporter.institution': str(r.institution),
    'reporter.phone': str(r.phone),
    'application.number': facts.registrationNumber,
    'application.submittedOn': facts.submittedOn,
    'application.channel': facts.channel,
    'service.title': service.title,
    'service.no': service.no,
    'service.product': service.product?.text ?? null,
    'office.name': office.name,
    'office.government': office.government,
    'office.address': office.address,
    'office.region': office.region.name,
    'office.province': office.region.province,
    'office.place': placeOf(office),
    'office.head': headTitle(office),
    'decision.reason': decision.reason,
    'decision.outcome': decision.outcome,
    'decision.step': decision.step,
    'decision.date': decision.date,
    'decision.officer': decision.officer,
    'letter.validity': service.product?.validity?.text ?? null,
    'letter.type': input.letterType,
    'letter.draftedOn': input.draftedOn,
  };
  const labels: Record<string, string> = {};
  for (const input of service.inputs) {
    const v = facts.answers[input.id];
    values[`answers.${input.id}`] = str(v);
    if (input.type === 'choice') {
      const opt = input.options?.find((o) => o.value === v);
      if (opt) labels[`answers.${input.id}`] = opt.label;
    }
  }
  return { values, labels };
}
