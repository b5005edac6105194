/** The citizen wrote to the office on WhatsApp: only the time is kept (never the text), to open the 24-hour window in which free text may be sent. */
import { recordInbound } from '../../db/notifications-repo.js';
import { internationalNumber } from '../../domain/notifications/channel-settings.js';
import type { Ctx } from '../context.js';

export async function recordInboundMessages(ctx: Ctx, officeId: string, inbound: { from: string; at: string }[]): Promise<void> {
  for (const m of inbound) await ctx.database.write((trx) => recordInbound(trx, officeId, internationalNumber(m.from), m.at));
}
