/**
 * What the complaint use cases share: an office's complaint set-up (channels, stages, response
 * promise) and who may see and work complaints.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import {
  COMPLAINT_OFFICER_ROLE,
  COMPLAINT_READER_ROLES,
  HEAD_ROLE,
  complaintStages,
  officeChannels,
  responsePromise,
  type ComplaintChannel,
  type ResponsePromise,
  type Stage,
} from '../../domain/complaints/index.js';
import { utc } from '../sla-clock.js';
import type { Actor, Ctx } from '../context.js';

export interface ComplaintSetup {
  office: StoredOffice;
  channels: ComplaintChannel[];
  stages: Stage[];
  promise: ResponsePromise;
}

const cache = new WeakMap<StoredOffice, ComplaintSetup>();

export function complaintSetup(office: StoredOffice): ComplaintSetup {
  let s = cache.get(office);
  if (!s) {
    const c = office.office.complaints;
    s = { office, channels: officeChannels(c.channels.map((x) => x.kind)), stages: complaintStages(c.stages), promise: responsePromise(c) };
    cache.set(office, s);
  }
  return s;
}

export function officeById(ctx: Ctx, officeId: string): StoredOffice | undefined {
  return ctx.catalogue.list().find((o) => o.id === officeId);
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
  const handle = actor.roles.includes(COMPLAINT_OFFICER_ROLE) || actor.roles.includes(HEAD_ROLE);
  const read = handle || actor.roles.some((r) => (COMPLAINT_READER_ROLES as readonly string[]).includes(r));
  return { handle, read, confidential: handle };
}

/** What both the staff's and the complainant's views of a complaint say about it. */
export interface ComplaintBasics {
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
}
