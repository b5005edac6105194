/**
 * The drafting problems `sigap standards lint` finds in an office's decree (issue 15 §6), for the
 * evaluation page: the yearly review of the standard is where they get fixed. Pure over the
 * catalogue; the verbatim check needs the source files and stays with the command.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import { lintOffice } from '../../domain/standards/lint.js';

export interface DecreeLint {
  service: { no: string; title: string } | null;
  code: string;
  text: { id: string; en: string };
}

export function readDecreeLints(office: StoredOffice): DecreeLint[] {
  const services = office.services.map((s) => s.service);
  return lintOffice(office.office, services, {}).map((w) => {
    const s = w.service ? services.find((x) => x.slug === w.service) : undefined;
    return { service: s ? { no: String(s.no), title: s.title } : null, code: w.code, text: { id: w.message, en: w.messageEn } };
  });
}
