/**
 * Before a case is registered: does this person (NIK) already have an open case for the same
 * service in this office? The counter is warned and shown those cases, so a second file for the
 * same need is a decision, not an accident. An exact NIK read of cases: logged like a search.
 */
import { openCasesOfNik } from '../../db/applications-repo.js';
import { stripSeparators } from '../../domain/identity/nik.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from '../registry/log-access.js';
import { caseListItem, type CaseListItem } from './search-cases.js';

type Officer = Pick<Actor, 'id' | 'name' | 'roles'> & { officeId: string };

/** The open cases of this NIK for this service (by id or slug) in the officer's office, oldest first; none when the NIK is not 16 digits. */
export async function findDuplicates(ctx: Ctx, officer: Officer, input: { nik: string; service: string }): Promise<Outcome<CaseListItem[]>> {
  const stored = ctx.catalogue.officeById(officer.officeId);
  const svc = stored.services.find((s) => s.id === input.service || s.service.slug === input.service);
  if (!svc) return failWith('not-found', 'service-not-found', 'Layanan tidak ditemukan di kantor ini', 'Service not found in this office', 'service');
  const nik = stripSeparators(input.nik);
  // An unfinished NIK on a form is not a search: the intake's own checks will speak about it.
  if (!/^\d{16}$/.test(nik)) return { ok: true, value: [] };
  const rows = await openCasesOfNik(ctx.database.db, officer.officeId, nik, svc.id);
  await logAccess(ctx.database, {
    officeId: officer.officeId,
    actor: officer,
    action: 'search-cases',
    nik,
    reason: `Pemeriksaan permohonan ganda: ${svc.service.title}`,
    found: rows.length > 0,
    detail: { duplicates: rows.length, service: svc.service.slug },
    at: nowOf(ctx).toISOString(),
  });
  const items: CaseListItem[] = [];
  for (const r of rows) items.push(await caseListItem(ctx, stored.office, officer.roles, r));
  return { ok: true, value: items };
}
