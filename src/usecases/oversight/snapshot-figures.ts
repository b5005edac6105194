/**
 * Approved figures kept as approved (issue 15 §4): the figures a head locks are stored with the
 * approval; the approved view and the exports read them, beside how the live figures have moved
 * since. A reopening keeps the old snapshot as history with its reason.
 */
import { snapshotsOf } from '../../db/figures-repo.js';
import type { Period } from '../../domain/oversight/period.js';
import { readPeriod } from '../../domain/oversight/period.js';
import { changesSince, FIELD_LABEL, type FigureChange, type FiguresSnapshot } from '../../domain/oversight/snapshot.js';
import type { Ctx } from '../context.js';
import { computeSpm } from './compute-spm.js';
import { evaluateStandard, type FiguresSource, type StandardEvaluation } from './evaluate-standard.js';

/** The live figures of an approval period ("2026-05" or "2026"): the evaluation, and the SPM for a year. */
export async function figuresOf(ctx: Ctx, officeId: string, period: Period, source: FiguresSource = 'heavy'): Promise<FiguresSnapshot> {
  const ev = await evaluateStandard(ctx, officeId, period, source);
  const office = ctx.catalogue.officeById(officeId);
  const spm = period.kind === 'year' ? (await computeSpm(ctx, office, Number(period.value))).map(({ services: _s, servedExceedsNeeding: _x, ...r }) => r) : undefined;
  return { services: ev.services, truncated: ev.truncated, ...(spm ? { spm } : {}) };
}

/** The approval period's Period (month or year) for the evaluation. */
export function approvalPeriod(value: string): Period | null {
  const r = readPeriod(value.length === 4 ? 'year' : 'month', value);
  return r.ok ? r.value : null;
}

export interface ApprovedSnapshot {
  approvedBy: string;
  approvedAt: string;
  /** The approval's time on the office's clock, for "disetujui pada …". */
  approvedLocal: string;
  figures: FiguresSnapshot;
}

export interface ReopenedSnapshot extends ApprovedSnapshot {
  reopenedBy: string;
  reopenedLocal: string;
  reason: string;
}

export interface ApprovedFigures {
  /** The snapshot in force (the period is locked), if any. */
  current: ApprovedSnapshot | null;
  /** Earlier snapshots, closed by a reopening, newest first. */
  history: ReopenedSnapshot[];
  /** How the live figures differ from the snapshot in force. */
  changes: FigureChange[];
}

export async function readApprovedFigures(ctx: Ctx, officeId: string, period: Period, live?: FiguresSnapshot): Promise<ApprovedFigures> {
  const office = ctx.catalogue.officeById(officeId).office;
  const rows = await snapshotsOf(ctx.database.db, officeId, period.value);
  const local = (at: string) => ctx.clock.local(office, at);
  const of = (r: (typeof rows)[number]): ApprovedSnapshot => ({ approvedBy: r.approved_by, approvedAt: r.approved_at, approvedLocal: local(r.approved_at), figures: JSON.parse(r.figures) as FiguresSnapshot });
  const open = rows.find((r) => r.reopened_at === null);
  const current = open ? of(open) : null;
  const history = rows.filter((r) => r.reopened_at !== null).map((r) => ({ ...of(r), reopenedBy: r.reopened_by ?? '', reopenedLocal: local(r.reopened_at!), reason: r.reopen_reason ?? '' }));
  const changes = current ? changesSince(current.figures, live ?? (await figuresOf(ctx, officeId, period))) : [];
  return { current, history, changes };
}

/** The evaluation to show or export: the approved snapshot's services when the period is locked, else the live one. */
export function asApproved(live: StandardEvaluation, approved: ApprovedFigures): StandardEvaluation {
  return approved.current ? { ...live, services: approved.current.figures.services, truncated: approved.current.figures.truncated } : live;
}

/** One line for a report: who approved when, and each figure that moved since (the approved one is what the report shows). */
export function approvedText(lang: 'id' | 'en', a: ApprovedFigures): string | undefined {
  if (!a.current) return undefined;
  const head = lang === 'id' ? `Angka disetujui pada ${a.current.approvedLocal} oleh ${a.current.approvedBy}.` : `Figures approved on ${a.current.approvedLocal} by ${a.current.approvedBy}.`;
  if (!a.changes.length) return `${head} ${lang === 'id' ? 'Angka terkini sama dengan yang disetujui.' : 'The live figures equal the approved ones.'}`;
  const list = a.changes.map((c) => `${lang === 'id' ? c.label.id : c.label.en}: ${FIELD_LABEL[c.field][lang]} ${c.approved ?? '—'} → ${c.now ?? '—'}`).join('; ');
  return `${head} ${lang === 'id' ? 'Sejak disetujui, angka terkini berubah' : 'Since approval the live figures moved'}: ${list}.`;
}
