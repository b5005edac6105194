/** What the WhatsApp and SMS fakes share: a local HTTP server, its scripted behaviours, and posting callbacks the way a provider does. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
