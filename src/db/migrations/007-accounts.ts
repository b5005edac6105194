/**
 * Accounts (issue 12): sign-in failures counted per account AND client address, so that a wrong
 * password from one place locks that place only; the account-wide count stays on staff_users.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    // The client address, or 'signing' for re-confirmations of the password when signing letters.
    .addColumn('address', 'text', (c) => c.notNull())
    // Attempts reserved before the password was checked and not (yet) cleared by a success.
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('sign_in_failures_pk', ['user_id', 'address'])
    .execute();
  // staff_users.failed_attempts now counts failures from every address since the last success;
  // at the account-wide ceiling only an admin unlocks. locked_until there is no longer used.
  await db.updateTable('staff_users').set({ failed_attempts: 0, locked_until: null }).execute();
}
