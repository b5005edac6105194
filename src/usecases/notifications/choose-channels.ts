/**
 * The citizen changes how they are told, or stops the news (tracking page or a message's stop
 * link): the choice is recorded in `applicant.notify` (basis unchanged: pelayanan publik), the
 * change is a case event (the audit trail), and messages not yet sent on a channel no longer
 * chosen are cancelled, never deleted. All in one transaction.
 */
import { insertEvent } from '../../db/applications-repo.js';
import { applicantOf, cancelQueued, writeNotifyChoice } from '../../db/notifications-repo.js';
import { channelsAllowed, NOTIFY_CHANNELS, type NotifyChannel, type NotifyChoice } from '../../domain/notifications/consent.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

export type ChannelChange = { channels: NotifyChannel[] } | { stop: NotifyChannel | 'all' };

export interface ChannelsChosen {
  channels: NotifyChannel[];
  /** Messages not yet sent that the change cancelled. */
  cancelled: number;
}

export async function chooseChannels(ctx: Ctx, app: { id: string; office_id: string }, actor: Actor, change: ChannelChange, via: 'tracking-page' | 'stop-link' | 'api'): Promise<Outcome<ChannelsChosen>> {
  const now = nowOf(ctx).toISOString();
  return ctx.database.write(async (trx) => {
    const applicant = await applicantOf(trx, app.id);
    if (!applicant) return fail('not-found', { field: 'application', code: 'application-not-found', message: 'Permohonan tidak ditemukan', messageEn: 'Application not found' });
    const before = channelsAllowed(applicant).map((c) => c.channel);
    let next: NotifyChannel[];
    if ('stop' in change) next = change.stop === 'all' ? [] : before.filter((c) => c !== change.stop);
    else {
      next = NOTIFY_CHANNELS.filter((c) => change.channels.includes(c));
      const has = (k: string) => typeof applicant[k] === 'string' && (applicant[k] as string).trim() !== '';
      const missing = next.filter((c) => !has(c === 'email' ? 'email' : 'phone'));
      // A tracking code may choose among the contacts on file, never add one (that is personal data, recorded at the counter).
      if (missing.length)
        return fail('invalid', {
          field: 'notify',
          code: 'contact-missing',
          message: `Tidak ada ${missing.includes('email') ? 'alamat e-mail' : 'nomor HP'} pada permohonan ini; hubungi loket untuk menambahkannya`,
          messageEn: `This application has no ${missing.includes('email') ? 'e-mail address' : 'mobile number'}; contact the counter to add one`,
        });
    }
    const notify: NotifyChoice = { channels: next, basis: 'pelayanan-publik', at: now, optedOutAt: next.length ? null : now };
    await writeNotifyChoice(trx, app.id, { ...applicant, notify });
    const dropped = NOTIFY_CHANNELS.filter((c) => !next.includes(c));
    const cancelled = await cancelQueued(trx, app.id, dropped, 'dihentikan oleh pemohon / stopped by the applicant');
    await insertEvent(trx, {
      application_id: app.id,
      office_id: app.office_id,
      type: 'notify-changed',
      actor_id: actor.id,
      actor_name: actor.name,
      data: { channels: next, before, optedOut: next.length === 0, via, cancelled },
      at: now,
    });
    return { ok: true as const, value: { channels: next, cancelled } };
  });
}
