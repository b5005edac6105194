/** Runs the single, ordered set of migrations on either database. */
import { Migrator, type Migration } from 'kysely';
import { dialectHelpers, type Database } from './dialect.js';
import * as m001 from './migrations/001-standards.js';
import * as m002 from './migrations/002-applications.js';
import * as m003 from './migrations/003-letters.js';
import * as m004 from './migrations/004-registry.js';
import * as m005 from './migrations/005-complaints-surveys.js';
import * as m006 from './migrations/006-office-calendar.js';
import * as m007 from './migrations/007-accounts.js';
import * as m008 from './migrations/008-idempotency-body.js';
import * as m009 from './migrations/009-audit-chain.js';
import * as m010 from './migrations/010-data-access-log.js';
import * as m011 from './migrations/011-subject-requests.js';
import * as m012 from './migrations/012-reads.js';
import * as m013 from './migrations/013-medium.js';
import * as m014 from './migrations/014-signing-keys.js';
import * as m015 from './migrations/015-outbox.js';
import * as m016 from './migrations/016-notify-channels.js';
import * as m017 from './migrations/017-notify-consent-calls.js';
import * as m018 from './migrations/018-oversight.js';
import * as m019 from './migrations/019-emergency.js';
import * as m020 from './migrations/020-programmes.js';
import * as m021 from './migrations/021-change-feed.js';
import * as m022 from './migrations/022-outbox-complaints.js';
import * as m023 from './migrations/023-staff-email.js';
import * as m024 from './migrations/024-logistics.js';
import * as m025 from './migrations/025-shelters.js';
import * as m026 from './migrations/026-programme-cycles.js';
import * as m027 from './migrations/027-programme-groups.js';
import * as m028 from './migrations/028-oversight-counters.js';
import * as m030 from './migrations/030-rate-limits.js';
import * as m031 from './migrations/031-emergency-rules.js';
import * as m032 from './migrations/032-programme-deliveries.js';
import * as m033 from './migrations/033-shelter-cases.js';
import * as m034 from './migrations/034-oversight-open-counts.js';
import * as m036 from './migrations/036-oversight-figures.js';
import * as m037 from './migrations/037-chain-outcomes.js';
import * as m038 from './migrations/038-logistics-shipments.js';
import * as m039 from './migrations/039-emergency-acknowledgement.js';

type Step = { up: (db: Parameters<typeof m001.up>[0], h: ReturnType<typeof dialectHelpers>) => Promise<void> };
const ORDERED: [string, Step][] = [
  ['001-standards', m001],
  ['002-applications', m002],
  ['003-letters', m003],
  ['004-registry', m004],
  ['005-complaints-surveys', m005],
  ['006-office-calendar', m006],
  ['007-accounts', m007],
  ['008-idempotency-body', m008],
  ['009-audit-chain', m009],
  ['010-data-access-log', m010],
  ['011-subject-requests', m011],
  ['012-reads', m012],
  ['013-medium', m013],
  ['014-signing-keys', m014],
  ['015-outbox', m015],
  ['016-notify-channels', m016],
  ['017-notify-consent-calls', m017],
  ['018-oversight', m018],
  ['019-emergency', m019],
  ['020-programmes', m020],
  ['021-change-feed', m021],
  ['022-outbox-complaints', m022],
  ['023-staff-email', m023],
  ['024-logistics', m024],
  ['025-shelters', m025],
  ['026-programme-cycles', m026],
  ['027-programme-groups', m027],
  ['028-oversight-counters', m028],
  ['030-rate-limits', m030],
  ['031-emergency-rules', m031],
  ['032-programme-deliveries', m032],
  ['033-shelter-cases', m033],
  ['034-oversight-open-counts', m034],
  ['036-oversight-figures', m036],
  ['037-chain-outcomes', m037],
  ['038-logistics-shipments', m038],
  ['039-emergency-acknowledgement', m039],
];

export async function migrate(database: Database): Promise<string[]> {
  const h = dialectHelpers(database.dialect);
  const migrations: Record<string, Migration> = {};
  for (const [name, step] of ORDERED) migrations[name] = { up: (db) => step.up(db, h) };
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
