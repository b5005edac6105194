/** All SQL about stored standards: offices, services and their immutable versions. */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../domain/util/canonical-json.js';
import type { Office, Service } from '../domain/standards/schema.js';
import type { DB } from './schema.js';
import { insertAuditEvent } from './audit-chain-repo.js';

export type ChangeKind = 'created' | 'changed' | 'unchanged';

export interface StoreSummary {
  office: string;
  officeChange: ChangeKind;
  officeVersion: number;
  services: { slug: string; change: ChangeKind; version: number }[];
  deactivated: string[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface StoredService {
  id: string;
  versionId: string;
  version: number;
  service: Service;
}

export interface StoredOffice {
  id: string;
  versionId: string;
  version: number;
  office: Office;
  decreeText: string | null;
  services: StoredService[];
}

/**
 * Stores an office's standard as versions inside one transaction: unchanged content creates no
 * version; changed content creates a new one and keeps the old (applications reference versions).
 */
export async function storeOfficeStandard(
  db: Kysely<DB>,
  input: { office: Office; services: Service[]; decreeText: string | null },
  now: string,
  actor: string,
): Promise<StoreSummary> {
  return db.transaction().execute(async (trx) => {
    let office = await trx.selectFrom('offices').selectAll().where('slug', '=', input.office.slug).executeTakeFirst();
    let officeChange: ChangeKind = 'unchanged';
    if (!office) {
      office = { id: randomUUID(), slug: input.office.slug, current_version_id: null, created_at: now };
      await trx.insertInto('offices').values(office).execute();
      officeChange = 'created';
    }
    const officeContent = canonicalJson({ office: input.office, decreeText: input.decreeText });
    const officeHash = sha256(officeContent);
    const current = office.current_version_id
      ? await trx.selectFrom('office_versions').select(['id', 'version', 'content_hash']).where('id', '=', office.current_version_id).executeTakeFirst()
      : undefined;
    let officeVersionId = current?.id ?? '';
    let officeVersion = current?.version ?? 0;
    if (!current || current.content_hash !== officeHash) {
      if (officeChange !== 'created') officeChange = 'changed';
      officeVersionId = randomUUID();
      officeVersion = (current?.version ?? 0) + 1;
      await trx
        .insertInto('office_versions')
        .values({
          id: officeVersionId,
          office_id: office.id,
          version: officeVersion,
          content_hash: officeHash,
          content: officeContent,
          decree_number: input.office.decree.number,
          decree_date: input.office.decree.date,
          loaded_at: now,
        })
        .execute();
      await trx.updateTable('offices').set({ current_version_id: officeVersionId }).where('id', '=', office.id).execute();
    }

    const existing = await trx.selectFrom('services').selectAll().where('office_id', '=', office.id).execute();
    const bySlug = new Map(existing.map((s) => [s.slug, s]));
    const summaryServices: StoreSummary['services'] = [];
    for (const service of input.services) {
      const content = canonicalJson(service);
      const hash = sha256(content);
      let row = bySlug.get(service.slug);
      let change: ChangeKind = 'unchanged';
      if (!row) {
        row = { id: randomUUID(), office_id: office.id, slug: service.slug, no: service.no, current_version_id: null, active: 1, created_at: now };
        await trx.insertInto('services').values(row).execute();
        change = 'created';
      }
      const cur = row.current_version_id
        ? await trx.selectFrom('service_versions').select(['version', 'content_hash']).where('id', '=', row.current_version_id).executeTakeFirst()
        : undefined;
      let version = cur?.version ?? 0;
      if (!cur || cur.content_hash !== hash) {
        if (change !== 'created') change = 'changed';
        const id = randomUUID();
        version = (cur?.version ?? 0) + 1;
        await trx
          .insertInto('service_versions')
          .values({ id, service_id: row.id, office_version_id: officeVersionId, version, content_hash: hash, content, loaded_at: now })
          .execute();
        await trx.updateTable('services').set({ current_version_id: id, no: service.no, active: 1 }).where('id', '=', row.id).execute();
      } else if (row.active !== 1) {
        await trx.updateTable('services').set({ active: 1 }).where('id', '=', row.id).execute();
        change = 'changed';
      }
      summaryServices.push({ slug: service.slug, change, version });
    }
    const keep = new Set(input.services.map((s) => s.slug));
    const deactivated = existing.filter((s) => !keep.has(s.slug) && s.active === 1).map((s) => s.slug);
    for (const slug of deactivated)
      await trx.updateTable('services').set({ active: 0 }).where('office_id', '=', office.id).where('slug', '=', slug).execute();

    const summary: StoreSummary = { office: input.office.slug, officeChange, officeVersion, services: summaryServices, deactivated };
    const changed = officeChange !== 'unchanged' || deactivated.length > 0 || summaryServices.some((s) => s.change !== 'unchanged');
    if (changed)
      await insertAuditEvent(trx, {
        officeId: office.id,
        actor,
        action: 'standards.load',
        subject: `office:${input.office.slug}`,
        detail: { ...summary, services: summaryServices.filter((s) => s.change !== 'unchanged') },
        at: now,
      });
    return summary;
  });
}

/** Every office with its current version and its active services' current versions. */
export async function readCurrentStandards(db: Kysely<DB>): Promise<StoredOffice[]> {
  const offices = await db
    .selectFrom('offices')
    .innerJoin('office_versions', 'office_versions.id', 'offices.current_version_id')
    .select(['offices.id', 'office_versions.id as versionId', 'office_versions.version', 'office_versions.content'])
    .orderBy('offices.slug')
    .execute();
  const services = await db
    .selectFrom('services')
    .innerJoin('service_versions', 'service_versions.id', 'services.current_version_id')
    .select(['services.id', 'services.office_id', 'service_versions.id as versionId', 'service_versions.version', 'service_versions.content'])
    .where('services.active', '=', 1)
    .orderBy('services.no')
    .execute();
  return offices.map((o) => {
    const content = JSON.parse(o.content) as { office: Office; decreeText: string | null };
    return {
      id: o.id,
      versionId: o.versionId,
      version: Number(o.version),
      office: content.office,
      decreeText: content.decreeText,
      services: services
        .filter((s) => s.office_id === o.id)
        .map((s) => ({ id: s.id, versionId: s.versionId, version: Number(s.version), service: JSON.parse(s.content) as Service })),
    };
  });
}

/** A specific (possibly old) service version, for applications filed under it. */
export async function readServiceVersion(db: Kysely<DB>, versionId: string): Promise<Service | null> {
  const row = await db.selectFrom('service_versions').select('content').where('id', '=', versionId).executeTakeFirst();
  return row ? (JSON.parse(row.content) as Service) : null;
}

export async function countVersions(db: Kysely<DB>): Promise<{ officeVersions: number; serviceVersions: number }> {
  const a = await db.selectFrom('office_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const b = await db.selectFrom('service_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { officeVersions: Number(a.n), serviceVersions: Number(b.n) };
}
