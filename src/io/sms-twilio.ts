/**
 * The SMS channel's adapter: Twilio's Programmable Messaging (docs/NOTIFICATIONS.md says why this
 * aggregator). `POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded To, From
 * and Body, HTTP Basic with the account SID and auth token; the answer's `sid` names the message in
 * the status callbacks, which Twilio signs with X-Twilio-Signature (HMAC-SHA1 of the callback URL and
 * its sorted parameters under the auth token). Our attempt id is in the callback URL, so a send that
 * timed out but went is recognised from its first callback.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SmsProvider } from '../domain/notifications/channel-settings.js';
import { permanentStatus, postTo, ProviderError } from './provider-error.js';

export interface SmsMessage {
  /** E.164 without the plus or with it (62812… / +62812…). */
  to: string;
  body: string;
  /** Where Twilio reports this message's status (carries the attempt id). */
  statusCallback: string;
}

export interface SmsSender {
  send(m: SmsMessage): Promise<{ providerId: string }>;
}

export function smsTwilio(p: SmsProvider, authToken: string, timeoutMs = 10_000): SmsSender {
  const url = `${p.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${p.accountSid}/Messages.json`;
  const basic = Buffer.from(`${p.accountSid}:${authToken}`).toString('base64');
  return {
    async send(m) {
      const to = m.to.startsWith('+') ? m.to : `+${m.to}`;
      const { status, json } = await postTo(url, {
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ To: to, From: p.from, Body: m.body, StatusCallback: m.statusCallback }).toString(),
        timeoutMs,
      });
      const answer = json as { sid?: unknown; code?: unknown; message?: unknown } | null;
      if (status >= 200 && status < 300 && typeof answer?.sid === 'string') return { providerId: answer.sid };
      const what = `SMS ${status}${answer?.code !== undefined ? ` (${String(answer.code)})` : ''}: ${typeof answer?.message === 'string' ? answer.message.slice(0, 200) : 'unexpected answer'}`;
      throw new ProviderError(what, permanentStatus(status));
    },
  };
}

/** Twilio's request signature: base64 HMAC-SHA1 of the full URL followed by each POST parameter's name and value, sorted by name. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((k) => k + params[k]).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function twilioSignatureValid(authToken: string, url: string, params: Record<string, string>, header: string | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(twilioSignature(authToken, url, params));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}
