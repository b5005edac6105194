/**
 * What every use case needs: the database, the standards read model, the SLA clock, where files
 * live, the public address, and the caches of one running product. State that changes with the
 * database lives here, never at module level, so a test's or a second server's product is its own.
 */
import type { Database } from '../db/dialect.js';
import type { FileStore } from '../io/file-store.js';
import type { SigningProvider } from '../io/signing-provider.js';
import type { signPdf } from '../io/pades.js';
import type { OfficeTemplates } from '../io/templates-dir.js';
import type { Catalogue } from './catalogue/catalogue.js';
import type { SlaClock } from './sla-clock.js';
import { RegistryCaches } from './registry/caches.js';
import type { Programme } from '../domain/programmes/schema.js';
import { SessionCache } from './staff/session-cache.js';
import type { StepEffect } from './step-effects.js';

/** Caches of one running product; each says what makes it safe to keep. */
export interface Caches {
  /** Signed-in sessions by token hash, for SESSION_CACHE_MS (sign-out forgets at once). */
  sessions: SessionCache;
  /** Server secrets by key (from the key file or SIGAP_SECRET_KEY, never changed). */
  secrets: Map<string, string>;
  /** Letter templates by office slug, read once from standardsDir (office data: changed only by a restart, like the standards). */
  letterTemplates: Map<string, OfficeTemplates>;
  /** Registry: current snapshot per office (trusted CURRENT_TTL_MS, forgotten on publication), published snapshots, running imports. */
  registry: RegistryCaches;
  /** Assistance programmes by office slug, read once from standardsDir (office data, like the letter templates). */
  programmes: Map<string, Programme[]>;
}

export const newCaches = (): Caches => ({
  sessions: new SessionCache(),
  secrets: new Map(),
  letterTemplates: new Map(),
  registry: new RegistryCaches(),
  programmes: new Map(),
});

export interface Ctx {
  database: Database;
  catalogue: Catalogue;
  clock: SlaClock;
  /** Injected for tests and simulations; defaults to the real time. */
  now?: () => Date;
  /** Uploads and signed letters, seen alike by every process (io/file-store.ts). */
  files: FileStore;
  /** Effects of completing steps contributed by other capabilities (letters, registry). */
  effects: StepEffect[];
  /** This process's data directory: keys, registry import reports and uploads in progress (not uploads or letters: `files`). */
  dataDir: string;
  /** Where the offices' standards (and their letter templates) are read from. */
  standardsDir: string;
  /**
   * The address the public reaches this server at, without a trailing slash: printed on
   * receipts and in letters' QR codes and verification links (PUBLIC_BASE_URL, else the
   * address the server listens on).
   */
  publicBaseUrl: string;
  caches: Caches;
  /** SIGAP_SECRET_KEY: when set, server secrets are derived from it instead of created in the data directory's key file. */
  secretKey?: string | null;
  /** Bounds on unattached anonymous uploads (UPLOAD_UNATTACHED_*; applications/upload-limits.ts has the defaults). */
  uploadLimits?: { maxAgeHours: number; perAddressMb: number; totalMb: number };
  /** A certified-signature provider, when configured (docs/SIGNING.md); without one, letters carry the office's uncertified signature. */
  signingProvider?: SigningProvider | null;
  /**
   * Puts the PAdES signature into a rendered letter; unset means io/pades.ts `signPdf`, always in
   * the product (boot and configuration never set it). Only `npm run bench` replaces it, for its
   * no-signature baseline of batch signing (docs/SIGNING.md, "Batch signing: the figures").
   */
  signPdf?: typeof signPdf;
  /** SMTP_URL and MAIL_FROM (docs/NOTIFICATIONS.md); unset: notification e-mails wait in the outbox. */
  mail?: { smtpUrl: string; from: string } | null;
}

export const nowOf = (ctx: Ctx) => (ctx.now ? ctx.now() : new Date());

export interface Actor {
  id: string | null;
  name: string;
  roles: string[];
  officeId: string | null;
}

export const PUBLIC_ACTOR: Actor = { id: null, name: 'Pemohon (daring)', roles: [], officeId: null };
