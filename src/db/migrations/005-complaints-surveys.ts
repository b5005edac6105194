import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(_db: Kysely<any>, _h: DialectHelpers): Promise<void> {}
