/**
 * The office admin's staff accounts pages under /petugas/akun: the list, adding an account, and one
 * account's actions. Every post answers with the page again (problems beside the fields) or
 * redirects back with a one-line message. Who may do this is decided in the use cases (role
 * `admin`, own office), never here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Failure, Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../../usecases/context.js';
import type { AccountChanged } from '../../usecases/staff/account-admin.js';
import { addAccount } from '../../usecases/staff/add-account.js';
import { disableAccount } from '../../usecases/staff/disable-account.js';
import { enableAccount } from '../../usecases/staff/enable-account.js';
import { listAccounts } from '../../usecases/staff/list-accounts.js';
import { outboxStatus } from '../../usecases/notifications/outbox-status.js';
import { resetAccountPassword } from '../../usecases/staff/reset-account-password.js';
import { revokeAccountSessions } from '../../usecases/staff/revoke-account-sessions.js';
import { setAccountEmail } from '../../usecases/staff/set-account-email.js';
import { setAccountRoles } from '../../usecases/staff/set-account-roles.js';
import { unlockAccount } from '../../usecases/staff/unlock-account.js';
import { officerOf } from '../auth.js';
import { anyObject } from '../api/schemas.js';
import { L } from '../i18n.js';
import { formFields, sendHtml, statusOf } from '../reply.js';
import { say } from './components.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';
import { ACCOUNTS_PATH, accountPage, accountPath, accountsPage, accountsRefusedPage, addAccountPage, type FormNotes } from './staff-admin-views.js';

const OK = {
  added: ['Akun ditambahkan.', 'Account added.'],
  roles: ['Peran disimpan; berlaku seketika, juga untuk sesi yang sedang terbuka.', 'Roles saved; they apply at once, to open sessions too.'],
  password: ['Kata sandi diatur ulang; semua sesi dan token akun ini berakhir.', 'Password reset; every session and token of this account ended.'],
  unlocked: ['Kunci dibuka.', 'Account unlocked.'],
  revoked: ['Semua sesi dan token akun ini dicabut.', 'Every session and token of this account was revoked.'],
  disabled: ['Akun dinonaktifkan; semua sesinya berakhir.', 'Account disabled; every session of it ended.'],
  enabled: ['Akun diaktifkan lagi.', 'Account re-enabled.'],
  email: ['Alamat e-mail disimpan.', 'E-mail address saved.'],
} as const;
type Done = keyof typeof OK;
const okQuery = z.object({ ok: z.enum(Object.keys(OK) as [Done, ...Done[]]).optional().catch(undefined) });
const userParams = z.object({ username: z.string().max(100) });
const form = anyObject.optional();

/** The role ids ticked in a form (checkboxes `role.<id>`). */
const rolesOf = (f: Record<string, string>) => Object.keys(f).flatMap((k) => (k.startsWith('role.') && f[k] === 'true' ? [k.slice(5)] : []));

/** One-click actions on an account, each with its use case and message. */
const ACTIONS: Record<string, { run: (ctx: Ctx, actor: Actor, username: string) => Promise<Outcome<AccountChanged>>; done: Done }> = {
  'buka-kunci': { run: unlockAccount, done: 'unlocked' },
  'cabut-sesi': { run: revokeAccountSessions, done: 'revoked' },
  nonaktifkan: { run: disableAccount, done: 'disabled' },
  aktifkan: { run: enableAccount, done: 'enabled' },
};

