/**
 * A local stand-in for a certified-signature provider (BSrE-style), speaking the request and
 * answers documented in docs/SIGNING.md: POST /sign/hash with the signer's NIK, passphrase and
 * the document hash; a CMS signed with the account's certificate from the fake provider's own
 * authority, or an error code (nik-unknown, passphrase-wrong, certificate-expired). It can be
 * told to answer late, to exercise timeouts.
 */
import { createPrivateKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localCmsSigner } from '../../src/io/pades.js';
import { after, before } from 'node:test';
import { httpSigningProvider } from '../../src/io/signing-provider.js';
import { issueCertificate, type Issued } from '../../src/io/x509.js';
import { testApp, type TestApp } from './app.js';

export interface FakeAccount {
  nik: string;
  passphrase: string;
  name: string;
  /** A certificate that ended a year ago. */
  expired?: boolean;
}

export interface FakeProvider {
  url: string;
  /** Every request's body as received (to check what was sent, and how often). */
  requests: { nik: string; passphrase: string; hashAlgorithm: string; hash: string; signingTime: string; documentName: string }[];
  /** Milliseconds to wait before answering. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startFakeProvider(accounts: FakeAccount[]): Promise<FakeProvider> {
  const now = Date.now();
  const ca = await issueCertificate({ commonName: 'Fake BSrE Uji CA (bukan sertifikat sungguhan)', organization: 'Penyedia Uji Sigap' }, { from: new Date(now), years: 10 });
  const certs = new Map<string, Issued>();
  for (const a of accounts)
    certs.set(a.nik, await issueCertificate({ commonName: a.name, organization: 'Pemerintah Kota Jambi' }, a.expired ? { from: new Date(now - 2 * 365 * 864e5), years: 1 } : { from: new Date(now), years: 2 }, ca));
  const fake: FakeProvider = { url: '', requests: [], delayMs: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const answer = async (): Promise<[number, unknown]> => {
        if (req.method !== 'POST' || req.url !== '/sign/hash') return [404, { error: { code: 'not-found' } }];
        const r = JSON.parse(body) as FakeProvider['requests'][number];
        fake.requests.push(r);
        if (fake.delayMs) await new Promise((ok) => setTimeout(ok, fake.delayMs));
        const account = accounts.find((a) => a.nik === r.nik);
        if (!account) return [404, { error: { code: 'nik-unknown', message: 'NIK tidak terdaftar' } }];
        if (r.passphrase !== account.passphrase) return [401, { error: { code: 'passphrase-wrong', message: 'Passphrase salah' } }];
        if (account.expired) return [403, { error: { code: 'certificate-expired', message: 'Sertifikat kedaluwarsa' } }];
        if (r.hashAlgorithm !== 'SHA-256' || !/^[A-Za-z0-9+/]{43}=$/.test(r.hash)) return [400, { error: { code: 'hash-invalid' } }];
        const cert = certs.get(r.nik)!;
        const cms = await localCmsSigner([cert.certPem, ca.certPem], createPrivateKey(cert.keyPem)).cms(Buffer.from(r.hash, 'base64'), new Date(r.signingTime), r.documentName);
        return [200, { cms: cms.toString('base64'), certificate: { serial: cert.serial, notAfter: cert.notAfter.toISOString() } }];
      };
      answer().then(
        ([status, json]) => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return fake;
}

/** A describe block's test app with the fake provider configured as `name`: both started in before(), closed in after(). */
export function appWithFakeProvider(accounts: FakeAccount[], name: string): { t: TestApp; fake: FakeProvider } {
  const env = {} as { t: TestApp; fake: FakeProvider };
  before(async () => {
    env.fake = await startFakeProvider(accounts);
    env.t = await testApp();
    env.t.ctx.signingProvider = httpSigningProvider({ name, url: env.fake.url, timeoutMs: 10_000 });
  });
  after(async () => {
    await env.t?.close();
    await env.fake?.close();
  });
  return env;
}
