/** The `sigap` command line: serve, migrate, and the standards tools. */
import { parseArgs } from 'node:util';
import { join, relative, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/dialect.js';
import { migrate } from '../db/migrate.js';
import { lintOffice, lintVerbatim, VERBATIM_CODES, type LintWarning } from '../domain/standards/lint.js';
import { lintDecreeText, type RegulationFact } from '../domain/standards/lint-regulations.js';
import { loadRegulations } from '../io/regulations-file.js';
import { formatProblem } from '../domain/standards/validate.js';
import { loadStandardsDir } from '../io/standards-dir.js';
import { boot } from '../boot.js';
import { registryCommand } from './registry-commands.js';
import { AUDIT_HELP, auditCommand } from './audit-commands.js';
import { backupCommand } from './backup-commands.js';
import { SIGNING_HELP, signingCommand } from './signing-commands.js';
import { userCommand, USER_USAGE } from './user-commands.js';
import { banner, lanAddresses, startupNotices } from './startup-notices.js';
import { SLA_UNITS } from '../domain/standards/schema.js';
import { loadCalendarFile } from '../io/calendar-file.js';
import { simulateCase, simulationRefusal, type SimPath } from '../usecases/applications/simulate-case.js';
import { SlaClock } from '../usecases/sla-clock.js';
import { sweepSla } from '../usecases/applications/sweep-sla.js';
import { sweepUploads } from '../usecases/applications/sweep-uploads.js';
import { sweepAllComplaints } from '../usecases/complaints/sweep-complaints.js';
import { sweepEmergencies } from '../usecases/emergency/sweep-emergencies.js';
import { runOversightChecks } from '../usecases/oversight/run-oversight-checks.js';
import { DEMO_PASSWORD } from '../usecases/staff/ensure-demo-accounts.js';
import { loadStandards } from '../usecases/catalogue/load-standards.js';

const HELP = `sigap — Standar Pelayanan Dinas Sosial

Perintah / commands:
  sigap serve                      jalankan server / run the server (PORT, DATABASE_URL, DATA_DIR, STANDARDS_DIR)
  sigap migrate                    jalankan migrasi basis data / run database migrations
  sigap standards validate [dir]   periksa format standar / validate standards (default: ./standards)
  sigap standards lint [dir]       peringatan penyusunan, dan teks yang tidak ada di decree.txt (gagal)
                                   drafting warnings, and text not found in decree.txt (fails)
  sigap standards load [dir]       muat standar ke basis data sebagai versi / store standards as versions
${USER_USAGE}  sigap sla due --office <slug> --start <ISO> --value <n> --unit <unit> [--service <slug>]
                                   hitung batas waktu / compute a due time
  sigap simulate --office <slug> --service <slug> [--path main|return|reject]
                                   jalankan satu kasus dengan akun demo / run one case with the demo accounts
${AUDIT_HELP}${SIGNING_HELP}  sigap backup <folder-baru>       cadangan lengkap saat server berjalan / a consistent backup while serving
  sigap restore <folder>           pulihkan ke DATA_DIR dan basis data yang kosong / restore into an empty
                                   DATA_DIR and database (docs/OPERATIONS.md)
`;

/** Boots the product for a command, or prints why the standards refuse to load. */
/** DOMAIN.md §8's lints on one office's decree.txt, as the linter's warnings (file and first line). */
function decreeTextWarnings(o: { office: { slug: string; decree: { date: string | null } }; dir: string; decreeText: string | null }, facts: readonly RegulationFact[]): LintWarning[] {
  if (!o.decreeText) return [];
  const file = relative(process.cwd(), join(o.dir, 'decree.txt')) || join(o.dir, 'decree.txt');
  return lintDecreeText(o.decreeText, facts, { decreeDate: o.office.decree.date }).map((l) => ({
    office: o.office.slug,
    service: null,
    file,
    line: l.lines[0]!,
    code: l.code,
    message: l.lines.length > 1 ? `${l.message} (juga baris ${l.lines.slice(1).join(', ')})` : l.message,
    messageEn: l.lines.length > 1 ? `${l.messageEn} (also lines ${l.lines.slice(1).join(', ')})` : l.messageEn,
  }));
}

async function bootOrReport(config: ReturnType<typeof loadConfig>, opts: { demo: boolean; actor: string }) {
  const booted = await boot({ ...config, ...opts });
  if (booted.ok) return booted.ctx;
  for (const p of booted.problems) process.stderr.write(formatProblem(p) + '\n');
  await booted.database.close();
  return null;
}

async function main(argv: string[]): Promise<number> {
  // Whatever this process creates (database, uploads, letters, reports, exports) is the service user's alone.
  process.umask(0o077);
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
      let verbatim = 0;
      // Known-regulation facts (standards/regulations.yaml) for DOMAIN.md §8's lints on the decree text.
      const facts = loadRegulations(dir);
      for (const p of facts.problems) process.stderr.write(formatProblem(p) + '\n');
      if (facts.problems.length > 0) return 1;
      for (const o of offices)
        for (const w of [
          ...lintVerbatim({ office: o.office, services: o.services, decreeText: o.decreeText, officeFile: o.officeFile, serviceFiles: o.serviceSources }),
          ...lintOffice(o.office, o.services, o.serviceFiles),
          ...decreeTextWarnings(o, facts.regulations),
        ]) {
          count++;
          const fails = VERBATIM_CODES.includes(w.code);
          if (fails) verbatim++;
          const where = w.line ? `${w.file}:${w.line}` : w.file;
          process.stdout.write(`${where}: ${fails ? 'tidak sesuai keputusan/not verbatim' : 'peringatan/warning'} [${w.code}] ${w.message} / ${w.messageEn}\n`);
        }
      process.stdout.write(`${count} peringatan / ${count} warnings\n`);
      if (verbatim > 0) {
        process.stdout.write(`${verbatim} teks tidak ditemukan di decree.txt / ${verbatim} texts not found in decree.txt\n`);
        return 1;
      }
      return 0;
    }
    if (sub === 'load') {
      const database = openDatabase(config);
      try {
        await migrate(database);
        const r = await loadStandards(database, dir, 'cli');
        if (!r.ok) {
          for (const p of r.error.problems) process.stderr.write(formatProblem(p) + '\n');
          return 1;
        }
        for (const s of r.value) {
          const changed = s.services.filter((x) => x.change !== 'unchanged').length;
          process.stdout.write(`${s.office}: kantor ${s.officeChange} (v${s.officeVersion}), ${changed} layanan berubah / services changed, ${s.deactivated.length} dinonaktifkan / deactivated\n`);
        }
        return 0;
      } finally {
        await database.close();
      }
    }
  }
  if (cmd === 'registry') {
    const code = await registryCommand(argv.slice(1), config);
    if (code !== null) return code;
  }
  if (cmd === 'audit') {
    const code = await auditCommand(argv.slice(1), config);
    if (code !== null) return code;
  }
  if (cmd === 'signing') {
    const code = await signingCommand(argv.slice(1), config);
    if (code !== null) return code;
  }
  if (cmd === 'backup' || cmd === 'restore') {
    const code = await backupCommand(argv, config);
    if (code !== null) return code;
  }
  if (cmd === 'user') {
    const code = await userCommand(sub, rest, config);
    if (code !== null) return code;
  }
  if (cmd === 'sla' && sub === 'due') {
    const { values } = parseArgs({ args: rest, options: { office: { type: 'string' }, start: { type: 'string' }, value: { type: 'string' }, unit: { type: 'string' }, service: { type: 'string' } } });
    const unit = values.unit as (typeof SLA_UNITS)[number];
    const value = Number(values.value);
    if (!values.office || !values.start || !SLA_UNITS.includes(unit) || !(value > 0)) {
      process.stderr.write(`Wajib / required: --office --start <ISO 8601> --value <n > 0> --unit <${SLA_UNITS.join('|')}>\n`);
      return 2;
    }
    const { offices, problems } = loadStandardsDir(config.standardsDir);
    if (problems.length) {
      for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
      return 1;
    }
    const o = offices.find((x) => x.office.slug === values.office);
    if (!o) {
      process.stderr.write(`Kantor tidak ditemukan / office not found: ${values.office}\n`);
      return 1;
    }
    const svc = values.service ? o.services.find((s) => s.slug === values.service) : undefined;
    if (values.service && !svc) {
      process.stderr.write(`Layanan tidak ditemukan / service not found: ${values.service}\n`);
      return 1;
    }
    const clock = new SlaClock(loadCalendarFile(resolve('calendars/indonesia.yaml')));
    try {
      const r = clock.dueFor(o.office, svc, values.start, value, unit);
      process.stdout.write(JSON.stringify({ dueAt: r.dueAt, dueAtLocal: r.dueAtLocal, timezone: o.office.timezone, warnings: r.warnings }, null, 2) + '\n');
      for (const w of r.warnings) process.stderr.write(`peringatan / warning: ${w.message} / ${w.messageEn}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`Waktu mulai tidak sah / invalid start: ${(e as Error).message}\n`);
      return 1;
    }
  }
  if (cmd === 'simulate') {
    const { values } = parseArgs({ args: argv.slice(1), options: { office: { type: 'string' }, service: { type: 'string' }, path: { type: 'string' } } });
    const path = (values.path ?? 'main') as SimPath;
    if (!values.office || !values.service || !['main', 'return', 'reject'].includes(path)) {
      process.stderr.write('Wajib / required: --office <slug> --service <slug> [--path main|return|reject]\n');
      return 2;
    }
    // Refused before the database is opened: a path the service lacks writes nothing at all.
    // (Invalid standards are reported by boot below, with every problem.)
    const { offices, problems } = loadStandardsDir(config.standardsDir);
    const svc = offices.find((o) => o.office.slug === values.office)?.services.find((s) => s.slug === values.service);
    const refused = problems.length === 0 ? simulationRefusal(values.office, values.service, svc, path) : null;
    if (refused) {
      process.stderr.write(`${refused.message}\n`);
      return 1;
    }
    const c = await bootOrReport(config, { demo: true, actor: 'simulate' });
    if (!c) return 1;
    try {
      const r = await simulateCase(c, values.office, values.service, path, (s) =>
        process.stdout.write(`• ${s.label}\n    ${s.actor} → ${s.outcome}; status ${s.status}; batas waktu / due: ${s.dueAtLocal ?? '—'}\n`),
      );
      process.stdout.write(`\nNomor registrasi / registration number: ${r.registrationNumber}\nKode pelacakan / tracking code: ${r.trackingCode}\nAkhir / final state: ${r.finalStatus}${r.end ? ` (${r.end})` : ''}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 1;
    } finally {
      await c.database.close();
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
    const port = values.port ? Number(values.port) : config.port;
    const booted = await boot({ ...config, port, demo: config.demo, serving: true });
    if (!booted.ok) {
      for (const p of booted.problems) process.stderr.write(formatProblem(p) + '\n');
      process.stderr.write('Standar tidak sah, server tidak dijalankan / invalid standards, not starting\n');
      await booted.database.close();
      return 1;
    }
    const { ctx } = booted;
    const { database, catalogue } = ctx;
    // Loaded only to serve: the HTTP layer (Fastify, Swagger UI, PDF) would cost every other
    // command, a million-row import among them, tens of megabytes.
    const { buildApp } = await import('../http/app.js');
    const app = await buildApp({ ctx, logger: true, trustProxy: config.trustProxy });
    const sweep = setInterval(() => {
      for (const o of catalogue.list()) sweepSla(ctx, o.id).catch((e: unknown) => app.log.error(e));
      for (const o of catalogue.list()) sweepEmergencies(ctx, o.id).catch((e: unknown) => app.log.error(e));
      sweepAllComplaints(ctx).catch((e: unknown) => app.log.error(e));
      sweepUploads(ctx).catch((e: unknown) => app.log.error(e));
      // Validation rules and evaluation reminders: claimed once per office and local day across processes.
      for (const o of catalogue.list()) runOversightChecks(ctx, o.id).catch((e: unknown) => app.log.error(e));
    }, 60_000);
    sweep.unref();
    // The notification outbox: sent every 10 s when SMTP is configured; otherwise the messages wait (the admin page says so).
    const { startOutboxWorker } = await import('../usecases/notifications/outbox-worker.js');
    const outbox = startOutboxWorker(ctx, ctx.mail ?? null, (e) => app.log.error(e));
    // Changes other processes on the same database make to calendars and standards (docs/OPERATIONS.md).
    const { followChanges } = await import('../usecases/cluster/follow-changes.js');
    const changes = await followChanges(ctx, { onError: (e) => app.log.warn(e) });
    await app.listen({ port, host: config.host });
    const address = app.server.address();
    const listening = typeof address === 'object' && address ? address.port : port;
    const facts = { demo: config.demo, demoPassword: DEMO_PASSWORD, demoAccountsCreated: booted.demoAccounts, demoAccountsDisabled: booted.demoAccountsDisabled, secretsMoved: booted.secrets.moved, secretsConflicting: booted.secrets.conflicting };
    for (const n of startupNotices({ ...facts, host: config.host, port: listening, publicBaseUrl: config.publicBaseUrl, trustProxy: config.trustProxy, lanAddresses: lanAddresses() })) {
      // Warnings also go to stderr as a banner: among JSON log lines an operator would miss them.
      if (n.level === 'warn') process.stderr.write(banner(n.text));
      app.log[n.level](n.text);
    }
    // Without PUBLIC_BASE_URL, receipts and QR codes carry the address this server really answers on.
    if (!config.publicBaseUrl) ctx.publicBaseUrl = `http://localhost:${listening}`;
    const services = catalogue.list().reduce((a, o) => a + o.services.length, 0);
    app.log.info(`Sigap: ${catalogue.list().length} kantor, ${services} layanan, ${database.describe}, http://localhost:${listening}/`);
    app.log.info(
      `Alamat publik pada tanda terima, surat dan kode QR / public address on receipts, letters and QR codes: ${ctx.publicBaseUrl}${config.publicBaseUrl ? '' : ' (PUBLIC_BASE_URL tidak diatur / not set)'}`,
    );
    const stop = async () => {
      outbox.stop();
      await changes.stop();
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
