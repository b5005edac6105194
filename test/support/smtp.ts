/** A real SMTP server on a local port for the notification tests (smtp-server): keeps every message it receives, can go down and come back. */
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { smtpSender, type MailSender } from '../../src/io/mail-smtp.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** Header names lower-cased, folded lines joined. */
  headers: Map<string, string>;
  body: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Stops listening: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

function parse(raw: string): Pick<ReceivedMail, 'headers' | 'body'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const env = session.envelope;
          received.push({ from: env.mailFrom ? env.mailFrom.address : '', to: env.rcptTo.map((r) => r.address), raw, ...parse(raw) });
          done();
        });
      },
    });
  let server = make();
  const listen = (port: number) => new Promise<number>((res, rej) => {
    server.once('error', rej);
    server.listen(port, '127.0.0.1', () => res((server.server.address() as AddressInfo).port));
  });
  const port = await listen(0);
  const stop = () => new Promise<void>((res) => server.close(() => res()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    down: stop,
    up: async () => {
      server = make();
      await listen(port);
    },
    close: stop,
  };
}

/**
 * A real SMTP server and a sender to it for one describe block (started before, closed after), and
 * the text of a quoted-printable body as the applicant's mail program shows it.
 */
export function smtpForSuite(from: string): () => { smtp: TestSmtp; mail: MailSender } {
  let smtp: TestSmtp | undefined;
  let mail: MailSender | undefined;
  before(async () => {
    smtp = await startSmtp();
    mail = smtpSender(smtp.url, from);
  });
  after(async () => {
    mail?.close();
    await smtp?.close();
  });
  return () => ({ smtp: smtp!, mail: mail! });
}

export const unQp = (s: string) => s.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
