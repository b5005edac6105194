/**
 * An office's notification settings with its provider secrets: read (secrets unsealed for the
 * worker and the webhooks, never for a page) and saved by the office admin, audited without the
 * secrets. Secrets are sealed under the data directory's key (the one that seals signing keys,
 * key-encryption-key.ts), bound to the office, so a database copy alone holds no usable token.
 */
import { allNotifySettings, findNotifySettings, saveNotifySettings } from '../../db/notifications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { DEFAULT_SETTINGS, NotifySettings, readSettings, settingHint, type NotifySecrets } from '../../domain/notifications/channel-settings.js';
import type { FieldProblem } from '../../domain/errors.js';
import { waitingByChannel } from '../../db/notifications-repo.js';
import { failWith, fail, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { seal, unseal } from '../../io/sealed-keys.js';
import { keyEncryptionKey } from '../signing/key-encryption-key.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

export interface OfficeNotify {
  officeId: string;
  settings: NotifySettings;
  secrets: NotifySecrets;
  /** When an admin last saved them (null: the defaults, never saved). */
  updatedAt: string | null;
}

const bound = (officeId: string) => `notify-settings:${officeId}`;

function openSecrets(ctx: Pick<Ctx, 'dataDir'>, officeId: string, sealed: string | null): NotifySecrets {
  if (!sealed) return {};
  try {
    return JSON.parse(unseal(keyEncryptionKey(ctx), sealed, bound(officeId))) as NotifySecrets;
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

/** What the admin form sends: the settings, and the secrets typed anew (empty keeps the stored one, `clear` forgets a provider). */
export interface NotifyInput {
  settings: unknown;
  secrets: NotifySecrets;
}

export async function saveOfficeNotify(ctx: Ctx, actor: Actor, input: NotifyInput): Promise<Outcome<OfficeNotify>> {
  if (!may(actor.roles, 'notifications.configure') || !actor.officeId)
    return failWith('forbidden', 'role-required', 'Hanya admin kantor yang dapat mengatur pengiriman notifikasi', 'Only an office admin can configure notification sending');
  const problem = (path: string): FieldProblem => {
    const [message, messageEn] = settingHint(path);
    return { code: 'invalid-setting', field: path, message, messageEn };
  };
  const parsed = NotifySettings.safeParse(input.settings);
  if (!parsed.success) return fail('invalid', ...[...new Set(parsed.error.issues.map((i) => i.path.join('.')))].slice(0, 20).map(problem));
  const settings = parsed.data;
  const officeId = actor.officeId;
  const current = await officeNotify(ctx, officeId);
  const typed = Object.fromEntries(Object.entries(input.secrets).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim().slice(0, 1000)]));
  const secrets: NotifySecrets = { ...current.secrets, ...typed };
  // A provider removed takes its secrets with it.
  if (!settings.whatsapp) for (const k of ['whatsappToken', 'whatsappAppSecret', 'whatsappVerifyToken'] as const) delete secrets[k];
  if (!settings.sms) delete secrets.smsAuthToken;
  const missing = [
    ...(settings.whatsapp && !secrets.whatsappToken ? ['secrets.whatsappToken'] : []),
    ...(settings.whatsapp && !secrets.whatsappAppSecret ? ['secrets.whatsappAppSecret'] : []),
    ...(settings.sms && !secrets.smsAuthToken ? ['secrets.smsAuthToken'] : []),
  ];
  if (missing.length) return fail('invalid', ...missing.map(problem));
  const at = nowOf(ctx).toISOString();
  const office = ctx.catalogue.officeById(officeId).office;
  const sealed = Object.keys(secrets).length ? seal(keyEncryptionKey(ctx), JSON.stringify(secrets), bound(officeId)) : null;
  await ctx.database.write(async (trx) => {
    await saveNotifySettings(trx, { office_id: officeId, settings: JSON.stringify(settings), secrets: sealed, updated_at: at, updated_by: actor.id });
    // The audit names which secrets changed, never their values.
    await insertAuditEvent(trx, {
      officeId,
      actor: actor.name,
      action: 'notifications.settings.set',
      subject: `office:${office.slug}`,
      detail: { before: current.updatedAt ? current.settings : DEFAULT_SETTINGS, after: settings, secretsChanged: Object.keys(typed).sort() },
      at,
    });
  });
  return { ok: true, value: { officeId, settings, secrets, updatedAt: at } };
}

/** What the admin's page shows: the settings, which secrets are stored (never their values), what waits, and the webhook addresses to give the providers. */
export interface NotifyOverview {
  officeName: string;
  officeSlug: string;
  timezone: string;
  settings: NotifySettings;
  stored: { whatsappToken: boolean; whatsappAppSecret: boolean; whatsappVerifyToken: boolean; smsAuthToken: boolean };
  ready: { whatsapp: boolean; sms: boolean; email: boolean };
  waiting: { channel: string; waiting: number }[];
  webhooks: { whatsapp: string; sms: string };
  updatedAt: string | null;
  /** The same in the office's zone, for the page. */
  updatedLocal: string | null;
}

export async function readNotifyOverview(ctx: Ctx, actor: Actor): Promise<Outcome<NotifyOverview>> {
  if (!may(actor.roles, 'notifications.configure') || !actor.officeId)
    return failWith('forbidden', 'role-required', 'Hanya admin kantor yang dapat mengatur pengiriman notifikasi', 'Only an office admin can configure notification sending');
  const n = await officeNotify(ctx, actor.officeId);
  const office = ctx.catalogue.officeById(actor.officeId).office;
  const base = ctx.publicBaseUrl.replace(/\/$/, '');
  const waiting = (await waitingByChannel(ctx.database.db, actor.officeId)).filter((w) => w.waiting > 0);
  return {
    ok: true,
    value: {
      officeName: office.name,
      officeSlug: office.slug,
      timezone: office.timezone,
      settings: n.settings,
      stored: { whatsappToken: !!n.secrets.whatsappToken, whatsappAppSecret: !!n.secrets.whatsappAppSecret, whatsappVerifyToken: !!n.secrets.whatsappVerifyToken, smsAuthToken: !!n.secrets.smsAuthToken },
      ready: { whatsapp: whatsappReady(n), sms: smsReady(n), email: !!ctx.mail },
      waiting,
      webhooks: { whatsapp: `${base}/api/v1/notifications/whatsapp/${office.slug}`, sms: `${base}/api/v1/notifications/sms/${office.slug}/status` },
      updatedAt: n.updatedAt,
      updatedLocal: n.updatedAt ? ctx.clock.local(office, n.updatedAt) : null,
    },
  };
}
