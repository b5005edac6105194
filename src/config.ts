/** Runtime configuration from the environment, validated once at start-up. */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://... selects PostgreSQL; otherwise embedded SQLite in dataDir. */
  databaseUrl: string | null;
  standardsDir: string;
  demo: boolean;
  publicBaseUrl: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT tidak sah / invalid PORT: ${env.PORT}`);
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url) && !/^sqlite:/.test(url))
    throw new Error(`DATABASE_URL harus postgres://... atau sqlite:<berkas> / DATABASE_URL must be postgres://... or sqlite:<file>: ${url}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: url,
    standardsDir: resolve(env.STANDARDS_DIR ?? 'standards'),
    demo: env.SIGAP_DEMO === '1' || env.SIGAP_DEMO === 'true',
    publicBaseUrl: env.PUBLIC_BASE_URL ?? null,
  };
}
