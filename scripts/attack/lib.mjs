// The attack run's plumbing: an HTTP client that can speak from many loopback addresses, the real
// server started and killed as a process, the `sigap` command, and direct database reads to check
// what the server acknowledged (SQLite file or PostgreSQL).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort } from '../pg-cluster.mjs';

const require = createRequire(import.meta.url);
export const ROOT = new URL('../..', import.meta.url).pathname;

/** Seconds with one decimal, for the report. */
export const secs = (ms) => Math.round(ms / 100) / 10;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Loopback source addresses: per-address limits are real, so each simulated person speaks from
 * an address of their own in 127.0.0.0/8 (Linux routes all of it to `lo`); the spoofing section
 * deliberately speaks from one.
 */
let nextAddress = 0;
export function freshAddress() {
  nextAddress++;
  return `127.${20 + Math.floor(nextAddress / 65025)}.${Math.floor(nextAddress / 255) % 255}.${(nextAddress % 255) + 1}`;
}
const agents = new Map();
function agentFor(from) {
  let a = agents.get(from);
  if (!a) agents.set(from, (a = new Agent({ keepAlive: true, maxSockets: 16, localAddress: from })));
  return a;
}

/**
 * One HTTP request. `body`: an object (JSON), a Buffer/string (sent as is, with `headers`), or a
 * multipart `{ multipart: [...] }`. Resolves `{ status, headers, text, json, ms }`; never throws on
 * an HTTP status, only on a connection failure (`status: 0`, `error`).
 */
export async function http(base, method, path, opts = {}) {
  const r = await once(base, method, path, opts);
  // A kept-alive socket the server closed while idle (its keep-alive timeout) fails the request
  // that reuses it before the server saw it: sent again once on a new socket, as Node advises.
  return r.retry ? once(base, method, path, opts) : r;
}

function once(base, method, path, opts) {
  const { body, headers = {}, token, cookie, from = '127.0.0.1', timeout = 60_000 } = opts;
  let payload = null;
  const h = { ...headers };
  if (body !== undefined && body !== null) {
    if (body.multipart) {
      const m = multipart(body.multipart);
      payload = m.payload;
      h['content-type'] = m.contentType;
    } else if (Buffer.isBuffer(body) || typeof body === 'string') payload = Buffer.from(body);
    else {
      payload = Buffer.from(JSON.stringify(body));
      h['content-type'] ??= 'application/json';
    }
    h['content-length'] = String(payload.length);
  }
  if (token) h.authorization = `Bearer ${token}`;
  if (cookie) h.cookie = cookie;
  const url = new URL(path, base);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(url, { method, headers: h, agent: agentFor(from), timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        if (String(res.headers['content-type'] ?? '').includes('json')) {
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON after all */
          }
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: performance.now() - t0 });
      });
      res.on('error', (e) => resolve({ status: 0, headers: {}, text: '', json: null, error: e.message, ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, headers: {}, text: '', json: null, error: e.message, ms: performance.now() - t0, retry: req.reusedSocket && e.code === 'ECONNRESET' }));
    if (payload) req.write(payload);
    req.end();
  });
}

/** A multipart/form-data body: parts `{ name, value }` or `{ name, filename, type, data }`. */
export function multipart(parts) {
  const boundary = `----sigap-attack-${Math.random().toString(16).slice(2)}`;
  const chunks = [];
  for (const p of parts) {
    const disp = p.filename ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.filename ? `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(String(p.value ?? p.data ?? '')));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Runs many async jobs, `width` at a time; resolves their results in order. */
export async function pool(items, width, fn) {
  const out = new Array(items.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (i < items.length) {
        const k = i++;
        out[k] = await fn(items[k], k);
      }
    }),
  );
  return out;
}

/** The environment of one Sigap place: its data folder and, on PostgreSQL, its database. */
export function placeEnv(place) {
  return { DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl ?? '', STANDARDS_DIR: join(ROOT, 'standards'), CALENDAR_FILE: join(ROOT, 'calendars/indonesia.yaml') };
}

/** `sigap <args>` on a place, to its end: `{ code, out }` (stdout and stderr together). */
export function sigap(run, place, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...run.entry, ...args], { cwd: ROOT, env: { ...process.env, ...placeEnv(place), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/**
 * `sigap serve` on a place, in demo mode (one account per role per office), on loopback and a
 * free port; resolves once it answers. `stop()` ends it with SIGTERM, `kill9()` without warning.
 */
export async function startServer(run, place, { demo = true } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...run.entry, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...placeEnv(place), PORT: String(port), HOST: '127.0.0.1', SIGAP_DEMO: demo ? '1' : '0', TRUST_PROXY: '', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  // A run that ends early (an error, Ctrl-C, a test's timeout) leaves no server behind.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.removeListener('exit', reap));
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    const r = await http(base, 'GET', '/api/v1/offices', { timeout: 2000 });
    if (r.status === 200) break;
    if (child.exitCode !== null || Date.now() - t0 > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`sigap serve did not start (${child.exitCode === null ? 'timeout' : `exit ${child.exitCode}`}): ${stderr}`);
    }
    await sleep(150);
  }
  const server = {
    base,
    pid: child.pid,
    startMs: Date.now() - t0,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
    async kill9() {
      child.kill('SIGKILL');
      return exited;
    },
    /** Resident and peak resident memory (MB) from /proc/<pid>/status. */
    memory() {
      try {
        const s = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
        return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
      } catch {
        return { rssMb: null, peakMb: null };
      }
    },
  };
  return server;
}

/**
 * Direct SQL on a place, to check what the server acknowledged and to tamper with audit rows as
 * someone holding the database would. `?` placeholders on both databases.
 */
export async function openDb(place) {
  if (place.databaseUrl) {
    const pg = require('pg');
    const client = new pg.Client({ connectionString: place.databaseUrl });
    await client.connect();
    return {
      async all(text, params = []) {
        let n = 0;
        return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows;
      },
      async run(text, params = []) {
        let n = 0;
        return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rowCount;
      },
      close: () => client.end(),
    };
  }
  const Sqlite = require('better-sqlite3');
  const db = new Sqlite(join(place.dataDir, 'sigap.db'));
  db.pragma('busy_timeout = 10000');
  return {
    async all(text, params = []) {
      return db.prepare(text).all(...params);
    },
    async run(text, params = []) {
      return db.prepare(text).run(...params).changes;
    },
    async close() {
      db.close();
    },
  };
}

/** Creates an empty PostgreSQL database beside the run's own (for a restore), returning its URL. */
export async function createPgDatabase(url, name) {
  const pg = require('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Builds dist/ when it is missing or older than src/ (as `npm start` does). */
export function buildIfNeeded() {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--build-only'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}
