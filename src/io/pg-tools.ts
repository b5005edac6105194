/** Finds and runs PostgreSQL's client programs (pg_dump, pg_restore) the way scripts/pg-cluster.mjs finds initdb. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of pg_dump and pg_restore: SIGAP_PG_BIN, else the newest /usr/lib/postgresql/<v>/bin
 * (Debian keeps several versions side by side, and pg_dump refuses a server newer than itself),
 * else whatever is on PATH.
 */
export function pgBinary(name: 'pg_dump' | 'pg_restore'): string {
  const own = process.env.SIGAP_PG_BIN;
  if (own) return join(own, name);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0]!, 'bin', name);
  }
  return name;
}

/** Runs a PostgreSQL client program; resolves with its exit code and what it wrote to stderr. */
export function runPgTool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(pgBinary(name), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => resolve({ code: 127, stderr: `${name}: ${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}
