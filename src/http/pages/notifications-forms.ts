/** The notification settings form (field names are the settings' own paths, so a refusal lands beside its field) read into settings and typed secrets. */
import { WHATSAPP_NOTICE_KINDS } from '../../domain/notifications/messages.js';
import type { NotifySecrets } from '../../domain/notifications/channel-settings.js';

export function notifyFromForm(f: Record<string, string>): { settings: unknown; secrets: NotifySecrets } {
  const v = (k: string) => (f[k] ?? '').trim();
  const order = [v('order.0'), v('order.1'), v('order.2')].filter((c) => c !== '');
  const quietFrom = v('quiet.from');
  const quietTo = v('quiet.to');
  const templates = Object.fromEntries(WHATSAPP_NOTICE_KINDS.filter((k) => v(`whatsapp.templates.${k}.name`) !== '').map((k) => [k, { name: v(`whatsapp.templates.${k}.name`), language: v(`whatsapp.templates.${k}.language`) || 'id' }]));
  const wa = ['whatsapp.baseUrl', 'whatsapp.phoneNumberId'].some((k) => v(k) !== '');
  const sms = ['sms.baseUrl', 'sms.accountSid', 'sms.from'].some((k) => v(k) !== '');
  const minutes = v('confirmMinutes');
  return {
    settings: {
      order,
      // One of the two empty is a mistake the check names; both empty is "no quiet hours".
      quiet: quietFrom === '' && quietTo === '' ? null : { from: quietFrom, to: quietTo },
      confirmMinutes: /^\d{1,6}$/.test(minutes) ? Number(minutes) : minutes,
      whatsapp: wa ? { baseUrl: v('whatsapp.baseUrl'), version: v('whatsapp.version') || 'v21.0', phoneNumberId: v('whatsapp.phoneNumberId'), templates } : null,
      sms: sms ? { baseUrl: v('sms.baseUrl'), accountSid: v('sms.accountSid'), from: v('sms.from') } : null,
    },
    secrets: { whatsappToken: v('secrets.whatsappToken'), whatsappAppSecret: v('secrets.whatsappAppSecret'), whatsappVerifyToken: v('secrets.whatsappVerifyToken'), smsAuthToken: v('secrets.smsAuthToken') },
  };
}
