/**
 * The office admin saves the office's notification settings (order, quiet hours, providers): checked,
 * secrets typed anew merged over the stored ones and sealed, audited without the secrets.
 */
import { saveNotifySettings } from '../../db/notifications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { DEFAULT_SETTINGS, NotifySettings, settingHint, type NotifySecrets } from '../../domain/notifications/channel-settings.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { seal } from '../../io/sealed-keys.js';
import { keyEncryptionKey } from '../signing/key-encryption-key.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { officeNotify, sealedBinding, type OfficeNotify } from './notify-settings.js';

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
  const sealed = Object.keys(secrets).length ? seal(keyEncryptionKey(ctx), JSON.stringify(secrets), sealedBinding(officeId)) : null;
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

