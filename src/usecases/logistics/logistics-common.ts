/** What the logistics use cases share: the officer's own office (by slug when the body names one), the one "not found" of each record. */
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { officeNotFound } from '../../domain/standards/not-found.js';
import type { Actor, Ctx } from '../context.js';

/** The officer's office; a body naming another office is answered as if that office did not exist here. */
export function officeFor(ctx: Ctx, actor: Actor, slug?: string): Outcome<string> {
  if (!actor.officeId) return failWith('forbidden', 'office-required', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  if (slug !== undefined && ctx.catalogue.officeById(actor.officeId).office.slug !== slug) return fail('not-found', officeNotFound(slug, 'office'));
  return { ok: true, value: actor.officeId };
}

export const warehouseNotFound = (field = 'warehouse') => failWith('not-found', 'warehouse-not-found', 'Gudang tidak ditemukan', 'Warehouse not found', field);
export const itemNotFound = (field = 'item') => failWith('not-found', 'item-not-found', 'Barang tidak ditemukan di katalog kantor', "Item not found in the office's catalogue", field);
export const incidentNotFound = (field = 'incident') => failWith('not-found', 'incident-not-found', 'Kejadian bencana tidak ditemukan', 'Disaster incident not found', field);

/** A unique key hit by a concurrent insert of the same name or code. */
export const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as Error)?.message ?? e));
