// The admin's accounts views without a database: badges of each state, the forms with problems beside their fields and what was typed kept, both languages, escaped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountPage, accountsPage, accountsRefusedPage, addAccountPage } from '../../../src/http/pages/staff-admin-views.js';
import { staffNav } from '../../../src/http/pages/layout.js';
import type { AccountListing, AccountsOverview } from '../../../src/usecases/staff/list-accounts.js';

const shell = (lang: 'id' | 'en' = 'id', roles = ['admin']) => ({ lang, displayName: 'Admin <Jambi>', csrf: 'CSRF-TOKEN-1', roles });
const account = (over: Partial<AccountListing>): AccountListing => ({
  id: 'u1',
  officeId: 'o1',
  username: 'rina.marlina@kota-jambi',
  displayName: 'Rina Marlina, S.Sos',
  roles: ['front-office'],
  title: null,
  nip: null,
  rank: null,
  active: true,
  demo: false,
  lockedForAll: false,
  lockedAddresses: 0,
  failuresSinceSignIn: 0,
  email: null,
  ...over,
});
const overview: AccountsOverview = {
  officeName: 'Dinas Sosial Kota Jambi',
  officeSlug: 'kota-jambi',
  roles: [
    { id: 'admin', name: 'Administrator' },
    { id: 'front-office', name: 'Front Office (Petugas Loket)' },
    { id: 'kepala-dinas', name: 'Kepala Dinas Sosial' },
  ],
  accounts: [
    account({}),
    account({ id: 'u2', username: 'agus@kota-jambi', displayName: 'Agus <script>', active: false }),
    account({ id: 'u3', username: 'hendra@kota-jambi', displayName: 'Drs. Hendra Saputra', roles: ['kepala-dinas'], lockedForAll: true, failuresSinceSignIn: 50 }),
    account({ id: 'u4', username: 'dewi@kota-jambi', displayName: 'Dewi Lestari', lockedAddresses: 2 }),
  ],
};

describe('the accounts views', () => {
  it('lists every account with its roles by name and a badge for each state, escaped', () => {
    const id = accountsPage(shell(), overview);
    assert.match(id, /Front Office \(Petugas Loket\)/);
    assert.match(id, />Nonaktif</);
    assert.match(id, /Terkunci — perlu admin/);
    assert.match(id, /Terkunci dari 2 alamat/);
    assert.match(id, /Agus &lt;script&gt;/);
    assert.doesNotMatch(id, /<script>/);
    assert.match(id, /href="\/petugas\/akun\/u\/rina\.marlina%40kota-jambi"/);
    const en = accountsPage(shell('en'), overview);
    assert.match(en, /Locked — needs an admin/);
    assert.match(en, /Locked from 2 addresses/);
    assert.match(en, /href="\/petugas\/akun\/u\/rina\.marlina%40kota-jambi\?lang=en"/);
  });

  it('shows one account with its roles ticked, unlock only when locked, and disable or re-enable as fits', () => {
    const locked = accountPage(shell(), overview, overview.accounts[2]!);
    assert.match(locked, /id="role-kepala-dinas" name="role\.kepala-dinas" value="true" checked/);
    assert.doesNotMatch(locked, /id="role-admin"[^>]*checked/);
    assert.match(locked, /action="\/petugas\/akun\/u\/hendra%40kota-jambi\/buka-kunci"/);
    assert.match(locked, /50 kali salah kata sandi sejak masuk terakhir/);
    assert.match(locked, /name="_csrf" value="CSRF-TOKEN-1"/);
    const plain = accountPage(shell(), overview, overview.accounts[0]!);
    assert.doesNotMatch(plain, /buka-kunci/);
    assert.match(plain, /Nonaktifkan akun/);
    assert.match(accountPage(shell('en'), overview, overview.accounts[1]!), /Re-enable/);
  });

  it('puts a refused password beside its field, keeps what was typed except the password, and marks the field invalid', () => {
    const problem = { code: 'password-weak', message: 'Kata sandi terlalu mudah ditebak', messageEn: 'The password is too easy to guess', field: 'password' };
    const page = addAccountPage(shell(), overview, { problems: [problem], values: { username: 'rina.marlina@kota-jambi', displayName: 'Rina <b>', 'role.front-office': 'true', password: '' } });
    assert.match(page, /<input id="f-password"[^>]*aria-invalid="true" aria-describedby="err-password pw-help"/);
    assert.match(page, /<p class="field-error" id="err-password">Kata sandi terlalu mudah ditebak<\/p>/);
    assert.match(page, /value="rina\.marlina@kota-jambi"/);
    assert.match(page, /value="Rina &lt;b&gt;"/);
    assert.match(page, /id="role-front-office" name="role\.front-office" value="true" checked/);
    assert.doesNotMatch(page, /name="password" value=/, 'a password is never written back into the page');
    const reset = accountPage(shell('en'), overview, overview.accounts[0]!, { problems: [problem], form: 'password' });
    assert.match(reset, /id="err-password">The password is too easy to guess/);
    assert.doesNotMatch(reset, /aria-invalid="true" aria-describedby="err-roles"/, 'the roles form is not marked');
  });

  it("shows the officer's work e-mail in its own form, and a refused address beside the field as typed, escaped, in both languages", () => {
    const kept = accountPage(shell(), overview, account({ email: 'rina.marlina@dinsos.jambikota.go.id' }));
    assert.match(kept, /<form method="post" action="\/petugas\/akun\/u\/rina\.marlina%40kota-jambi\/email"><input type="hidden" name="_csrf" value="CSRF-TOKEN-1">/);
    assert.match(kept, /<label for="f-email">Alamat e-mail \(boleh kosong\)<\/label>/);
    assert.match(kept, /<input id="f-email" type="email" name="email" value="rina\.marlina@dinsos\.jambikota\.go\.id"[^>]* aria-describedby="email-help">/);
    const problem = { field: 'email', code: 'email-invalid', message: 'Alamat e-mail tidak sah', messageEn: 'Not a valid e-mail address' };
    const refused = accountPage(shell('en'), overview, account({ email: null }), { problems: [problem], values: { email: 'rina<b>@x' }, form: 'email' });
    assert.match(refused, /value="rina&lt;b&gt;@x"[^>]* aria-invalid="true" aria-describedby="err-email email-help"><p class="field-error" id="err-email">Not a valid e-mail address<\/p>/);
    assert.match(refused, /E-mail address \(optional\)/);
    assert.ok(!refused.includes('aria-invalid="true" aria-describedby="err-password'), 'the problem is beside the e-mail only');
  });

  it('offers the menu entry to admins only, and says why a page is refused', () => {
    assert.match(staffNav(shell()).html, /href="\/petugas\/akun">Akun petugas/);
    // The accounts list is not offered; only the officer's own password change is (under /petugas/akun/sandi).
    assert.doesNotMatch(staffNav(shell('id', ['front-office'])).html, /\/petugas\/akun(?!\/sandi)/);
    assert.match(staffNav(shell('id', ['front-office'])).html, /href="\/petugas\/akun\/sandi">Ganti kata sandi/);
    assert.match(accountsRefusedPage(shell(), 'Hanya admin kantor yang dapat mengelola akun petugas'), /role="alert">Hanya admin kantor/);
  });
});
