/**
 * `sigap user ...`: staff accounts from the server's command line, acting as the operator (every
 * change audited like an admin's on the accounts page). Returns an exit code, or null when the
 * command is not ours. Passwords come from --password or, kept out of the shell history, SIGAP_PASSWORD.
 *
 *   sigap user add --office <slug> --username <u> --name <nama> --roles r1,r2 [--nip --rank --title]
 *   sigap user disable|enable|unlock|revoke --username <u>
 *   sigap user roles --username <u> --roles r1,r2
 *   sigap user reset-password --username <u>
 */
import { parseArgs } from 'node:util';
import { boot } from '../boot.js';
import type { Config } from '../config.js';
import type { Outcome } from '../domain/errors.js';
import { formatProblem } from '../domain/standards/validate.js';
import type { Ctx } from '../usecases/context.js';
import { OPERATOR, type AccountChanged } from '../usecases/staff/account-admin.js';
import { addAccount } from '../usecases/staff/add-account.js';
import { disableAccount } from '../usecases/staff/disable-account.js';
import { enableAccount } from '../usecases/staff/enable-account.js';
import { resetAccountPassword } from '../usecases/staff/reset-account-password.js';
import { revokeAccountSessions } from '../usecases/staff/revoke-account-sessions.js';
import { setAccountRoles } from '../usecases/staff/set-account-roles.js';
import { unlockAccount } from '../usecases/staff/unlock-account.js';

export const USER_USAGE = `  sigap user add --office <slug> --username <u> --name <nama> --roles r1,r2 [--password <p>]
                                   buat akun petugas (tanpa --password: dibaca dari SIGAP_PASSWORD)
  sigap user disable|enable|unlock|revoke --username <u>
                                   nonaktifkan, aktifkan lagi, buka kunci, cabut semua sesi dan token
                                   disable, re-enable, unlock, revoke every session and token
  sigap user roles --username <u> --roles r1,r2      ganti peran / change roles
  sigap user reset-password --username <u> [--password <p>]   atur ulang kata sandi / reset the password
`;

const OPTIONS = {
  office: { type: 'string' },
  username: { type: 'string' },
  name: { type: 'string' },
  roles: { type: 'string' },
  password: { type: 'string' },
  nip: { type: 'string' },
  rank: { type: 'string' },
  title: { type: 'string' },
} as const;

const SIMPLE = { disable: disableAccount, enable: enableAccount, unlock: unlockAccount, revoke: revokeAccountSessions } as const;
const DONE: Record<string, string> = {
  disable: 'Akun dinonaktifkan / account disabled',
  enable: 'Akun diaktifkan lagi / account re-enabled',
  unlock: 'Kunci dibuka / account unlocked',
  revoke: 'Sesi dan token dicabut / sessions and tokens revoked',
  roles: 'Peran diganti / roles changed',
  'reset-password': 'Kata sandi diatur ulang / password reset',
};

function report(r: Outcome<unknown>): number {
  if (r.ok) return 0;
  for (const p of r.error.problems) process.stderr.write(`${p.message} / ${p.messageEn}\n`);
  return 1;
}

export async function userCommand(sub: string | undefined, rest: string[], config: Config): Promise<number | null> {
  if (!sub || !(sub in DONE || sub === 'add')) return null;
  const { values } = parseArgs({ args: rest, options: OPTIONS });
  const password = values.password ?? process.env.SIGAP_PASSWORD;
  const missing =
    sub === 'add'
      ? !values.office || !values.username || !values.name || !values.roles || !password
      : !values.username || (sub === 'roles' && !values.roles) || (sub === 'reset-password' && !password);
  if (missing) {
    process.stderr.write(`Wajib / required:\n${USER_USAGE}`);
    return 2;
  }
  const booted = await boot({ ...config, demo: false, actor: 'cli' });
  if (!booted.ok) {
    for (const p of booted.problems) process.stderr.write(formatProblem(p) + '\n');
    await booted.database.close();
    return 1;
  }
  const ctx: Ctx = booted.ctx;
  const username = values.username!.toLowerCase();
  const roles = () => values.roles!.split(',').map((x) => x.trim());
  try {
    if (sub === 'add') {
      const r = await addAccount(ctx, OPERATOR, { office: values.office!, username, displayName: values.name!, password: password!, roles: roles(), nip: values.nip, rank: values.rank, title: values.title });
      if (r.ok) process.stdout.write(`Akun dibuat / account created: ${r.value.username} (${r.value.roles.join(', ')})\n`);
      return report(r);
    }
    let r: Outcome<AccountChanged>;
    if (sub === 'roles') r = await setAccountRoles(ctx, OPERATOR, username, roles());
    else if (sub === 'reset-password') r = await resetAccountPassword(ctx, OPERATOR, username, password!);
    else r = await SIMPLE[sub as keyof typeof SIMPLE](ctx, OPERATOR, username);
    if (r.ok) process.stdout.write(`${DONE[sub]}: ${r.value.username}${r.value.sessionsEnded ? ` (${r.value.sessionsEnded} sesi/token berakhir / sessions or tokens ended)` : ''}\n`);
    return report(r);
  } finally {
    await ctx.database.close();
  }
}
