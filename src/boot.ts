/**
 * Wiring: open the database, migrate, load and validate the standards, build the catalogue and
 * the SLA clock (national holidays from calendars/indonesia.yaml, office closures and the hours
 * admins set from the database), and create the demo accounts when asked. Used by `sigap serve`,
 * the CLI, tests and benchmarks, so they all run the same product.
 */
import { resolve } from 'node:path';
import { openDatabase, type Database } from './db/dialect.js';
import { ensurePrivateDir } from './io/private-files.js';
import { directoryStore } from './io/file-store.js';
import { closuresBySlug, hoursBySlug } from './db/calendar-repo.js';
import { migrate } from './db/migrate.js';
import type { Located } from './domain/standards/validate.js';
import { loadCalendarFile } from './io/calendar-file.js';
import { Catalogue } from './usecases/catalogue/catalogue.js';
import { newCaches, type Ctx } from './usecases/context.js';
import { loadStandards } from './usecases/catalogue/load-standards.js';
import { SlaClock } from './usecases/sla-clock.js';
import { moveSecretsOutOfDatabase } from './usecases/server-secret.js';
import { ensureDemoAccounts } from './usecases/staff/ensure-demo-accounts.js';
import { disableDemoAccounts } from './usecases/staff/disable-demo-accounts.js';
import { httpSigningProvider } from './io/signing-provider.js';
import { letterEffects } from './usecases/letters/effects.js';
import { registryEffects } from './usecases/registry/effects.js';
import { callEffects } from './usecases/calls/effects.js';
import { backfillPendingCounters } from './usecases/oversight/backfill-counters.js';

export interface BootOptions {
  databaseUrl: string | null;
  /** DATABASE_READ_URL: heavy reads on a streaming replica (PostgreSQL only). */
  readUrl?: string | null;
  dataDir: string;
  /** FILES_DIR: uploads and signed letters (io/file-store.ts); default dataDir. */
  filesDir?: string;
  standardsDir: string;
  calendarFile?: string;
  demo?: boolean;
  /**
   * A server start (`sigap serve`): without demo mode it switches every demo account off, so a
   * database first run with `npm start` never serves the published demo password in production.
   */
  serving?: boolean;
  actor?: string;
  /** PUBLIC_BASE_URL; without it, http://localhost:<port> (the server corrects it to the port it listens on). */
  publicBaseUrl?: string | null;
  port?: number;
  /** SIGAP_SECRET_KEY (usecases/server-secret.ts). */
  secretKey?: string | null;
  /** UPLOAD_UNATTACHED_* (usecases/applications/upload-limits.ts). */
  uploadLimits?: { maxAgeHours: number; perAddressMb: number; totalMb: number };
  /** A certified-signature provider (config SIGNING_PROVIDER_*), spoken to through its HTTP adapter. */
  signingProvider?: Parameters<typeof httpSigningProvider>[0] | null;
  /** SMTP_URL and MAIL_FROM (config.ts): the outbox worker's mail server. */
  mail?: { smtpUrl: string; from: string } | null;
}

export type BootResult = { ok: true; ctx: Ctx; demoAccounts: number; demoAccountsDisabled: number; secrets: { moved: number; conflicting: string[] } } | { ok: false; problems: Located[]; database: Database };

export async function boot(opts: BootOptions): Promise<BootResult> {
  // Owner-only before anything is written into it (PostgreSQL keeps uploads and letters here too).
  ensurePrivateDir(opts.dataDir);
  const database = openDatabase(opts);
  await migrate(database);
  // Secrets leave the database before anything uses them: a copy of the database alone must not verify codes.
  const secrets = await moveSecretsOutOfDatabase(database, opts.dataDir);
  const loaded = await loadStandards(database, opts.standardsDir, opts.actor ?? 'startup');
  if (!loaded.ok) return { ok: false, problems: loaded.error.problems, database };
  const catalogue = await Catalogue.build(database);
  const holidays = loadCalendarFile(opts.calendarFile ?? resolve('calendars/indonesia.yaml'));
  const closures = await closuresBySlug(database.db);
  const hours = await hoursBySlug(database.db);
  const ctx: Ctx = {
    database,
    catalogue,
    clock: new SlaClock(holidays, closures, hours),
    files: directoryStore(opts.filesDir ?? opts.dataDir),
    dataDir: opts.dataDir,
    standardsDir: resolve(opts.standardsDir),
    publicBaseUrl: (opts.publicBaseUrl ?? `http://localhost:${opts.port ?? 3000}`).replace(/\/+$/, ''),
    effects: [...registryEffects, ...letterEffects, ...callEffects],
    caches: newCaches(),
    secretKey: opts.secretKey ?? null,
    ...(opts.uploadLimits ? { uploadLimits: opts.uploadLimits } : {}),
    signingProvider: opts.signingProvider ? httpSigningProvider(opts.signingProvider) : null,
    mail: opts.mail ?? null,
  };
  // Cases closed before the oversight counters existed (migration 028), once.
  await backfillPendingCounters(ctx);
  const actor = opts.actor ?? 'startup';
  const demoAccounts = opts.demo ? await ensureDemoAccounts(database, catalogue, actor) : 0;
  const demoAccountsDisabled = !opts.demo && opts.serving ? await disableDemoAccounts(database, actor) : 0;
  return { ok: true, ctx, demoAccounts, demoAccountsDisabled, secrets };
}
