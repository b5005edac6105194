/** Runtime configuration from the environment, validated once at start-up. */
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * FILES_DIR: where uploads and signed letters are kept (io/file-store.ts); default DATA_DIR. With
   * several processes on several machines, a directory every one of them mounts (docs/OPERATIONS.md).
   */
  filesDir: string;
  /** postgres://... selects PostgreSQL; otherwise embedded SQLite in dataDir. */
  databaseUrl: string | null;
  /** DATABASE_READ_URL: a streaming replica of the PostgreSQL primary for heavy reads (docs/OPERATIONS.md); null: none. */
  readUrl: string | null;
  standardsDir: string;
  demo: boolean;
  publicBaseUrl: string | null;
  /**
   * TRUST_PROXY: the reverse proxy's addresses or CIDR ranges, comma-separated. Only requests
   * from these may set the client address (X-Forwarded-For) and scheme (X-Forwarded-Proto);
   * unset, nobody may, so per-address limits cannot be dodged with a forged header.
   */
  trustProxy: string[] | null;
  /** SIGAP_SECRET_KEY: the secret that tracking-code and survey-link keys are derived from (else a key file in dataDir). */
  secretKey: string | null;
  /** Unattached anonymous uploads: how long they are kept, and how many bytes one address and everyone may hold (usecases/applications/upload-limits.ts). */
  uploadLimits: { maxAgeHours: number; perAddressMb: number; totalMb: number };
  /** SIGNING_PROVIDER_URL (+ _NAME, _TOKEN, _TIMEOUT_MS): a certified-signature provider (docs/SIGNING.md); null: none. */
  signingProvider: { url: string; name: string; clientToken?: string; timeoutMs?: number } | null;
  /** SMTP_URL (smtp://user:pass@host:587) and MAIL_FROM: where notification e-mails go out; null: they wait in the outbox. */
  mail: { smtpUrl: string; from: string } | null;
}

/** TRUST_PROXY parsed: every entry an IP address or CIDR range; anything else refuses to start. */
export function parseTrustProxy(raw: string | undefined): string[] | null {
  const entries = (raw ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  for (const e of entries) {
    const [addr, bits, extra] = e.split('/');
    const family = isIP(addr ?? '');
    const max = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (!family || !bitsOk || extra !== undefined)
      throw new Error(
        `TRUST_PROXY harus alamat IP atau CIDR proksi, dipisah koma (mis. 127.0.0.1,10.0.0.0/8): ${e} / TRUST_PROXY must be the proxy's IP addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8): ${e}`,
      );
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT tidak sah / invalid PORT: ${env.PORT}`);
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url) && !/^sqlite:/.test(url))
    throw new Error(`DATABASE_URL harus postgres://... atau sqlite:<berkas> / DATABASE_URL must be postgres://... or sqlite:<file>: ${url}`);
  const readUrl = env.DATABASE_READ_URL?.trim() || null;
  if (readUrl && !(url && /^postgres(ql)?:\/\//.test(url) && /^postgres(ql)?:\/\//.test(readUrl)))
    throw new Error('DATABASE_READ_URL hanya untuk replika PostgreSQL dari DATABASE_URL postgres://... / DATABASE_READ_URL is only for a PostgreSQL replica of a postgres:// DATABASE_URL');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    filesDir: resolve(env.FILES_DIR?.trim() || env.DATA_DIR || 'data'),
    databaseUrl: url,
    readUrl,
    standardsDir: resolve(env.STANDARDS_DIR ?? 'standards'),
    demo: env.SIGAP_DEMO === '1' || env.SIGAP_DEMO === 'true',
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim() || null,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    secretKey: parseSecretKey(env.SIGAP_SECRET_KEY),
    uploadLimits: {
      maxAgeHours: boundedInt(env, 'UPLOAD_UNATTACHED_HOURS', 24, 1, 168),
      perAddressMb: boundedInt(env, 'UPLOAD_UNATTACHED_MB_PER_ADDRESS', 64, 16, 512),
      totalMb: boundedInt(env, 'UPLOAD_UNATTACHED_MB_TOTAL', 1024, 256, 20_480),
    },
    signingProvider: env.SIGNING_PROVIDER_URL?.trim()
      ? {
          url: env.SIGNING_PROVIDER_URL.trim(),
          name: env.SIGNING_PROVIDER_NAME?.trim() || 'Balai Sertifikasi Elektronik (BSrE)',
          ...(env.SIGNING_PROVIDER_TOKEN ? { clientToken: env.SIGNING_PROVIDER_TOKEN } : {}),
          ...(Number(env.SIGNING_PROVIDER_TIMEOUT_MS) > 0 ? { timeoutMs: Number(env.SIGNING_PROVIDER_TIMEOUT_MS) } : {}),
        }
      : null,
    mail: parseMail(env),
  };
}

/** SMTP_URL with MAIL_FROM, both or neither: a server without a sender address would be refused by most relays. */
export function parseMail(env: NodeJS.ProcessEnv): { smtpUrl: string; from: string } | null {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  const from = env.MAIL_FROM?.trim() || null;
  if (!smtpUrl && !from) return null;
  if (!smtpUrl || !from) throw new Error('SMTP_URL dan MAIL_FROM harus diatur bersama / SMTP_URL and MAIL_FROM must be set together');
  if (!/^smtps?:\/\//.test(smtpUrl)) throw new Error(`SMTP_URL harus smtp://... atau smtps://... / SMTP_URL must be smtp://... or smtps://...: ${smtpUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
  return { smtpUrl, from };
}

/** SIGAP_SECRET_KEY: unset, or at least 32 characters (a short key could be guessed offline from one tracking code). */
export function parseSecretKey(raw: string | undefined): string | null {
  const key = raw?.trim();
  if (!key) return null;
  if (key.length < 32)
    throw new Error('SIGAP_SECRET_KEY minimal 32 karakter acak (mis. `openssl rand -hex 32`) / SIGAP_SECRET_KEY must be at least 32 random characters (e.g. `openssl rand -hex 32`)');
  return key;
}

/** A whole number from the environment within [min, max]; anything else refuses to start, naming the bounds. */
export function boundedInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new Error(`${name} harus bilangan bulat ${min}–${max}: ${raw} / ${name} must be a whole number from ${min} to ${max}: ${raw}`);
  return n;
}
