/**
 * The one permission table: deny by default, readers never write, every permission a route or a
 * use case names exists (and every entry is used), every role it names is a real office role, the
 * scope rules follow the decrees' procedures, and docs/PERMISSIONS.md says exactly what the table
 * says (regenerate with SIGAP_UPDATE_DOCS=1).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  EVERY_OFFICER,
  isPermission,
  may,
  MASK,
  PERMISSION_IDS,
  PERMISSIONS,
  PROCEDURE,
  READ_ONLY_ROLES,
  grantsOf,
  refusalOf,
  roleMay,
  scopeOf,
  SPECIFIC_PERSONAL_INPUTS,
  WRITES,
  type Permission,
} from '../../../src/domain/staff/permissions.js';
import type { Service } from '../../../src/domain/standards/schema.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { ROOT, STANDARDS_DIR } from '../../support/paths.js';

const standards = loadStandardsDir(STANDARDS_DIR);
const office = (slug: string) => standards.offices.find((o) => o.office.slug === slug)!;
const wrap = (o: { services: readonly Service[] }) => o.services.map((service) => ({ service }));
const services = (slug: string) => wrap(office(slug));
const officeScope = (slug: string) => scopeOf(services(slug));
const serviceScope = (slug: string, service: string) => scopeOf(services(slug).filter((s) => s.service.slug === service));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    // The sources, or their compiled twins when the tests run compiled (npm test).
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|js)$/.test(p) ? [p] : [];
  });
}

describe('the permission table', () => {
  it('denies by default: an unknown permission, an unknown role, no role at all', () => {
    const scope = officeScope('kota-banjarmasin');
    assert.equal(may(['kepala-dinas', 'admin', 'front-office'], 'applications.delete' as Permission, scope), false);
    assert.equal(isPermission('applications.delete'), false);
    for (const p of PERMISSION_IDS) {
      assert.equal(may([], p, scope), false, `no role: ${p}`);
      const everyOfficer = (PERMISSIONS[p].holders as readonly string[]).includes(EVERY_OFFICER);
      assert.equal(roleMay('tamu', p, scope), everyOfficer, `a role no office names: ${p}`);
    }
    // Only three things need no more than signing in: one's own queue, this table, the public IKM figures.
    assert.deepEqual(PERMISSION_IDS.filter((p) => (PERMISSIONS[p].holders as readonly string[]).includes(EVERY_OFFICER)), ['self.read', 'self.password', 'surveys.overview']);
  });

  it('gives read-only roles ("Auditor (baca saja)") no write, in any office, however the table names them', () => {
    assert.ok(WRITES.every(isPermission));
    for (const o of standards.offices) {
      const scope = scopeOf(wrap(o));
      const readers = o.office.roles.filter((r) => /baca saja/i.test(r.name)).map((r) => r.id);
      assert.ok(readers.length > 0, `${o.office.slug} names a read-only role`);
      for (const role of readers) {
        assert.ok(READ_ONLY_ROLES.includes(role), `${o.office.slug}: ${role} is read-only in the table`);
        for (const p of WRITES) assert.equal(roleMay(role, p, scope), false, `${o.office.slug}: ${role} must not ${p}`);
        assert.ok(grantsOf(role, scope).length > 0, 'the auditor still reads');
      }
    }
    // Even a step given to the auditor by a decree would not make it act.
    assert.equal(roleMay('auditor', 'applications.act', { steps: [{ kind: 'check', role: 'auditor' }] }), false);
  });

  it('is the only list: every permission a route or use case names exists, and every entry is used', () => {
    const used = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      if (/domain[/\\]staff[/\\]permissions\.(ts|js)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/may: ['"]([a-z.-]+)['"]|staff\(['"]([a-z.-]+)['"]\)|may\([^()]*?, ['"]([a-z.-]+)['"]|refusalOf\(['"]([a-z.-]+)['"]\)/g)) used.add((m[1] ?? m[2] ?? m[3] ?? m[4])!);
    }
    assert.deepEqual([...used].filter((p) => !isPermission(p)), [], 'named but not in the table');
    // audit.read is for the audit trail page being built beside this one (issue 12).
    assert.deepEqual(PERMISSION_IDS.filter((p) => !used.has(p) && p !== 'audit.read'), [], 'in the table but used nowhere');
  });

  it('names only roles some office file defines', () => {
    const defined = new Set(standards.offices.flatMap((o) => o.office.roles.map((r) => r.id)));
    for (const p of PERMISSION_IDS)
      for (const h of PERMISSIONS[p].holders) if (h !== EVERY_OFFICER && !h.startsWith('@step')) assert.ok(defined.has(h), `${p}: ${h} is no office's role`);
  });

  it('orders the registry levels: whoever sees more may look up', () => {
    for (const role of [...PERMISSIONS['registry.read-full'].holders, ...PERMISSIONS['registry.read-counter'].holders])
      assert.ok((PERMISSIONS['registry.lookup'].holders as readonly string[]).includes(role), role);
  });

  it('lets the decree decide case access: a role works the services where it holds a step, the counter where it holds the intake', () => {
    const bjm = 'kota-banjarmasin';
    // Pramu Sosial registers clients at the Rumah Singgah (its intake step) and nothing else.
    assert.ok(may(['pramu-sosial'], 'applications.register', serviceScope(bjm, 'penerimaan-klien-rumah-singgah')));
    assert.ok(!may(['pramu-sosial'], 'applications.register', serviceScope(bjm, 'santunan-kematian')));
    // The front office holds the counter of every service; the SKM surveyor and the admin hold none.
    for (const s of services(bjm)) assert.ok(may(['front-office'], 'applications.register', scopeOf([s])), s.service.slug);
    for (const role of ['surveyor', 'admin', 'auditor', 'kepala-dinas']) assert.ok(!may([role], 'applications.register', officeScope(bjm)), role);
    // TRC works the emergency service it holds steps of, and sees its ID scans; not another service's.
    const trcServices = services(bjm).filter((s) => s.service.procedure?.steps.some((st) => st.role === 'trc' || st.orRoles?.includes('trc')));
    assert.ok(trcServices.length > 0);
    for (const s of trcServices) assert.ok(may(['trc'], 'uploads.read', scopeOf([s])) && may(['trc'], 'applications.act', scopeOf([s])));
    assert.ok(!may(['trc'], 'uploads.read', serviceScope(bjm, 'santunan-kematian')));
    // Specific personal data: the head and the service's workers; never the auditor, the admin or the surveyor,
    // nor Jambi's complaint officer, who holds no step there (Banjarmasin's receives emergency reports).
    assert.ok(may(['kepala-dinas'], 'applications.read-specific', serviceScope(bjm, 'santunan-kematian')));
    for (const role of ['auditor', 'admin', 'surveyor']) assert.ok(!may([role], 'applications.read-specific', officeScope(bjm)), role);
    assert.ok(!may(['pengelola-pengaduan'], 'applications.read-specific', officeScope('kota-jambi')));
    assert.ok(may(['pengelola-pengaduan'], 'applications.read-specific', serviceScope(bjm, 'kedaruratan-ppks')));
    // Letters: the signing step's holders sign (and number their own); the register's keeper numbers.
    assert.ok(may(['kepala-bidang'], 'letters.sign', officeScope(bjm)));
    assert.ok(!may(['verifikator'], 'letters.sign', officeScope(bjm)) && !may(['trc'], 'letters.manage', officeScope(bjm)));
    assert.ok(may(['subbag-umum'], 'letters.number', officeScope('kota-jambi')) && !may(['subbag-umum'], 'letters.sign', officeScope('kota-jambi')));
    // The admin manages accounts and the calendar, and reads no case.
    assert.ok(may(['admin'], 'accounts.admin') && may(['admin'], 'calendar.admin'));
    assert.ok(!may(['admin'], 'applications.read', officeScope(bjm)) && !may(['admin'], 'uploads.read', officeScope(bjm)));
  });

  it('marks as specific personal data only questions the standards ask', () => {
    const inputs = new Set(standards.offices.flatMap((o) => o.services.flatMap((s) => s.inputs.map((i) => i.id))));
    for (const id of SPECIFIC_PERSONAL_INPUTS) assert.ok(inputs.has(id), id);
    assert.equal(MASK, '••••');
  });

  it('says every refusal in both languages', () => {
    for (const p of PERMISSION_IDS) {
      const [id, en] = refusalOf(p);
      assert.ok(id.length > 10 && en.length > 10 && id !== en, p);
    }
    assert.equal(refusalOf('registry.import')[0], 'Peran Anda tidak berwenang mengimpor ekstrak registri dan mengunduh laporan impor');
  });
});

/** docs/PERMISSIONS.md's generated part: the table, then each office's roles with what they hold. */
function generated(): string {
  const holder = (h: string) => (h === EVERY_OFFICER ? '*every officer*' : h === PROCEDURE ? '*step holders*' : h.startsWith('@step:') ? `*${h.slice(6)}-step holders*` : `\`${h}\``);
  const lines = [
    '| permission | held by | writes | allows (Bahasa Indonesia / English) |',
    '|---|---|---|---|',
    ...PERMISSION_IDS.map((p) => `| \`${p}\` | ${[...new Set(PERMISSIONS[p].holders)].map(holder).join(', ')} | ${WRITES.includes(p) ? 'yes' : ''} | ${PERMISSIONS[p].id} / ${PERMISSIONS[p].en} |`),
    '',
  ];
  for (const o of standards.offices) {
    lines.push(`### ${o.office.name} (\`${o.office.slug}\`)`, '', '| role | may (in this office: step holders resolved against its services) |', '|---|---|');
    const scope = scopeOf(wrap(o));
    for (const r of o.office.roles) lines.push(`| ${r.name} (\`${r.id}\`) | ${grantsOf(r.id, scope).map((g) => `\`${g.permission}\``).join(', ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

describe('docs/PERMISSIONS.md', () => {
  it('shows the table as it is (SIGAP_UPDATE_DOCS=1 rewrites it)', () => {
    const file = join(ROOT, 'docs/PERMISSIONS.md');
    const text = readFileSync(file, 'utf8');
    const begin = '<!-- generated from src/domain/staff/permissions.ts by test/pure/staff/permissions.test.ts -->\n';
    const end = '<!-- end of generated part -->';
    const [head, rest] = text.split(begin);
    assert.ok(head !== undefined && rest !== undefined && rest.includes(end), 'docs/PERMISSIONS.md keeps its generated markers');
    const now = `${head}${begin}${generated()}${end}${rest.slice(rest.indexOf(end) + end.length)}`;
    if (process.env.SIGAP_UPDATE_DOCS === '1') return writeFileSync(file, now);
    assert.equal(text, now, 'the table changed: run SIGAP_UPDATE_DOCS=1 SIGAP_TEST_SKIP_PG=1 node scripts/test.mjs --no-typecheck permissions, and review docs/PERMISSIONS.md');
  });
});
