/**
 * An office's notification settings with its provider secrets, as the worker and the webhooks read
 * them (secrets unsealed here, never for a page). Secrets are sealed under the data directory's key
 * (the one that seals signing keys, key-encryption-key.ts), bound to the office, so a database copy
 * alone holds no usable token. Saving: save-notify-settings.ts; the admin's view: read-notify-settings.ts.
 */
import { allNotifySettings, findNotifySettings } from '../../db/notifications-repo.js';
import { readSettings, type NotifySecrets, type NotifySettings } from '../../domain/notifications/channel-settings.js';
import { unseal } from '../../io/sealed-keys.js';
import { keyEncryptionKey } from '../signing/key-encryption-key.js';
import type { Ctx } from '../context.js';

export interface OfficeNotify {
  officeId: string;
  settings: NotifySettings;
  secrets: NotifySecrets;
  /** When an admin last saved them (null: the defaults, never saved). */
  updatedAt: string | null;
}

export const sealedBinding = (officeId: string) => `notify-settings:${officeId}`;

function openSecrets(ctx: Pick<Ctx, 'dataDir'>, officeId: string, sealed: string | null): NotifySecrets {
  if (!sealed) return {};
  try {
    return JSON.parse(unseal(keyEncryptionKey(ctx), sealed, sealedBinding(officeId))) as NotifySecrets;
  } catch {
    // A key file lost or replaced: the office must enter its tokens again; nothing is sent meanwhile.
    return {};
  }
}

export async function officeNotify(ctx: Pick<Ctx, 'database' | 'dataDir'>, officeId: string): Promise<OfficeNotify> {
  const row = await findNotifySettings(ctx.database.db, officeId);
  return { officeId, settings: readSettings(row?.settings), secrets: openSecrets(ctx, officeId, row?.secrets ?? null), updatedAt: row?.updated_at ?? null };
}

/** Every office that saved settings, by office id (the worker's view of one run). */
export async function everyOfficeNotify(ctx: Pick<Ctx, 'database' | 'dataDir'>): Promise<Map<string, OfficeNotify>> {
  const rows = await allNotifySettings(ctx.database.db);
  return new Map(rows.map((r) => [r.office_id, { officeId: r.office_id, settings: readSettings(r.settings), secrets: openSecrets(ctx, r.office_id, r.secrets), updatedAt: null }]));
}

/** WhatsApp is usable with a provider and its token; SMS with a provider and its auth token. */
export function whatsappReady(n: OfficeNotify): boolean {
  return !!n.settings.whatsapp && !!n.secrets.whatsappToken;
}
export function smsReady(n: OfficeNotify): boolean {
  return !!n.settings.sms && !!n.secrets.smsAuthToken;
}

