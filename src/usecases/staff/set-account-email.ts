/** Sets or clears a staff account's work e-mail address (staff messages, issue 16); audited with the address before and after. */
import { setUserEmail } from '../../db/staff-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { changeAccount, manageableAccount, type AccountChanged } from './account-admin.js';

/** One address, no display name, no list: what nodemailer sends to as given (RFC 5321 caps it at 254). */
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export async function setAccountEmail(ctx: Ctx, actor: Actor, username: string, email: string): Promise<Outcome<AccountChanged>> {
  const found = await manageableAccount(ctx, actor, username);
  if (!found.ok) return found;
  const row = found.value;
  const wanted = email.trim() === '' ? null : email.trim();
  if (wanted !== null && (wanted.length > 254 || !EMAIL.test(wanted)))
    return failWith('invalid', 'email-invalid', 'Alamat e-mail tidak sah: tulis satu alamat, misalnya rina.marlina@dinsos.jambikota.go.id', 'Not a valid e-mail address: write one address, e.g. rina.marlina@dinsos.jambikota.go.id', 'email');
  await changeAccount(ctx, actor, row, 'account.email', async (trx) => {
    await setUserEmail(trx, row.id, wanted);
    return { value: null, detail: { before: row.email, after: wanted } };
  });
  return { ok: true, value: { username: row.username, sessionsEnded: 0 } };
}
