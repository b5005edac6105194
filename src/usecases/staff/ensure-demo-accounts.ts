/** Demo mode: one account per role per office, `<role>@<office-slug>` / `sigap-demo`. */
import { hash } from '@node-rs/argon2';
import type { Database } from '../../db/dialect.js';
import { findUserByUsername, reactivateDemoAccounts } from '../../db/staff-repo.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { createUser } from './create-user.js';

export const DEMO_PASSWORD = 'sigap-demo';

/**
 * Creates the missing demo accounts and switches on again those a production start switched off
 * (disable-demo-accounts.ts). Returns how many were created.
 */
export async function ensureDemoAccounts(database: Database, catalogue: Catalogue, actor = 'startup'): Promise<number> {
  await reactivateDemoAccounts(database, actor, new Date().toISOString());
  // One hash serves every demo account: they share the published demo password anyway.
  let shared: string | null = null;
  let created = 0;
  for (const o of catalogue.list())
    for (const role of o.office.roles) {
      const username = `${role.id}@${o.office.slug}`;
      if (await findUserByUsername(database.db, username)) continue;
      shared ??= await hash(DEMO_PASSWORD);
      const r = await createUser(
        database,
        catalogue,
        { office: o.office.slug, username, displayName: `${role.name} (demo)`, password: DEMO_PASSWORD, roles: [role.id], title: role.name },
        { demo: true, passwordHash: shared },
      );
      if (r.ok) created++;
    }
  return created;
}
