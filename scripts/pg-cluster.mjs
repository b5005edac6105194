// A throwaway PostgreSQL cluster for tests and benchmarks: temp dir, free port, trust auth on
// loopback only, stopped and removed afterwards. initdb refuses to run as root, so as root the
// server runs as the `postgres` system user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  return null;
}

/** A free TCP port on loopback (also used by the attack run for its servers). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function asPg(isRoot, bin, args, opts = {}) {
  const cmd = join(bin, args[0]);
  if (isRoot) return execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args.slice(1)], { stdio: 'pipe', ...opts });
  return execFileSync(cmd, args.slice(1), { stdio: 'pipe', ...opts });
}

/** A new owner-only directory for a server's files; as root, owned by the `postgres` user that runs the server. */
function serverDir(prefix, isRoot) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** Starts a cluster; returns { url, stop }. Throws with a clear reason when it cannot. */
export async function startCluster({ database = 'sigap' } = {}) {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (initdb). Install them: apt-get install -y postgresql');
  const isRoot = process.getuid?.() === 0;
  const dir = serverDir('sigap-pg-', isRoot);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    asPg(isRoot, bin, ['initdb', '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  } catch (e) {
    asPg(isRoot, bin, ['initdb', '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  }
  // fsync stays on: tests must see real durability semantics; the cluster is small anyway.
  asPg(isRoot, bin, [
    'pg_ctl', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB`,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/${database}`;
  asPg(isRoot, bin, ['createdb', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPg(isRoot, bin, ['pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, dir, stop };
}

/**
 * A hot-standby replica of a cluster started above, by real streaming replication: a base backup
 * with `pg_basebackup -R` (which writes standby.signal and primary_conninfo), then its own server
 * on a free port. Returns { url(database), port, dir, stop }; stop it before the primary.
 */
export async function startReplica(primary) {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (pg_basebackup)');
  const isRoot = process.getuid?.() === 0;
  const dir = serverDir('sigap-pg-replica-', isRoot);
  const data = join(dir, 'data');
  const port = await freePort();
  asPg(isRoot, bin, ['pg_basebackup', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
  const start = () => asPg(isRoot, bin, ['pg_ctl', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c hot_standby=on`, 'start']);
  start();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPg(isRoot, bin, ['pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  /** Stops the server but keeps its files, to start it again (a replica that went away and came back). */
  const pause = () => asPg(isRoot, bin, ['pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop']);
  return { url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`, port, dir, stop, pause, resume: start };
}

// CLI: `node scripts/pg-cluster.mjs` starts a cluster, prints its URL and keeps it until Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const c = await startCluster();
  console.log(c.url);
  const bye = () => {
    c.stop();
    process.exit(0);
  };
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
  setInterval(() => {}, 1 << 30);
}
