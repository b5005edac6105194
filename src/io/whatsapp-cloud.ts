/**
 * The WhatsApp channel's adapter: Meta's WhatsApp Cloud API (graph.facebook.com). One message is
 * `POST {base}/{version}/{phone-number-id}/messages` with a Bearer token, either free text (only
 * inside the 24-hour window the citizen opens by writing) or an approved template with body
 * parameters. The attempt id rides along as `biz_opaque_callback_data`, which Meta returns in the
 * status webhook: a send that timed out but went is then recognised and never sent again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WhatsAppProvider } from '../domain/notifications/channel-settings.js';
import { permanentStatus, postTo, ProviderError } from './provider-error.js';

export interface WhatsAppMessage {
  /** Digits with the country code (62812…). */
  to: string;
  attemptId: string;
  text?: string;
  template?: { name: string; language: string; parameters: string[] };
}

export interface WhatsAppSender {
  send(m: WhatsAppMessage): Promise<{ providerId: string }>;
}

/** The request body the Cloud API documents for a text or a template message. */
export function whatsappBody(m: WhatsAppMessage): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: m.to, biz_opaque_callback_data: m.attemptId };
  if (m.template)
    return {
      ...base,
      type: 'template',
      template: {
        name: m.template.name,
        language: { code: m.template.language },
        components: [{ type: 'body', parameters: m.template.parameters.map((text) => ({ type: 'text', text })) }],
      },
    };
  // Free-form text is limited to 4,096 characters.
  return { ...base, type: 'text', text: { preview_url: false, body: (m.text ?? '').slice(0, 4096) } };
}

export function whatsappCloud(p: WhatsAppProvider, token: string, timeoutMs = 10_000): WhatsAppSender {
  const url = `${p.baseUrl.replace(/\/$/, '')}/${p.version}/${p.phoneNumberId}/messages`;
  return {
    async send(m) {
      const { status, json } = await postTo(url, {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(whatsappBody(m)),
        timeoutMs,
      });
      const answer = json as { messages?: { id?: unknown }[]; error?: { message?: unknown; code?: unknown } } | null;
      const id = answer?.messages?.[0]?.id;
      if (status >= 200 && status < 300 && typeof id === 'string') return { providerId: id };
      const e = answer?.error;
      const what = `WhatsApp ${status}${e?.code !== undefined ? ` (${String(e.code)})` : ''}: ${typeof e?.message === 'string' ? e.message.slice(0, 200) : 'unexpected answer'}`;
      throw new ProviderError(what, permanentStatus(status));
    },
  };
}

/** Meta's webhook signature: `sha256=` and the hex HMAC-SHA256 of the raw body under the app secret. */
export function whatsappSignatureValid(appSecret: string, rawBody: string, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const want = Buffer.from(createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex'));
  const got = Buffer.from(header.slice(7));
  return want.length === got.length && timingSafeEqual(want, got);
}
