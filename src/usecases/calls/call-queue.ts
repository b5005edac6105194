/**
 * The calls an officer's roles owe (oldest promise first, with how long it has waited) and the
 * office's figures over the last 30 days: how many promised calls, how many connected, and the
 * median minutes from the moment to the call (issue 15 reads the same figures).
 */
import { callTasksOf, callTimes, openCallsFor, type CallTask } from '../../db/calls-repo.js';
import { callFigures, minutesBetween, type CallFigures } from '../../domain/calls/calls.js';
import { nowOf, type Ctx } from '../context.js';

export interface OpenCall {
  id: string;
  applicationId: string;
  registrationNumber: string;
  serviceTitle: string;
  /** The decree's sentence the call keeps. */
  promise: string;
  dueFromLocal: string;
  minutesWaiting: number;
  attempts: number;
  lastOutcome: string | null;
}

/** At most this many open calls are listed; the oldest come first. */
export const MAX_LISTED_CALLS = 200;
/** At most this many calls enter the figures of one period. */
const MAX_FIGURE_ROWS = 20_000;

const promiseText = (ctx: Ctx, officeId: string, serviceId: string, promiseId: string) => {
  const svc = ctx.catalogue.officeById(officeId).services.find((s) => s.id === serviceId)?.service;
  return { title: svc?.title ?? serviceId, text: svc?.calls.find((c) => c.id === promiseId)?.text ?? promiseId };
};

export async function openCalls(ctx: Ctx, officeId: string, roles: readonly string[]): Promise<OpenCall[]> {
  const office = ctx.catalogue.officeById(officeId).office;
  const now = nowOf(ctx).toISOString();
  return (await openCallsFor(ctx.database.db, officeId, roles, MAX_LISTED_CALLS)).map((r) => {
    const p = promiseText(ctx, officeId, r.service_id, r.promise_id);
    return {
      id: r.id,
      applicationId: r.application_id,
      registrationNumber: r.registration_number,
      serviceTitle: p.title,
      promise: p.text,
      dueFromLocal: ctx.clock.local(office, r.due_from),
      minutesWaiting: minutesBetween(r.due_from, now),
      attempts: r.attempts,
      lastOutcome: r.last_outcome,
    };
  });
}

export async function callFiguresOf(ctx: Ctx, officeId: string, days = 30): Promise<CallFigures & { days: number }> {
  const to = nowOf(ctx);
  const from = new Date(to.getTime() - days * 86_400_000);
  return { ...callFigures(await callTimes(ctx.database.db, officeId, from.toISOString(), to.toISOString(), MAX_FIGURE_ROWS)), days };
}

export interface CaseCall extends CallTask {
  promise: string;
  dueFromLocal: string;
  lastLocal: string | null;
  doneLocal: string | null;
}

/** A case's call tasks for its staff page. */
export async function callsOfCase(ctx: Ctx, app: { id: string; office_id: string }): Promise<CaseCall[]> {
  const office = ctx.catalogue.officeById(app.office_id).office;
  const local = (iso: string | null) => (iso ? ctx.clock.local(office, iso) : null);
  return (await callTasksOf(ctx.database.db, app.id)).map((c) => ({
    ...c,
    promise: promiseText(ctx, app.office_id, c.service_id, c.promise_id).text,
    dueFromLocal: ctx.clock.local(office, c.due_from),
    lastLocal: local(c.last_at),
    doneLocal: local(c.done_at),
  }));
}
