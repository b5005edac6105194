// The sections of the attack run, in the order they run: each answers `{ pass, figures, failures }`.
// They share one server on one place, started and seeded on first need.
import { loadOffices, seedAll } from './prepare.mjs';
import { isolationMatrix, roleMatrix } from './isolation.mjs';
import { lockOut, spoofedForwarding } from './accounts.mjs';
import { fuzz } from './fuzz.mjs';
import { bombs } from './bombs.mjs';
import { backupRoundTrip, killMidBurst } from './durability.mjs';
import { tampering } from './tamper.mjs';
import { sigap, startServer } from './lib.mjs';

/** The run's server on its place, started once (in demo mode). */
async function ensureServer(run) {
  run.server ??= await startServer(run, run.place);
  return run.server;
}

const verdict = (failures, figures) => ({ pass: failures.length === 0, failures, figures });

export const SECTIONS = {
  isolation: {
    title: 'isolation matrix: every office pair, every staff GET route, the other office’s record ids',
    async run(run) {
      const s = await seedAll(run);
      const r = await isolationMatrix(run.server.base, s.ops, s.offices, s.data, s.auth);
      const failures = [
        ...r.leaks.slice(0, 20).map((l) => `LEAK ${l.from} read ${l.of}: ${l.request} → ${l.status} ${l.leak}`),
        ...r.errors5xx.slice(0, 10).map((e) => `5xx ${e}`),
        ...(r.controlHits === 0 ? ['the control (each office’s own admin) saw none of its own records: the matrix proves nothing'] : []),
      ];
      return verdict(failures, { offices: s.offices.length, pairs: s.offices.length * (s.offices.length - 1), staffRoutes: r.routes, requests: r.requests, leaks: r.leaks.length, controlAnswersWithOwnData: r.controlHits, routesShowingOwnData: r.controlRoutes.length, routesShowingOwnDataList: r.controlRoutes, serverErrors: r.errors5xx.length, seeded: s.summary, preparation: s.timing, matrixSeconds: r.seconds });
    },
  },
  roles: {
    title: 'role matrix: every role of one office against every staff route, reads and writes',
    async run(run) {
      const s = await seedAll(run, { roleAccounts: true });
      const office = s.roleOffice;
      const r = await roleMatrix(run.server.base, s.ops, office, s.data[office], s.roleAccounts);
      const table = {};
      for (const row of r.rows) (table[row.route] ??= {})[row.role] = row.got;
      run.shared.roleTable = table;
      const failures = r.violations.slice(0, 30).map((v) => `${v.role} on ${v.route} (${v.url}): got ${v.got}, expected ${v.expected}`);
      const allowedCount = (role) => r.rows.filter((x) => x.role === role && x.got === 'ok').length;
      return {
        ...verdict(failures, { office, roles: r.roles, routes: r.routes, requests: r.requests, violations: r.violations.length, okPerRole: Object.fromEntries(s.roleAccounts.map((a) => [a.role, allowedCount(a.role)])) }),
        table,
      };
    },
  },
  lockout: {
    title: 'concurrency lock-out: bursts of wrong passwords at sign-in and at signing',
    async run(run) {
      await ensureServer(run);
      return lockOut(run);
    },
  },
  spoof: {
    title: 'spoofed X-Forwarded-For against every per-address limit',
    async run(run) {
      await ensureServer(run);
      return spoofedForwarding(run);
    },
  },
  fuzz: {
    title: 'fuzz of every OpenAPI operation: malformed bodies (nested), params, queries',
    async run(run) {
      const s = await seedAll(run, { minimal: true });
      return fuzz(run, s);
    },
  },
  bombs: {
    title: 'oversize bodies and decompression bombs, with the server’s memory',
    async run(run) {
      const s = await seedAll(run, { minimal: true });
      return bombs(run, s);
    },
  },
  kill: {
    title: 'kill -9 mid-burst: every acknowledged registration survives',
    async run(run) {
      const s = await seedAll(run, { minimal: true });
      return killMidBurst(run, s);
    },
  },
  backup: {
    title: 'backup while submitting, restore into a new place, start it: every acknowledged record and file',
    async run(run) {
      const s = await seedAll(run, { minimal: true });
      return backupRoundTrip(run, s);
    },
  },
  tamper: {
    title: 'audit tampering in the database: edit, delete, reorder; sigap audit verify',
    async run(run) {
      await ensureServer(run);
      // Run alone on a fresh place, the trails are short: an admin's day of account work fills one.
      if (!run.shared.data) {
        const office = (run.shared.offices ?? (await loadOffices(run)))[0];
        const staff = ['Siti Rahmawati', 'Joko Prasetyo', 'Wulan Sari', 'Andi Saputra', 'Maya Lestari'];
        await Promise.all(staff.map((name, i) => sigap(run, run.place, ['user', 'add', '--office', office, '--username', `petugas${i + 1}@${office}`, '--name', name, '--roles', 'front-office', '--password', `Loket-Pagi-Hari-${i + 1}-Sigap`])));
      }
      const r = await tampering(run, run.place);
      const failures = [
        ...(r.intactBefore ? [] : ['the untouched chain does not verify']),
        ...r.attempts.filter((a) => !a.detected || !a.named).map((a) => `${a.what}: ${a.detected ? 'detected but the row is not named' : 'NOT detected'}`),
        ...(r.intactAfterUndo ? [] : [`after undoing every change the chain still fails: ${r.afterOutput}`]),
        ...(r.attempts.length === 0 ? ['no chain with enough rows to tamper with'] : []),
      ];
      return verdict(failures, { chains: r.chains, chainCount: r.chainCount, tamperings: r.attempts.length, detected: r.attempts.filter((a) => a.detected).length, named: r.attempts.filter((a) => a.named).length, attempts: r.attempts.map((a) => `${a.what}: ${a.detected ? 'detected' : 'MISSED'}`) });
    },
  },
};
