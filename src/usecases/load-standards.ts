/** Validates the standards folder and stores every office as versions. */
import type { Database } from '../db/dialect.js';
import { storeOfficeStandard, type StoreSummary } from '../db/standards-repo.js';
import type { Located } from '../domain/standards/validate.js';
import { loadStandardsDir } from '../io/standards-dir.js';

export type LoadResult = { ok: true; summaries: StoreSummary[] } | { ok: false; problems: Located[] };

export async function loadStandards(database: Database, dir: string, actor = 'system'): Promise<LoadResult> {
  const { offices, problems } = loadStandardsDir(dir);
  if (problems.length > 0) return { ok: false, problems };
  const now = new Date().toISOString();
  const summaries: StoreSummary[] = [];
  for (const o of offices)
    summaries.push(await storeOfficeStandard(database.db, { office: o.office, services: o.services, decreeText: o.decreeText }, now, actor));
  return { ok: true, summaries };
}
