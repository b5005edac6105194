/** The `sigap` command line: serve, migrate, and the standards tools. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/dialect.js';
import { migrate } from '../db/migrate.js';
import { lintOffice } from '../domain/standards/lint.js';
import { formatProblem } from '../domain/standards/validate.js';
import { buildApp } from '../http/app.js';
import { loadStandardsDir } from '../io/standards-dir.js';
import { boot } from '../boot.js';
import { sweepSla } from '../usecases/sla-sweep.js';
import { DEMO_PASSWORD } from '../usecases/staff-accounts.js';
import { loadStandards } from '../usecases/load-standards.js';

const HELP = `sigap — Standar Pelayanan Dinas Sosial

Perintah / commands:
  sigap serve                      jalankan server / run the server (PORT, DATABASE_URL, DATA_DIR, STANDARDS_DIR)
  sigap migrate                    jalankan migrasi basis data / run database migrations
  sigap standards validate [dir]   periksa format standar / validate standards (default: ./standards)
  sigap standards lint [dir]       peringatan penyusunan / drafting warnings
  sigap standards load [dir]       muat standar ke basis data sebagai versi / store standards as versions
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const config = loadConfig();
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  if (cmd === 'standards') {
    const dir = resolve(rest.find((a) => !a.startsWith('-')) ?? config.standardsDir);
    if (sub === 'validate') {
      const { offices, problems } = loadStandardsDir(dir);
      for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
      if (problems.length > 0) {
        process.stderr.write(`${problems.length} masalah ditemukan / ${problems.length} problems found\n`);
        return 1;
      }
      const n = offices.reduce((a, o) => a + o.services.length, 0);
      process.stdout.write(`OK: ${offices.length} kantor, ${n} layanan / ${offices.length} offices, ${n} services\n`);
      return 0;
    }
    if (sub === 'lint') {
      const { offices, problems } = loadStandardsDir(dir);
      for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
      if (problems.length > 0) return 1;
      let count = 0;
      for (const o of offices)
        for (const w of lintOffice(o.office, o.services, o.serviceFiles)) {
          count++;
          process.stdout.write(`${w.file}: peringatan/warning [${w.code}] ${w.message} / ${w.messageEn}\n`);
        }
      process.stdout.write(`${count} peringatan / ${count} warnings\n`);
      return 0;
    }
    if (sub === 'load') {
      const database = openDatabase(config);
      try {
        await migrate(database);
        const r = await loadStandards(database, dir, 'cli');
        if (!r.ok) {
          for (const p of r.problems) process.stderr.write(formatProblem(p) + '\n');
          return 1;
        }
        for (const s of r.summaries) {
          const changed = s.services.filter((x) => x.change !== 'unchanged').length;
          process.stdout.write(`${s.office}: kantor ${s.officeChange} (v${s.officeVersion}), ${changed} layanan berubah / services changed, ${s.deactivated.length} dinonaktifkan / deactivated\n`);
        }
        return 0;
      } finally {
        await database.close();
      }
    }
  }
  if (cmd === 'migrate') {
    const database = openDatabase(config);
    try {
      const done = await migrate(database);
      process.stdout.write(`${database.describe}: ${done.length ? done.join(', ') : 'sudah terbaru / up to date'}\n`);
      return 0;
    } finally {
      await database.close();
    }
  }
  if (cmd === 'serve') {
    const { values } = parseArgs({ args: argv.slice(1), options: { port: { type: 'string' } }, allowPositionals: true });
    const booted = await boot({ ...config, demo: config.demo });
    if (!booted.ok) {
      for (const p of booted.problems) process.stderr.write(formatProblem(p) + '\n');
      process.stderr.write('Standar tidak sah, server tidak dijalankan / invalid standards, not starting\n');
      await booted.database.close();
      return 1;
    }
    const { ctx } = booted;
    const { database, catalogue } = ctx;
    const app = await buildApp({ ctx, logger: true });
    const sweep = setInterval(() => {
      for (const o of catalogue.list()) sweepSla(ctx, o.id).catch((e: unknown) => app.log.error(e));
    }, 60_000);
    sweep.unref();
    if (config.demo) app.log.info(`Mode demo: akun <peran>@<kantor> / ${DEMO_PASSWORD} (${booted.demoAccounts} baru dibuat)`);
    const port = values.port ? Number(values.port) : config.port;
    await app.listen({ port, host: config.host });
    const services = catalogue.list().reduce((a, o) => a + o.services.length, 0);
    app.log.info(`Sigap: ${catalogue.list().length} kantor, ${services} layanan, ${database.describe}, http://localhost:${port}/`);
    const stop = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1; // keep running
  }
  process.stderr.write(`Perintah tidak dikenal / unknown command: ${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