export const staffAdminPages = staffPages((app, ctx) => {
  const refused = (req: FastifyRequest, reply: FastifyReply, f: Failure) =>
    sendHtml(reply, accountsRefusedPage(shellOf(req), f.problems.map((p) => say(req.lang, p)).join(' '), f.kind === 'not-found' ? 'not-found' : 'forbidden'), statusOf(f.kind));
  const message = (req: FastifyRequest, ok: Done | undefined) => (ok ? L(req.lang, OK[ok][0], OK[ok][1]) : undefined);

  /** The list or one account's page, with what just happened. */
  const show = async (req: FastifyRequest, reply: FastifyReply, username: string | null, notes: FormNotes, status = 200) => {
    const v = await listAccounts(ctx, officerOf(req).actor);
    if (!v.ok) return refused(req, reply, v.error);
    if (username === null) return sendHtml(reply, accountsPage(shellOf(req), v.value, notes, await outboxStatus(ctx)), status);
    const a = v.value.accounts.find((x) => x.username === username);
    if (!a) return refused(req, reply, { kind: 'not-found', problems: [{ code: 'account-not-found', message: `Akun "${username}" tidak ditemukan di kantor ini`, messageEn: `No account "${username}" in this office` }] });
    return sendHtml(reply, accountPage(shellOf(req), v.value, a, notes), status);
  };
  const done = (req: FastifyRequest, reply: FastifyReply, path: string, ok: Done) => reply.redirect(withLang(`${path}?ok=${ok}`, req.lang), 303);

  app.get(ACCOUNTS_PATH, { config: { may: 'accounts.admin' }, schema: { querystring: okQuery } }, async (req, reply) => show(req, reply, null, { ok: message(req, req.query.ok) }));

  app.get(`${ACCOUNTS_PATH}/baru`, { config: { may: 'accounts.admin' } }, async (req, reply) => {
    const v = await listAccounts(ctx, officerOf(req).actor);
    return v.ok ? sendHtml(reply, addAccountPage(shellOf(req), v.value)) : refused(req, reply, v.error);
  });

  app.post(`${ACCOUNTS_PATH}/baru`, { config: { may: 'accounts.admin' }, bodyLimit: 16 * 1024, schema: { body: form } }, async (req, reply) => {
    const f = formFields(req.body);
    const { actor, office } = officerOf(req);
    const r = await addAccount(ctx, actor, {
      office: office.office.slug,
      username: f.username ?? '',
      displayName: (f.displayName ?? '').trim(),
      password: f.password ?? '',
      roles: rolesOf(f),
      title: f.title?.trim() || undefined,
      nip: f.nip?.trim() || undefined,
    });
    if (r.ok) return done(req, reply, accountPath(r.value.username), 'added');
    if (r.error.kind !== 'invalid' && r.error.kind !== 'conflict') return refused(req, reply, r.error);
    const v = await listAccounts(ctx, actor);
    if (!v.ok) return refused(req, reply, v.error);
    return sendHtml(reply, addAccountPage(shellOf(req), v.value, { problems: r.error.problems, values: { ...f, password: '' } }), statusOf(r.error.kind));
  });

  app.get(`${ACCOUNTS_PATH}/u/:username`, { config: { may: 'accounts.admin' }, schema: { params: userParams, querystring: okQuery } }, async (req, reply) =>
    show(req, reply, req.params.username, { ok: message(req, req.query.ok) }),
  );

  app.post(`${ACCOUNTS_PATH}/u/:username/peran`, { config: { may: 'accounts.admin' }, bodyLimit: 16 * 1024, schema: { params: userParams, body: form } }, async (req, reply) => {
    const f = formFields(req.body);
    const r = await setAccountRoles(ctx, officerOf(req).actor, req.params.username, rolesOf(f));
    if (r.ok) return done(req, reply, accountPath(r.value.username), 'roles');
    if (r.error.kind !== 'invalid' && r.error.kind !== 'conflict') return refused(req, reply, r.error);
    return show(req, reply, req.params.username, { problems: r.error.problems, values: f, form: 'roles' }, statusOf(r.error.kind));
  });

  app.post(`${ACCOUNTS_PATH}/u/:username/email`, { config: { may: 'accounts.admin' }, bodyLimit: 16 * 1024, schema: { params: userParams, body: form } }, async (req, reply) => {
    const f = formFields(req.body);
    const r = await setAccountEmail(ctx, officerOf(req).actor, req.params.username, (f.email ?? '').slice(0, 1000));
    if (r.ok) return done(req, reply, accountPath(r.value.username), 'email');
    if (r.error.kind !== 'invalid') return refused(req, reply, r.error);
    return show(req, reply, req.params.username, { problems: r.error.problems, values: f, form: 'email' }, statusOf(r.error.kind));
  });
  app.post(`${ACCOUNTS_PATH}/u/:username/sandi`, { config: { may: 'accounts.admin' }, bodyLimit: 16 * 1024, schema: { params: userParams, body: form } }, async (req, reply) => {
    const f = formFields(req.body);
    const r = await resetAccountPassword(ctx, officerOf(req).actor, req.params.username, f.password ?? '');
    if (r.ok) return done(req, reply, accountPath(r.value.username), 'password');
    if (r.error.kind !== 'invalid') return refused(req, reply, r.error);
    return show(req, reply, req.params.username, { problems: r.error.problems, form: 'password' }, statusOf(r.error.kind));
  });

  for (const [to, action] of Object.entries(ACTIONS))
    app.post(`${ACCOUNTS_PATH}/u/:username/${to}`, { config: { may: 'accounts.admin' }, schema: { params: userParams, body: form } }, async (req, reply) => {
      const r = await action.run(ctx, officerOf(req).actor, req.params.username);
      if (r.ok) return done(req, reply, accountPath(r.value.username), action.done);
      if (r.error.kind === 'conflict') return show(req, reply, req.params.username, { problems: r.error.problems }, 409);
      return refused(req, reply, r.error);
    });
});
