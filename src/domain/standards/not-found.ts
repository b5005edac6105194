/** The one wording of "no such office" and "no such service", for every capability and the API alike. */
import type { Problem } from '../errors.js';

export function officeNotFound(slug: string, field?: string): Problem {
  return { ...(field ? { field } : {}), code: 'office-not-found', message: `Kantor "${slug}" tidak ditemukan`, messageEn: `Office "${slug}" not found` };
}

export function serviceNotFound(officeSlug: string, slug: string, field?: string): Problem {
  return {
    ...(field ? { field } : {}),
    code: 'service-not-found',
    message: `Layanan "${slug}" tidak ditemukan di ${officeSlug}`,
    messageEn: `Service "${slug}" not found in ${officeSlug}`,
  };
}
