/**
 * The registry access log: every look-up and export of registry data is recorded (who, when,
 * which NIK/KK, why: the case it served or a reason) before the answer is given (UU 27/2022:
 * reads of personal data are logged, not only writes).
 *
 * No answer leaves before its log entry is durable (committed like any other write). The entry is
 * appended through `Database.append`: on SQLite a writer thread commits concurrent entries
 * together, off the event loop (src/db/sqlite-append.ts).
 */
import type { Database } from '../../db/dialect.js';
import { appendAccessEntry, type NewAccessEntry } from '../../db/registry-repo.js';

/** Records one access; resolves with the entry's id once it is committed. */
export function logAccess(database: Database, e: NewAccessEntry): Promise<string> {
  return appendAccessEntry(database, e);
}
