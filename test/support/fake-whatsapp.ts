/**
 * A local WhatsApp Cloud API for the tests: a real HTTP server that takes
 * `POST /{version}/{phone-number-id}/messages` with a Bearer token, answers `{ messages: [{ id }] }`
 * or Meta's error shape, and posts status callbacks (sent, delivered, read, failed) and inbound
 * messages to our webhook, signed with X-Hub-Signature-256 under the app secret, as Meta does.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { later, postCallback, sendJson, startFake, type Behaviour } from './fake-provider.js';

export interface WhatsAppSent {
  id: string;
  to: string;
  type: 'text' | 'template';
  text: string | null;
  template: { name: string; language: string; parameters: string[] } | null;
  /** biz_opaque_callback_data: our attempt id, returned in every status. */
  callbackData: string | null;
}

export interface FakeWhatsApp {
  url: string;
  script: Behaviour[];
  /** Messages the fake took (a slow answer's too: it went although the client gave up). */
  sent: WhatsAppSent[];
  /** Requests refused for a wrong token. */
  unauthorised: number;
  /** Posts a status of a sent message to the webhook; answers the webhook's HTTP status. */
  status(m: WhatsAppSent, status: 'sent' | 'delivered' | 'read' | 'failed', opts?: { secret?: string }): Promise<number>;
  /** The citizen writes to the office (opens the 24-hour window). */
  inbound(from: string, at: Date): Promise<number>;
  /** Resolves when every slow answer has been given. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeWhatsApp(o: { token: string; appSecret: string; phoneNumberId: string; webhook: () => string }): Promise<FakeWhatsApp> {
  const sent: WhatsAppSent[] = [];
  const pending: Promise<unknown>[] = [];
  let unauthorised = 0;
  const fake = await startFake(async (req, body, res, behaviour) => {
    if (req.method !== 'POST' || !new RegExp(`^/v\\d+\\.\\d/${o.phoneNumberId}/messages$`).test(req.url ?? '')) return sendJson(res, 404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 } });
    if (req.headers.authorization !== `Bearer ${o.token}`) {
      unauthorised++;
      return sendJson(res, 401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'Afake' } });
    }
    const m = JSON.parse(body) as {
      messaging_product: string;
      to: string;
      type: 'text' | 'template';
      text?: { body: string };
      template?: { name: string; language: { code: string }; components?: { type: string; parameters: { text: string }[] }[] };
      biz_opaque_callback_data?: string;
    };
    if (m.messaging_product !== 'whatsapp') return sendJson(res, 400, { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 } });
    if (behaviour.kind === 'invalid-number')
      return sendJson(res, 400, {
        error: { message: '(#131026) Message undeliverable', type: 'OAuthException', code: 131026, error_data: { messaging_product: 'whatsapp', details: 'Recipient is not a valid WhatsApp user' }, fbtrace_id: 'Afake' },
      });
    if (behaviour.kind === 'server-error') return sendJson(res, 500, { error: { message: '(#131000) Something went wrong', type: 'OAuthException', code: 131000, fbtrace_id: 'Afake' } });
    const id = `wamid.${randomBytes(24).toString('base64url')}`;
    sent.push({
      id,
      to: m.to,
      type: m.type,
      text: m.text?.body ?? null,
      template: m.template ? { name: m.template.name, language: m.template.language.code, parameters: m.template.components?.[0]?.parameters.map((p) => p.text) ?? [] } : null,
      callbackData: m.biz_opaque_callback_data ?? null,
    });
    const answer = () => sendJson(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: m.to, wa_id: m.to }], messages: [{ id }] });
    if (behaviour.kind === 'slow') {
      const p = later(behaviour.ms).then(answer);
      pending.push(p);
      return p;
    }
    answer();
  });
  const post = (body: unknown, secret = o.appSecret) => {
    const raw = JSON.stringify(body);
    const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    return postCallback(o.webhook(), { 'content-type': 'application/json', 'x-hub-signature-256': signature }, raw);
  };
  const envelope = (value: Record<string, unknown>) => ({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6282121229115', phone_number_id: o.phoneNumberId }, ...value } }] }],
  });
  return {
    url: fake.url,
    script: fake.script,
    sent,
    get unauthorised() {
      return unauthorised;
    },
    status: (m, status, opts = {}) =>
      post(
        envelope({
          statuses: [
            {
              id: m.id,
              status,
              timestamp: String(Math.floor(Date.now() / 1000)),
              recipient_id: m.to,
              ...(m.callbackData ? { biz_opaque_callback_data: m.callbackData } : {}),
              ...(status === 'failed' ? { errors: [{ code: 131026, title: 'Message undeliverable' }] } : {}),
            },
          ],
        }),
        opts.secret,
      ),
    inbound: (from, at) => post(envelope({ contacts: [{ profile: { name: 'Warga' }, wa_id: from }], messages: [{ from, id: `wamid.${randomBytes(12).toString('hex')}`, timestamp: String(Math.floor(at.getTime() / 1000)), type: 'text', text: { body: 'Halo' } }] })),
    settled: async () => {
      await Promise.all(pending);
    },
    close: fake.close,
  };
}
