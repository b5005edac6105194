/**
 * What the complaint use cases share: an office's complaint set-up (channels, stages, response
 * promise), who may see and work complaints, the clock state a complaint shows now, and the facts
 * both the staff's and the complainant's views give of a complaint.
 */
import type { ClockReading, Complaint } from '../../db/complaints-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import {
  CHANNEL_LABELS,
  TYPE_LABELS,
  complaintStages,
  officeChannels,
  responsePromise,
  stageById,
  type ComplaintChannel,
  type ComplaintSlaState,
  type ResponsePromise,
  type Stage,
} from '../../domain/complaints/index.js';
import { failWith } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { AT_RISK_SHARE, utc } from '../sla-clock.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

export interface ComplaintSetup {
  office: StoredOffice;
  channels: ComplaintChannel[];
  stages: Stage[];
  promise: ResponsePromise;
}

// Module-level on purpose: keyed by the catalogue's StoredOffice objects, which never change (a
// reload of the standards builds new ones), so an entry can never be stale and dies with its key.
const setups = new WeakMap<StoredOffice, ComplaintSetup>();

export function complaintSetup(office: StoredOffice): ComplaintSetup {
  let s = setups.get(office);
  if (!s) {
    const c = office.office.complaints;
    s = { office, channels: officeChannels(c.channels.map((x) => x.kind)), stages: complaintStages(c.stages), promise: responsePromise(c) };
    setups.set(office, s);
  }
  return s;
}

/** The due time of a response started at `start` on the office's working calendar (UTC ISO). */
export function responseDue(ctx: Ctx, setup: ComplaintSetup, start: string): { dueAt: string; dueAtLocal: string; warnings: { code: string; message: string; messageEn: string }[] } {
  const { sla } = setup.promise;
  const r = ctx.clock.calendar(setup.office.office).addDuration(start, sla.maxValue ?? sla.value, sla.unit, 'office-hours');
  return { dueAt: utc(r.dueAt), dueAtLocal: r.dueAtLocal, warnings: r.warnings };
}

export interface ComplaintAccess {
  /** Works complaints: moves stages, answers, publishes (the complaint officer and the head of office). */
  handle: boolean;
  /** Reads the office's complaint list (never confidential complaints unless `handle`). */
  read: boolean;
  /** Sees confidential complaints and their complainants' identity. */
  confidential: boolean;
}

export function complaintAccess(actor: Actor): ComplaintAccess {
  const handle = may(actor.roles, 'complaints.handle');
  const read = handle || may(actor.roles, 'complaints.read');
  return { handle, read, confidential: handle };
}

/** The one answer for a complaint that does not exist, or that this person may not see. */
export const complaintNotFound = () => failWith('not-found', 'complaint-not-found', 'Pengaduan tidak ditemukan', 'Complaint not found');

/** The moment a list is read, for the clock states the repository computes in SQL. */
export const clockReading = (ctx: Ctx): ClockReading => ({ dialect: ctx.database.dialect, now: nowOf(ctx).toISOString(), atRiskShare: AT_RISK_SHARE });

/**
 * The clock state a complaint shows at `now`: the stored one, or the later one the minute sweep
 * has not written yet (a running clock only moves on: on-time → at-risk → late). Reads never
 * write; sweepComplaints writes the same state and its notifications.
 */
export function slaStateNow(ctx: Ctx, c: Complaint, now: string): ComplaintSlaState {
  if (c.status !== 'open' || (c.slaState !== 'on-time' && c.slaState !== 'at-risk')) return c.slaState;
  const s = ctx.clock.state(c.clockStartedAt, c.dueAt, false, now);
  return s === 'late' || (s === 'at-risk' && c.slaState === 'on-time') ? s : c.slaState;
}

/** What both the staff's and the complainant's views of a complaint say about it. */
export type ComplaintBasics = {
  receiptNumber: string;
  type: string;
  typeLabel: string;
  mode: string;
  channel: string;
  channelLabel: string;
  externalRef: string | null;
  service: { slug: string; title: string } | null;
  stage: { id: string; label: string; labelEn: string };
  status: string;
  receivedAt: string;
  receivedAtLocal: string;
  dueAt: string;
  dueAtLocal: string;
  slaState: string;
};

export function complaintBasics(ctx: Ctx, office: StoredOffice, c: Complaint, now: string): ComplaintBasics {
  const st = stageById(complaintSetup(office).stages, c.stage);
  const svc = c.serviceId ? office.services.find((s) => s.id === c.serviceId) : undefined;
  return {
    receiptNumber: c.receiptNumber,
    type: c.type,
    typeLabel: TYPE_LABELS[c.type][0],
    mode: c.mode,
    channel: c.channel,
    channelLabel: CHANNEL_LABELS[c.channel][0],
    externalRef: c.externalRef,
    service: svc ? { slug: svc.service.slug, title: svc.service.title } : null,
    stage: { id: c.stage, label: st?.label ?? c.stage, labelEn: st?.labelEn ?? c.stage },
    status: c.status,
    receivedAt: c.receivedAt,
    receivedAtLocal: ctx.clock.local(office.office, c.receivedAt),
    dueAt: c.dueAt,
    dueAtLocal: ctx.clock.local(office.office, c.dueAt),
    slaState: slaStateNow(ctx, c, now),
  };
}
