// Preparing the attack: which offices, the routes, signed-in officers, and each office's records
// (made once per run and shared by the sections that need them).
import { http, sigap, startServer } from './lib.mjs';
import { classify, operations } from './routes.mjs';
import { applicableServices, formSession, idsOf, rolesOf, seedOffice, signIn } from './seed.mjs';

/** The offices of the standards folder (the first N with --offices N). */
export async function loadOffices(run) {
  const { loadStandardsDir } = await import(run.module('io/standards-dir.js'));
  const all = loadStandardsDir(run.standardsDir).offices;
  run.shared.standards ??= all;
  const slugs = all.map((o) => o.office.slug).sort();
  return run.officeLimit ? slugs.slice(0, run.officeLimit) : slugs;
}

/**
 * Each office's signed letter: one case of a service whose product is a letter, run to its end by
 * `sigap simulate` (the demo signers sign it). Done before the server starts: one writer at a time.
 */
async function simulateLetters(run, offices) {
  const done = {};
  await Promise.all(
    offices.map(async (slug) => {
      const o = run.shared.standards.find((x) => x.office.slug === slug);
      const candidates = o.services.filter((s) => s.detailed && s.product?.kind === 'letter').slice(0, 3);
      for (const s of candidates) {
        const r = await sigap(run, run.place, ['simulate', '--office', slug, '--service', s.slug, '--path', 'main']);
        if (r.code === 0) {
          done[slug] = s.slug;
          return;
        }
      }
    }),
  );
  return done;
}

/** The run's server, its routes (OpenAPI, staff ones found by asking without credentials). */
async function basics(run) {
  const sh = run.shared;
  sh.offices ??= await loadOffices(run);
  run.server ??= await startServer(run, run.place);
  sh.ops ??= await classify(run.server.base, await operations(run.server.base));
  sh.services ??= {};
  const first = sh.offices[0];
  if (!sh.services[first]) Object.assign(sh.services, await applicableServices(run, run.server.base, [first]));
  sh.auth ??= {};
  sh.auth[first] ??= { token: await signIn(run.server.base, `admin@${first}`) };
  return sh;
}

/**
 * What the sections need. `minimal`: the server, routes, one office's applicable service and
 * admin. Otherwise every office seeded through its public forms and counter (isolation), and with
 * `roleAccounts` every role of the first office signed in by API and by form (roles).
 */
export async function seedAll(run, { minimal = false, roleAccounts = false } = {}) {
  const sh = run.shared;
  sh.offices ??= await loadOffices(run);
  if (!minimal && !sh.data) {
    const t0 = Date.now();
    if (!run.server && !run.noLetters) sh.letters = await simulateLetters(run, sh.offices);
    const t1 = Date.now();
    await basics(run);
    const t2 = Date.now();
    const base = run.server.base;
    const missing = sh.offices.filter((o) => !sh.services[o]);
    Object.assign(sh.services, await applicableServices(run, base, missing));
    sh.data = {};
    const summary = {};
    let serial = 1;
    for (const office of sh.offices) {
      const tokens = {};
      for (const role of ['admin', 'front-office', 'operator', 'kepala-dinas']) tokens[role] = await signIn(base, `${role}@${office}`).catch(() => null);
      // The attacker is each office's head: the widest reader in the permission table (the admin
      // manages accounts and no longer reads cases), so a leak to anyone would show to the head.
      sh.auth[office] = { token: tokens['kepala-dinas'], session: await formSession(base, `kepala-dinas@${office}`) };
      const seeded = await seedOffice(run, base, office, sh.services[office], tokens, serial);
      serial += 10;
      const { ids, markers } = await idsOf(base, seeded, tokens['kepala-dinas']);
      sh.data[office] = { office, service: sh.services[office].slug, serviceIntake: sh.services[office], ids, markers, names: seeded.people.map((p) => p.name) };
      summary[office] = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.length]));
      if (seeded.counterError) summary[office].counterRefused = seeded.counterError;
      summary[office].registryImport = seeded.registry?.status ?? 'not run';
    }
    sh.summary = summary;
    sh.timing = { lettersBySimulateSeconds: (t1 - t0) / 1000, serverStartAndRoutesSeconds: (t2 - t1) / 1000, seedingSeconds: (Date.now() - t2) / 1000 };
  }
  await basics(run);
  if (roleAccounts && !sh.roleAccounts) {
    const office = sh.offices[0];
    sh.roleOffice = office;
    const base = run.server.base;
    const roles = (await rolesOf(run, [office]))[office];
    sh.roleAccounts = [];
    for (const role of roles) sh.roleAccounts.push({ role, token: await signIn(base, `${role}@${office}`), session: await formSession(base, `${role}@${office}`) });
    // A token signed out is worth nothing; a caller without credentials gets nowhere.
    const revoked = await signIn(base, `front-office@${office}`);
    await http(base, 'POST', '/api/v1/auth/logout', { token: revoked });
    sh.roleAccounts.push({ role: '(revoked token)', token: revoked, session: { cookie: 'sigap_session=0123456789abcdef', csrf: 'x', from: '127.0.0.1' } });
    sh.roleAccounts.push({ role: '(anonymous)', token: null, session: null });
  }
  return { ops: sh.ops, offices: sh.offices, data: sh.data ?? {}, auth: sh.auth, services: sh.services, summary: sh.summary, timing: sh.timing, roleOffice: sh.roleOffice, roleAccounts: sh.roleAccounts };
}
