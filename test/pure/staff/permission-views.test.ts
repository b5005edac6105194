/**
 * What the permission table looks like to an officer, without a server: the refusal page speaks
 * both languages, the staff menu offers only what the roles may do, and the complaint counter's
 * receipt does not link to a complaint the counter may not read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grantsOf, PERMISSION_IDS, may, refusalOf, scopeOf, type Permission } from '../../../src/domain/staff/permissions.js';
import { complaintRecordedPage } from '../../../src/http/pages/complaints-staff-views.js';
import { allowedIn } from '../../../src/http/auth.js';
import type { StoredOffice } from '../../../src/db/standards-repo.js';
import { staffNav, type StaffShell } from '../../../src/http/pages/layout.js';
import { permissionsPage, refusedPage } from '../../../src/http/pages/permissions-views.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const bjm = loadStandardsDir(STANDARDS_DIR).offices.find((o) => o.office.slug === 'kota-banjarmasin')!;
const scope = scopeOf(bjm.services.map((service) => ({ service })));
const shellOf = (roles: string[], lang: 'id' | 'en' = 'id'): StaffShell => ({ lang, csrf: 'c0ffee', displayName: 'Nurul Hidayah', roles, allowed: PERMISSION_IDS.filter((p) => may(roles, p, scope)) });
const menu = (roles: string[]) => [...staffNav(shellOf(roles)).html.matchAll(/<a href="([^"?]+)/g)].map((m) => m[1]);

describe('the permission table in views', () => {
  it('refuses in the page language with the other language beside it, and names the permission', () => {
    const html = refusedPage(shellOf(['surveyor'], 'en'), { words: refusalOf('applications.register'), permission: 'applications.register', path: '/petugas/daftar-baru' });
    assert.match(html, /<h1>Not allowed<\/h1>/);
    assert.match(html, /<p role="alert" data-testid="refused">Your role may not register applications at the counter/);
    assert.match(html, /<p lang="id" class="meta">Peran Anda tidak berwenang mendaftarkan permohonan di loket/);
    assert.match(html, /<code>applications\.register<\/code>/);
    assert.match(html, /href="\/petugas\/hak-akses\?lang=en"/);
  });

  it('offers in the staff menu only what the roles may do', () => {
    assert.deepEqual(menu(['surveyor']), ['/petugas', '/petugas/cari', '/petugas/survei', '/petugas/hak-akses', '/petugas/akun/sandi']);
    // The admin answers data-subject requests and reads the audit trail.
    assert.deepEqual(menu(['admin']), ['/petugas', '/petugas/registri', '/petugas/pengaduan', '/petugas/survei', '/petugas/kalender', '/petugas/akun', '/petugas/privasi', '/petugas/audit', '/petugas/kunci-tanda-tangan', '/petugas/notifikasi', '/petugas/sistem', '/petugas/hak-akses', '/petugas/akun/sandi']);
    assert.deepEqual(menu(['auditor']).filter((p) => p === '/petugas/privasi' || p === '/petugas/audit'), ['/petugas/privasi', '/petugas/audit']);
    assert.ok(!menu(['surveyor']).includes('/petugas/audit'));
    // The front office records complaints it may not read: the menu says so.
    assert.ok(menu(['front-office']).includes('/petugas/pengaduan/baru') && !menu(['front-office']).includes('/petugas/pengaduan'));
    assert.ok(menu(['pramu-sosial']).includes('/petugas/daftar-baru'));
  });

  it("offers the emergency board only in an office whose decree has an emergency service", () => {
    const offices = loadStandardsDir(STANDARDS_DIR).offices;
    const officer = (slug: string) => ({
      user: { roles: ['kepala-dinas'] } as never,
      office: { office: offices.find((o) => o.office.slug === slug)!.office, services: offices.find((o) => o.office.slug === slug)!.services.map((service) => ({ service })) } as unknown as StoredOffice,
    });
    assert.ok(allowedIn(officer('kota-banjarmasin')).includes('emergency.read'), 'Banjarmasin: Kedaruratan bagi PPKS');
    assert.ok(!allowedIn(officer('kota-jambi')).includes('emergency.read'), 'Jambi has no emergency service');
    // The menu, not the permission: the head of office in Jambi still may read the board.
    assert.ok(may(['kepala-dinas'], 'emergency.read', scopeOf(offices.find((o) => o.office.slug === 'kota-jambi')!.services.map((service) => ({ service })))));
  });

  it('links a recorded complaint only for those who may read it', () => {
    const filed = { id: 'c-17', receiptNumber: 'ADU-2026-00017', trackingCode: 'K7P3Q9', dueAt: '2026-04-10T08:00:00Z', dueAtLocal: 'Jumat, 10 April 2026 16.00 WITA', replayed: false };
    assert.doesNotMatch(complaintRecordedPage(shellOf(['front-office']), filed), /\/petugas\/pengaduan\/c-17/);
    assert.match(complaintRecordedPage(shellOf(['pengelola-pengaduan']), filed), /href="\/petugas\/pengaduan\/c-17"/);
  });

  it('lists every role of the office, the officer’s own first and open, and what every officer may once', () => {
    const roles = bjm.office.roles.map((r) => ({ id: r.id, name: r.name, description: r.description, grants: grantsOf(r.id, scope) }));
    const html = permissionsPage(shellOf(['trc']), { officeName: bjm.office.name, roles });
    const headings = [...html.matchAll(/<h2 id="role-([a-z-]+)">/g)].map((m) => m[1]);
    assert.equal(headings.length, 16);
    assert.equal(headings[0], 'trc');
    assert.match(html, /<details class="role-grants" open><summary><h2 id="role-trc">Tim Reaksi Cepat \(TRC\) <span class="badge sla-on-time">peran Anda<\/span>/);
    assert.equal((html.match(/ open>/g) ?? []).length, 1, 'only the own role is open');
    assert.match(html, /Setiap petugas yang masuk boleh: membuka antrean tugasnya sendiri dan tabel hak akses ini; mengganti kata sandinya sendiri; melihat ringkasan IKM kantor/);
    const auditor = /<ul data-role="auditor">([\s\S]*?)<\/ul>/.exec(html)![1]!;
    for (const p of ['applications.register', 'applications.act', 'letters.sign'] as Permission[]) assert.doesNotMatch(auditor, new RegExp(`data-permission="${p}"`));
  });
});
