/**
 * The stop link every message carries (`/kabar/berhenti?t=…`): a token naming the application and
 * the channel, signed with a server secret. It never carries the tracking code or the NIK, and it
 * cannot be made for another case without the secret; it only ever stops news, so it needs no expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFY_CHANNELS, type NotifyChannel } from '../../domain/notifications/consent.js';
import type { Ctx } from '../context.js';
import { serverSecret } from '../server-secret.js';

export const STOP_SECRET = 'notify-stop';
export type SecretCtx = Pick<Ctx, 'caches' | 'dataDir' | 'secretKey'>;

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(`stop:${payload}`).digest().subarray(0, 16);

export function stopTokenFor(secret: string, applicationId: string, channel: NotifyChannel): string {
  const payload = `${applicationId}.${channel}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The application and channel a token names, or null when it is malformed or not ours. */
export function readStopToken(secret: string, token: string): { applicationId: string; channel: NotifyChannel } | null {
  const [p, m, ...rest] = token.split('.');
  if (!p || !m || rest.length || token.length > 200) return null;
  const payload = Buffer.from(p, 'base64url').toString('utf8');
  const given = Buffer.from(m, 'base64url');
  const want = mac(secret, payload);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
  const dot = payload.lastIndexOf('.');
  const channel = payload.slice(dot + 1);
  if (dot < 1 || !(NOTIFY_CHANNELS as readonly string[]).includes(channel)) return null;
  return { applicationId: payload.slice(0, dot), channel: channel as NotifyChannel };
}

/** The full stop address for a message (PUBLIC_BASE_URL + `/kabar/berhenti?t=`). */
export async function stopUrlFor(ctx: SecretCtx & Pick<Ctx, 'publicBaseUrl'>, applicationId: string, channel: NotifyChannel): Promise<string> {
  const token = stopTokenFor(await serverSecret(ctx, STOP_SECRET), applicationId, channel);
  return `${ctx.publicBaseUrl.replace(/\/+$/, '')}/kabar/berhenti?t=${token}`;
}
