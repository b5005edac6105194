/** What the WhatsApp and SMS fakes share: a local HTTP server, its scripted behaviours, and posting callbacks the way a provider does. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotifySecrets, NotifySettings } from '../../src/domain/notifications/channel-settings.js';

/** How the fake answers the next send: take it, refuse the number for good, fail for now (5xx), or answer only after `ms` (and still take it). */
export type Behaviour = { kind: 'accept' } | { kind: 'invalid-number' } | { kind: 'server-error' } | { kind: 'slow'; ms: number };

export interface FakeServer {
  url: string;
  /** Behaviours for the next sends, in order; when empty, every send is accepted. */
  script: Behaviour[];
  close(): Promise<void>;
}

export async function startFake(handle: (req: IncomingMessage, body: string, res: ServerResponse, behaviour: Behaviour) => void | Promise<void>): Promise<FakeServer> {
  const script: Behaviour[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const behaviour = req.method === 'POST' ? (script.shift() ?? { kind: 'accept' }) : { kind: 'accept' as const };
      void Promise.resolve(handle(req, Buffer.concat(chunks).toString('utf8'), res, behaviour)).catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** Waits `ms`, then runs `fn` (a slow answer: the client has given up by then, the message went anyway). */
export const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs a callback to our webhook and answers its status. */
export async function postCallback(url: string, headers: Record<string, string>, body: string): Promise<number> {
  const r = await fetch(url, { method: 'POST', headers, body });
  await r.text();
  return r.status;
}

/** The ids and secrets the fakes and the office's settings share in tests and the bench. */
export const FAKE_WA = { token: 'EAAGfakeTokenDinsosJambi', appSecret: 'app-secret-dinsos-jambi', verifyToken: 'sigap-verifikasi-jambi', phoneNumberId: '109876543210987' };
export const FAKE_SMS = { accountSid: `AC${'5f'.repeat(16)}`, authToken: 'twilio-auth-token-jambi' };

/** Kota Jambi's settings pointing at the fakes: WhatsApp → SMS → e-mail, a receipt template, 15 minutes for a receipt, no quiet hours. */
export function fakeProviderSettings(waUrl: string, smsUrl: string): { settings: NotifySettings; secrets: NotifySecrets } {
  return {
    settings: {
      order: ['whatsapp', 'sms', 'email'],
      quiet: null,
      confirmMinutes: 15,
      whatsapp: { baseUrl: waUrl, version: 'v21.0', phoneNumberId: FAKE_WA.phoneNumberId, templates: { receipt: { name: 'sigap_tanda_terima', language: 'id' } } },
      sms: { baseUrl: smsUrl, accountSid: FAKE_SMS.accountSid, from: 'DINSOSJMB' },
    },
    secrets: { whatsappToken: FAKE_WA.token, whatsappAppSecret: FAKE_WA.appSecret, whatsappVerifyToken: FAKE_WA.verifyToken, smsAuthToken: FAKE_SMS.authToken },
  };
}
