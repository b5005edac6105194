/** A message's stop link: what it names (for the confirmation page), and the stop itself once confirmed. */
import { findCaseAnyOffice } from '../../db/applications-repo.js';
import type { NotifyChannel } from '../../domain/notifications/consent.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { PUBLIC_ACTOR, type Ctx } from '../context.js';
import { serverSecret } from '../server-secret.js';
import { chooseChannels } from './choose-channels.js';
import { readStopToken, STOP_SECRET } from './stop-link.js';

export interface StopTarget {
  applicationId: string;
  officeId: string;
  registrationNumber: string;
  channel: NotifyChannel;
}

const invalid = () => failWith('not-found', 'stop-link-invalid', 'Tautan berhenti tidak dikenali', 'Stop link not recognised');

export async function stopTarget(ctx: Ctx, token: string): Promise<Outcome<StopTarget>> {
  const named = readStopToken(await serverSecret(ctx, STOP_SECRET), token);
  const app = named ? await findCaseAnyOffice(ctx.database.db, named.applicationId) : undefined;
  if (!named || !app) return invalid();
  return { ok: true, value: { applicationId: app.id, officeId: app.office_id, registrationNumber: app.registration_number, channel: named.channel } };
}

export async function stopByLink(ctx: Ctx, token: string): Promise<Outcome<StopTarget & { cancelled: number }>> {
  const t = await stopTarget(ctx, token);
  if (!t.ok) return t;
  const r = await chooseChannels(ctx, { id: t.value.applicationId, office_id: t.value.officeId }, { ...PUBLIC_ACTOR, name: 'Pemohon (tautan berhenti)' }, { stop: t.value.channel }, 'stop-link');
  return r.ok ? { ok: true, value: { ...t.value, cancelled: r.value.cancelled } } : r;
}
