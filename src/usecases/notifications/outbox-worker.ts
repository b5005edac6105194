/** Starts the outbox worker under `sigap serve`: one run at a time, every few seconds; e-mail only with a mail server, WhatsApp and SMS for the offices that configured a provider. */
import { smtpSender } from '../../io/mail-smtp.js';
import type { Ctx } from '../context.js';
import { sendOutbox } from './send-outbox.js';

export function startOutboxWorker(ctx: Ctx, mail: { smtpUrl: string; from: string } | null, onError: (e: unknown) => void, everyMs = 10_000): { stop(): void } {
  const sender = mail ? smtpSender(mail.smtpUrl, mail.from) : null;
  let running = false;
  const timer = setInterval(() => {
    // A slow server must not pile runs up: the next tick waits for this one.
    if (running) return;
    running = true;
    sendOutbox(ctx, sender)
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sender?.close();
    },
  };
}
