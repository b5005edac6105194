/** Validates the standards folder and stores every office as versions (a refusal lists every problem with file, line and column). */
import type { Database } from '../../db/dialect.js';
import { noteChange } from '../../db/changes-repo.js';
import { storeOfficeStandard, type StoreSummary } from '../../db/standards-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import type { Located } from '../../domain/standards/validate.js';
import { loadStandardsDir } from '../../io/standards-dir.js';

export async function loadStandards(database: Database, dir: string, actor = 'system'): Promise<Outcome<StoreSummary[], Located>> {
  const { offices, problems } = loadStandardsDir(dir);
  if (problems.length > 0) return fail('invalid', ...problems);
  const now = new Date().toISOString();
  const summaries: StoreSummary[] = [];
  for (const o of offices) summaries.push(await storeOfficeStandard(database.db, { office: o.office, services: o.services, decreeText: o.decreeText }, now, actor));
  // Other server processes re-read the catalogue (usecases/cluster/follow-changes.ts). After the
  // offices' own transactions: a crash in between leaves them on the old catalogue until restarted.
  const changed = summaries.some((s) => s.officeChange !== 'unchanged' || s.deactivated.length > 0 || s.services.some((x) => x.change !== 'unchanged'));
  if (changed) await database.write((trx) => noteChange(trx, database.dialect, 'standards', now));
  return { ok: true, value: summaries };
}
