/** The office admin's view of notification sending: settings, which secrets are stored (never their values), what waits, the webhook addresses. */
import { waitingByChannel } from '../../db/notifications-repo.js';
import type { NotifySettings } from '../../domain/notifications/channel-settings.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import type { Actor, Ctx } from '../context.js';
import { officeNotify, smsReady, whatsappReady } from './notify-settings.js';

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
