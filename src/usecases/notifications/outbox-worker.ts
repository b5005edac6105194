/** Starts the outbox worker under `sigap serve`: one run at a time, every few seconds, only when a mail server is configured. */
import { smtpSender } from '../../io/mail-smtp.js';
import type { Ctx } from '../context.js';
import { sendOutbox } from './send-outbox.js';

export function startOutboxWorker(ctx: Ctx, mail: { smtpUrl: string; from: string } | null, onError: (e: unknown) => void, everyMs = 10_000): { stop(): void } {
  if (!mail) return { stop: () => undefined };
  const sender = smtpSender(mail.smtpUrl, mail.from);
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
      sender.close();
    },
  };
}
