/** The e-mail channel's adapter: sends one outbox message over SMTP with nodemailer (SMTP_URL, MAIL_FROM). */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** `<attempt-id@host>`: the same on a resend after a crash, so the copy is recognisable. */
  messageId: string;
}

/** What the outbox worker needs of a channel: send, or throw. */
export interface MailSender {
  send(m: OutgoingMail): Promise<void>;
  close(): void;
}

const TRANSPORT_OPTIONS = { pool: 'true', maxConnections: '1', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '20000' };

/** A sender over the SMTP server of `url` (smtp:// or smtps://, credentials in the URL), short timeouts so a dead server fails fast and is retried later. */
export function smtpSender(url: string, from: string): MailSender {
  // One pooled connection reused across messages: a fresh SMTP conversation per message was most of
  // the worker's time (bench "Notifications"), and the worker sends one message at a time anyway.
  // Short timeouts so a dead server fails fast and is retried later. nodemailer reads options given
  // with a URL only from its query, so they go there (an operator's own query values win).
  const u = new URL(url);
  for (const [k, v] of Object.entries(TRANSPORT_OPTIONS)) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  const transport = nodemailer.createTransport(u.toString(), { from });
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId, headers: { 'Auto-Submitted': 'auto-generated' } });
    },
    close: () => transport.close(),
  };
}
