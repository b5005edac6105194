/**
 * A local Twilio Programmable Messaging API for the tests: a real HTTP server that takes
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (form-encoded, HTTP Basic), answers 201 with
 * the message's `sid` or Twilio's error shape (21211 for an invalid number), and posts status
 * callbacks to the message's StatusCallback URL signed with X-Twilio-Signature under the auth token.
 */
import { randomBytes } from 'node:crypto';
import { twilioSignature } from '../../src/io/sms-twilio.js';
import { later, postCallback, sendJson, startFake, type Behaviour } from './fake-provider.js';

export interface SmsSent {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string;
}

export interface FakeSms {
  url: string;
  script: Behaviour[];
  sent: SmsSent[];
  status(m: SmsSent, status: 'sent' | 'delivered' | 'undelivered' | 'failed', opts?: { token?: string }): Promise<number>;
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSms(o: { accountSid: string; authToken: string }): Promise<FakeSms> {
  const sent: SmsSent[] = [];
  const pending: Promise<unknown>[] = [];
  const fake = await startFake(async (req, body, res, behaviour) => {
    if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${o.accountSid}/Messages.json`) return sendJson(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (req.headers.authorization !== `Basic ${Buffer.from(`${o.accountSid}:${o.authToken}`).toString('base64')}`)
      return sendJson(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    const f = new URLSearchParams(body);
    const to = f.get('To') ?? '';
    if (behaviour.kind === 'invalid-number' || !/^\+\d{8,15}$/.test(to))
      return sendJson(res, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    if (behaviour.kind === 'server-error') return sendJson(res, 500, { code: 20500, message: 'Internal Server Error', status: 500 });
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const m = { sid, to, from: f.get('From') ?? '', body: f.get('Body') ?? '', statusCallback: f.get('StatusCallback') ?? '' };
    sent.push(m);
    const answer = () => sendJson(res, 201, { sid, account_sid: o.accountSid, to, from: m.from, body: m.body, status: 'queued', num_segments: '1', direction: 'outbound-api', error_code: null, error_message: null });
    if (behaviour.kind === 'slow') {
      const p = later(behaviour.ms).then(answer);
      pending.push(p);
      return p;
    }
    answer();
  });
  return {
    url: fake.url,
    script: fake.script,
    sent,
    status: (m, status, opts = {}) => {
      const params: Record<string, string> = { AccountSid: o.accountSid, ApiVersion: '2010-04-01', From: m.from, MessageSid: m.sid, MessageStatus: status, SmsSid: m.sid, SmsStatus: status, To: m.to };
      if (status === 'undelivered' || status === 'failed') params.ErrorCode = '30003';
      const signature = twilioSignature(opts.token ?? o.authToken, m.statusCallback, params);
      return postCallback(m.statusCallback, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, new URLSearchParams(params).toString());
    },
    settled: async () => {
      await Promise.all(pending);
    },
    close: fake.close,
  };
}
