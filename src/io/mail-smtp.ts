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

/** A sender over the SMTP server of `url` (smtp:// or smtps://, credentials in the URL), short timeouts so a dead server fails fast and is retried later. */
export function smtpSender(url: string, from: string): MailSender {
  const transport = nodemailer.createTransport(url, { from });
  // nodemailer reads timeouts from the options object, not the URL.
  Object.assign(transport.options, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId, headers: { 'Auto-Submitted': 'auto-generated' } });
    },
    close: () => transport.close(),
  };
}
