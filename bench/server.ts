/**
 * A server process for benchmarks: `catalogue` serves the real Sigap app over SQLite with the
 * standards loaded; `bare` serves a Fastify route returning a constant body of a given size.
 * Prints `READY <port>` when listening.
 */
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { buildApp } from '../src/http/app.js';

const [mode, arg] = process.argv.slice(2);

if (mode === 'bare') {
  const body = arg ?? '{}';
  const app = Fastify({ logger: false });
  app.get('/bare', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  // The POST baseline parses a JSON body of the same shape and answers 201 with a constant.
  app.post('/bare', async (_req, reply) => reply.code(201).type('application/json; charset=utf-8').send(body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`READY ${(app.server.address() as { port: number }).port}`);
} else {
  // BENCH_DATA_DIR: the caller reads the database afterwards and removes the directory itself.
  const given = process.env.BENCH_DATA_DIR;
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'sigap-bench-'));
  // The benchmark stops this process with SIGTERM: its throwaway database goes with it.
  if (!given) process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const booted = await boot({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir, standardsDir: 'standards', demo: true });
  if (!booted.ok) throw new Error('standards invalid');
  const app = await buildApp({ ctx: booted.ctx, rateLimit: false });
  if (mode === 'submit') {
    // A realistic online application: Jambi 9 with its documents uploaded once and referenced.
    const { storeUpload } = await import('../src/usecases/applications/store-upload.js');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const u = await storeUpload(booted.ctx, png, 'ktp.png');
    if (!u.ok) throw new Error('upload failed');
    console.log(`UPLOAD ${u.value.id}`);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`READY ${(app.server.address() as { port: number }).port}`);
}

process.on('SIGTERM', () => process.exit(0));
