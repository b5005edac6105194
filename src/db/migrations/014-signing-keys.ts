/**
 * Letter signing keys (docs/SIGNING.md): each office's certificate authority and its signers'
 * certificates (private keys sealed), and on each letter the kind of signature and the serial of
 * the certificate that signed it.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  const common = (t: ReturnType<Kysely<any>['schema']['createTable']>) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('serial', 'text', (c) => c.notNull().unique())
      .addColumn('common_name', 'text', (c) => c.notNull())
      .addColumn('cert_pem', 'text', (c) => c.notNull())
      .addColumn('key_sealed', 'text', (c) => c.notNull())
      .addColumn('not_before', 'text', (c) => c.notNull())
      .addColumn('not_after', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull());
  await common(db.schema.createTable('signing_authorities'))
    .addColumn('retired_at', 'text')
    .addUniqueConstraint('signing_authorities_generation', ['office_id', 'generation'])
    .execute();
  await common(db.schema.createTable('signing_certificates'))
    .addColumn('authority_id', 'text', (c) => c.notNull().references('signing_authorities.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('superseded_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revocation_reason', 'text')
    .addColumn('revoked_by', 'text')
    .addUniqueConstraint('signing_certificates_generation', ['office_id', 'user_id', 'generation'])
    .execute();
  // Letters signed before this migration carry no digital signature: their columns stay null.
  await db.schema.alterTable('letters').addColumn('signature_kind', 'text').execute();
  await db.schema.alterTable('letters').addColumn('signature_provider', 'text').execute();
  await db.schema.alterTable('letters').addColumn('signing_cert_serial', 'text').execute();
}
