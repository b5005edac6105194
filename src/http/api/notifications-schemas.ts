/** Zod schemas of the citizen's notification choice over JSON: change the channels, or stop all news, with the tracking code. */
import { z } from 'zod';
import { NOTIFY_CHANNELS } from '../../domain/notifications/consent.js';

export const notifyChangeBody = z.object({
  code: z.string().max(20),
  /** The channels to be told through, among the contacts on file; absent with `stop`. */
  channels: z.array(z.enum(NOTIFY_CHANNELS)).max(NOTIFY_CHANNELS.length).optional(),
  /** Stop all news of this case. */
  stop: z.literal(true).optional(),
});

export const notifyChanged = z.object({ channels: z.array(z.enum(NOTIFY_CHANNELS)), cancelled: z.number().int() });
