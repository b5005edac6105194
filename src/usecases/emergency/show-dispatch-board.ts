/**
 * The dispatch board of an office: every open report with its first-response countdown and state,
 * the reports responded to in the last hours (met or late, then the case's age and its next review,
 * never a made-up due time), who is assigned, who is on duty now, and how often this month's reports
 * got their first response within the decreed time. A read: the escalations the
 * states call for are written by the sweep, not here.
 */
import { assignmentsOf, firstResponseTally, openReports, respondedSince, shiftsFrom } from '../../db/emergency-repo.js';
import { localDayStartUtc } from '../../domain/letters/dates.js';
import { millisLeft, promiseKept } from '../../domain/emergency/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { settingsOf, summaryOf, type ReportSummary } from './emergency-common.js';

/** How many open reports the board shows (an office with more has a bigger problem than a long page). */
export const BOARD_LIMIT = 200;
/** How long a responded report stays on the board. */
export const RESPONDED_HOURS = 12;

export interface BoardEntry extends ReportSummary {
  millisLeft: number | null;
  assigned: { name: string; task: string }[];
  /** For a responded report: when the next review of the case is due (every reviewHours from the response). */
  nextReviewAt: string | null;
  nextReviewAtLocal: string | null;
}

export interface Board {
  now: string;
  nowLocal: string;
  open: BoardEntry[];
  responded: BoardEntry[];
  onDuty: { member: string; name: string; endsAtLocal: string }[];
  settings: { atRiskShare: number; reviewHours: number; mergeWindowMinutes: number };
  /** This month (office-local) so far: reports with a decreed first-response limit, met in time, late, and the share kept of those decided (null: none decided). */
  month: { month: string; reports: number; met: number; late: number; rate: number | null };
}

export async function showDispatchBoard(ctx: Ctx, actor: Actor & { officeId: string }): Promise<Board> {
  const db = ctx.database.db;
  const nowD = nowOf(ctx);
  const now = nowD.toISOString();
  const office = ctx.catalogue.officeById(actor.officeId).office;
  const settings = await settingsOf(ctx, actor.officeId);
  const month = ctx.clock.localDate(office, now).slice(0, 7);
  const [open, responded, shifts, tally] = await Promise.all([
    openReports(db, actor.officeId, BOARD_LIMIT),
    respondedSince(db, actor.officeId, new Date(nowD.getTime() - RESPONDED_HOURS * 3_600_000).toISOString(), 50),
    shiftsFrom(db, actor.officeId, now, 200),
    firstResponseTally(db, actor.officeId, localDayStartUtc(office.timezone, `${month}-01`), now, now),
  ]);
  const assignments = await assignmentsOf(db, [...open, ...responded].map((r) => r.id));
  const review = settings.reviewHours * 3_600_000;
  const entry = (r: (typeof open)[number]): BoardEntry => {
    let nextReviewAt: string | null = null;
    if (r.first_response_at) {
      const base = Date.parse(r.first_response_at);
      nextReviewAt = new Date(base + Math.max(1, Math.ceil((nowD.getTime() - base) / review)) * review).toISOString();
    }
    return {
      ...summaryOf(ctx, r, now, settings.atRiskShare),
      millisLeft: r.first_response_at ? null : millisLeft(r.first_response_due_at, now),
      assigned: assignments.filter((a) => a.report_id === r.id).map((a) => ({ name: a.display_name, task: a.task })),
      nextReviewAt,
      nextReviewAtLocal: nextReviewAt ? ctx.clock.local(office, nextReviewAt) : null,
    };
  };
  return {
    now,
    nowLocal: ctx.clock.local(office, now),
    open: open.map(entry),
    responded: responded.map(entry),
    onDuty: shifts.filter((s) => s.starts_at <= now).map((s) => ({ member: s.user_id, name: s.display_name, endsAtLocal: ctx.clock.local(office, s.ends_at) })),
    settings: { atRiskShare: settings.atRiskShare, reviewHours: settings.reviewHours, mergeWindowMinutes: settings.mergeWindowMinutes },
    month: { month, ...tally, rate: promiseKept(tally).rate },
  };
}
