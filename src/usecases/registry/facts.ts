/**
 * Registry facts for eligibility rules, from the office's CURRENT snapshot: `registry.dtks`
 * (listed or not), `registry.desil`, `registry.pkh`, `registry.bpnt`, `registry.pbi`, other
 * programme flags as `registry.<name>`, and the snapshot (`registry.snapshot`, `registry.period`).
 * No snapshot imported yet: no facts (rules that need them stay unknown, never silently pass).
 * Two indexed queries; on the submission hot path.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../../db/dialect.js';
import { familyOfKk, personRow, type Snapshot } from '../../db/registry-repo.js';
import type { DB } from '../../db/schema.js';
import type { RegistryRowTable } from '../../db/schema-registry.js';
import type { Facts } from '../../domain/standards/rules.js';
import { stripSeparators } from '../../domain/identity/nik.js';
import type { Ctx } from '../context.js';
import type { RegistryCaches } from './caches.js';
import { layoutOf, otherFlags } from './rows.js';
import { currentSnapshotOf } from './snapshots.js';

const flag = (v: number | null): boolean | undefined => (v === null || v === undefined ? undefined : v === 1);

function factsFromRow(snapshot: Snapshot, row: RegistryRowTable | undefined, familyDesil: number | null = null): Facts {
  const facts: Facts = { 'registry.snapshot': snapshot.id, 'registry.period': snapshot.period, 'registry.dtks': !!row };
  if (!row) return facts;
  facts['registry.desil'] = row.desil ?? familyDesil ?? undefined;
  facts['registry.pkh'] = flag(row.pkh);
  facts['registry.bpnt'] = flag(row.bpnt);
  facts['registry.pbi'] = flag(row.pbi);
  const layout = layoutOf(snapshot);
  if (layout.flags.length) for (const [k, v] of Object.entries(otherFlags(row, layout))) if (v !== null) facts[`registry.${k}`] = v;
  return facts;
}

/**
 * Facts for a NIK from the current snapshot, with any reader (a transaction included). Given the
 * product's caches (ctx.caches.registry), which snapshot is current comes from memory.
 */
export async function registryFactsWith(
  q: Kysely<DB> | Transaction<DB>,
  dialect: DialectName,
  officeId: string,
  nikInput: string | null | undefined,
  caches?: RegistryCaches,
): Promise<{ facts: Facts; snapshot: Snapshot } | undefined> {
  if (!nikInput) return undefined;
  const nik = stripSeparators(nikInput);
  if (!/^\d{16}$/.test(nik)) return undefined;
  const snapshot = await currentSnapshotOf(q, dialect, officeId, caches);
  if (!snapshot) return undefined;
  const row = await personRow(q, dialect, snapshot.tableName, nik);
  let familyDesil: number | null = null;
  if (row && row.desil === null) familyDesil = (await familyOfKk(q, dialect, snapshot.tableName, row.kk)).find((r) => r.desil !== null)?.desil ?? null;
  return { facts: factsFromRow(snapshot, row, familyDesil), snapshot };
}

/** The eligibility facts for a NIK on submission, through the product's caches. */
export async function registryFactsFor(ctx: Pick<Ctx, 'database' | 'caches'>, officeId: string, nik: string | undefined): Promise<Facts | undefined> {
  return (await registryFactsWith(ctx.database.db, ctx.database.dialect, officeId, nik, ctx.caches.registry))?.facts;
}
