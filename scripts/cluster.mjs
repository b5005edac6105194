// `npm run cluster`: one province on one machine, for real (issue 18, docs/OPERATIONS.md "A cluster
// on one machine"): a PostgreSQL primary, a hot-standby replica by streaming replication
// (pg_basebackup), several `sigap serve` processes on them with one shared DATA_DIR, and Debian's
// nginx in front. Options: --processes=N (default 3), --port=P (nginx, default 8080),
// --check (start, prove it works through nginx, stop: exit code says whether it did).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startCluster, startReplica } from './pg-cluster.mjs';

const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const processes = Math.max(1, Math.min(8, Number(arg('processes', 3))));
const port = Number(arg('port', 8080));
const check = process.argv.includes('--check');

const nginxBin = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
if (!nginxBin) {
  console.error('nginx tidak ditemukan / nginx not found: apt-get install -y nginx-light');
  process.exit(1);
}
if (spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const children = [];
let primary = null;
let replica = null;
const work = mkdtempSync(join(tmpdir(), 'sigap-cluster-'));
const dataDir = join(work, 'data');
let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children.reverse()) c.kill('SIGTERM');
  setTimeout(() => {
    replica?.stop();
    primary?.stop();
    rmSync(work, { recursive: true, force: true });
    process.exit(code);
  }, 1500);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitFor(url, what, tries = 300) {
  for (let i = 0; i < tries; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

try {
  console.log('PostgreSQL: primary…');
  primary = await startCluster({ database: 'sigap' });
  // The first process creates the schema and the offices before the replica copies them.
  const env = (p) => ({ ...process.env, DATABASE_URL: primary.url, DATA_DIR: dataDir, PORT: String(p), HOST: '127.0.0.1', SIGAP_DEMO: process.env.SIGAP_DEMO ?? '1', TRUST_PROXY: '127.0.0.1', PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
  const ports = [];
  const serve = (p, extra = {}) => {
    const c = spawn(process.execPath, ['bin/sigap.js', 'serve'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env(p), ...extra } });
    c.on('exit', (code) => !stopping && !c.retired && (console.error(`sigap serve :${p} exited ${code}`), stopAll(1)));
    children.push(c);
    ports.push(p);
    return c;
  };
  const first = await freePort();
  serve(first);
  await waitFor(`http://127.0.0.1:${first}/`, 'the first Sigap process');
  console.log('PostgreSQL: hot-standby replica (pg_basebackup, streaming)…');
  replica = await startReplica(primary);
  // The first process was started before the replica existed: restart it with the replica too.
  const old = children.pop();
  old.retired = true;
  old.kill('SIGTERM');
  ports.pop();
  await new Promise((r) => old.once('exit', r));
  for (let i = 0; i < processes; i++) serve(i === 0 ? first : await freePort(), { DATABASE_READ_URL: replica.url('sigap') });
  await Promise.all(ports.map((p) => waitFor(`http://127.0.0.1:${p}/`, `Sigap on ${p}`)));
  const conf = `
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(work, 'nginx-body')};
  proxy_temp_path ${join(work, 'nginx-proxy')};
  fastcgi_temp_path ${join(work, 'nginx-fastcgi')};
  uwsgi_temp_path ${join(work, 'nginx-uwsgi')};
  scgi_temp_path ${join(work, 'nginx-scgi')};
  client_max_body_size 25m;
  upstream sigap { ${ports.map((p) => `server 127.0.0.1:${p};`).join(' ')} keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://sigap;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}`;
  writeFileSync(join(work, 'nginx.conf'), conf);
  const nginx = spawn(nginxBin, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  nginx.on('exit', (code) => !stopping && (console.error(`nginx exited ${code}`), stopAll(1)));
  children.push(nginx);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/`, 'nginx');
  console.log(`\nSigap cluster: ${base}/  (nginx → ${ports.length} × sigap serve on ${ports.join(', ')})`);
  console.log(`  primary ${primary.url}\n  replica ${replica.url('sigap')}\n  DATA_DIR ${dataDir}`);
  console.log('  status: sign in as admin@kota-jambi (sigap-demo) → /petugas/sistem. Ctrl-C stops everything.\n');
  if (check) {
    // Pages answer through nginx from every process, and the replica is a standby that follows the primary.
    let answered = 0;
    for (let i = 0; i < ports.length * 4; i++) if ((await fetch(`${base}/`).catch(() => null))?.ok) answered++;
    const client = new pg.Client({ connectionString: replica.url('sigap') });
    await client.connect();
    const standby = (await client.query('select pg_is_in_recovery() as r, (select count(*) from offices)::int as offices')).rows[0];
    await client.end();
    const ok = answered === ports.length * 4 && standby.r === true && standby.offices > 0;
    console.log(`check: ${answered}/${ports.length * 4} pages through nginx; replica in recovery: ${standby.r}, ${standby.offices} offices replicated → ${ok ? 'OK' : 'FAILED'}`);
    stopAll(ok ? 0 : 1);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  stopAll(1);
}
