/**
 * The head of office's dashboard (issue 15 §3), for the office or one division: volume by month,
 * backlog by step, role and officer, ageing of open cases, on-time rate per service and stage, the
 * late and at-risk list, IKM, complaints by channel, and the emergency, shelter, programme and
 * logistics figures. It calls the evaluation and the IKM as they are; its own SQL is in
 * db/dashboard-repo.ts. The late list names applicants: each case shown is a logged read.
 */
import { Temporal } from 'temporal-polyfill';
import { openCasesByStep, staffNames } from '../../db/applications-repo.js';
import {
  closedByMonth,
  complaintsReceived,
  cycleRecipientsByPayment,
  DASHBOARD_ROW_LIMIT,
  emergencyFirstResponse,
  lateAndAtRiskCases,
  lateAndAtRiskCounts,
  openByMonth,
  shelterOccupancy,
  staysEnded,
  transfersSettled,
} from '../../db/dashboard-repo.js';
import { warehousesOf } from '../../db/logistics-repo.js';
import { openCasesByAge } from '../../db/oversight-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { maskName } from '../../domain/applications/case-search.js';
import { CHANNEL_LABELS, type ComplaintChannel } from '../../domain/complaints/types.js';
import {
  ageBoundDates,
  CALENDAR_DAY_BANDS,
  divisionOf,
  medianOf,
  readDashboardRange,
  shareOf,
  WORKING_DAY_BANDS,
  type AgeUnit,
  type DashboardRange,
  type Division,
} from '../../domain/oversight/dashboard.js';
import type { MeasureUnit } from '../../domain/oversight/evaluate.js';
import { stepById } from '../../domain/procedure/engine.js';
import { may } from '../../domain/staff/permissions.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { logDataReads } from '../audit/log-data-read.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { stockOf } from '../logistics/show-stock.js';
import { aggregateByService, aggregateResponses } from '../../db/surveys-repo.js';
import { ikmBase, ikmFromAggregate } from '../surveys/ikm-dto.js';
import { evaluateMonths, instantOf } from './evaluate-standard.js';

/** How many late and at-risk cases the dashboard lists by name (the rest are counted). */
export const LATE_LIST_MAX = 50;
/** Warehouses whose stock the dashboard sums (an office has a handful). */
const WAREHOUSES_COUNTED = 50;

export interface DashServiceRef {
  serviceId: string;
  no: number;
  service: string;
}

export interface VolumeRow {
  submitted: number;
  completed: number;
  rejected: number;
  withdrawn: number;
  open: number;
}

export interface OfficeDashboard {
  office: { slug: string; name: string };
  range: DashboardRange;
  division: Division | null;
  divisions: Division[];
  today: string;
  services: (DashServiceRef & { division: string | null })[];
  volume: { months: (VolumeRow & { month: string })[]; services: (VolumeRow & DashServiceRef)[]; total: VolumeRow };
  backlog: {
    steps: (DashServiceRef & { stepId: string; step: string; role: string; roleName: string; open: number; late: number })[];
    roles: { role: string; roleName: string; open: number; late: number }[];
    officers: { officer: string | null; open: number; late: number }[];
  };
  ageing: { unitNote: Record<AgeUnit, number[]>; rows: (DashServiceRef & { unit: AgeUnit; counts: number[]; total: number; bounds: { from: string | null; to: string }[] })[] };
  onTime: (DashServiceRef & { promise: string; unit: MeasureUnit | null; cases: number; completed: number; onTime: number; onTimeRate: number | null; median: number | null; p90: number | null; openLate: number; openAtRisk: number })[];
  stages: (DashServiceRef & { stageId: string; stage: string; limit: string | null; started: number; finished: number; onTime: number; onTimeRate: number | null })[];
  late: {
    counts: { late: number; atRisk: number };
    cases: (DashServiceRef & { id: string; registrationNumber: string; applicant: string; step: string | null; slaState: string; dueLocal: string | null; submittedLocal: string })[];
  };
  ikm: { office: { value: number | null; grade: string | null; respondents: number } | null; services: (DashServiceRef & { value: number | null; grade: string | null; respondents: number })[] };
  complaints: { channels: { channel: string; label: { id: string; en: string }; received: number; answered: number; answeredOnTime: number; medianDays: number | null }[]; total: number; truncated: boolean };
  operations: {
    emergency: { month: string; reports: number; withDue: number; onTime: number; responded: number; rate: number | null };
    shelters: { beds: number; resident: number; occupancy: number | null; ended: number; medianStayDays: number | null };
    programmes: { listed: number; served: number; coverage: number | null; paid: number; failed: number; successRate: number | null };
    logistics: { warehouses: number; belowMinimum: number; expiring: number; expired: number };
  };
}

export interface DashboardQuery {
  from?: string | undefined;
  to?: string | undefined;
  division?: string | undefined;
}

type Reader = Pick<Actor, 'id' | 'name' | 'roles'>;

const roundTenth = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const DAY_MS = 86_400_000;

/** The divisions of an office, in the order its services first name them. */
export function divisionsOf(o: StoredOffice): Division[] {
  const seen = new Map<string, Division>();
  for (const s of o.services) {
    const d = divisionOf(s.service.unit);
    if (d && !seen.has(d.key)) seen.set(d.key, d);
  }
  return [...seen.values()];
}

export async function compileDashboard(ctx: Ctx, reader: Reader, o: StoredOffice, q: DashboardQuery): Promise<Outcome<OfficeDashboard>> {
  const tz = o.office.timezone;
  const today = ctx.clock.localDate(o.office, nowOf(ctx).toISOString());
  const parsed = readDashboardRange(q.from, q.to, today);
  const divisions = divisionsOf(o);
  const division = q.division ? (divisions.find((d) => d.key === q.division) ?? null) : null;
  const problems = parsed.ok ? [] : [...parsed.error];
  if (q.division && !division)
    problems.push({ code: 'division-unknown', message: `Bidang "${q.division}" tidak ada di kantor ini.`, messageEn: `The office has no division "${q.division}".`, field: 'division' });
  if (!parsed.ok || problems.length) return fail('invalid', ...problems);
  const range = parsed.value;

  const chosen = o.services.filter((s) => !division || divisionOf(s.service.unit)?.key === division.key);
  const ids = new Set(chosen.map((s) => s.id));
  const ref = new Map(o.services.map((s) => [s.id, { serviceId: s.id, no: s.service.no, service: `${s.service.no}. ${s.service.title}` }]));
  const refOf = (id: string): DashServiceRef => ref.get(id) ?? { serviceId: id, no: 0, service: id };
  const byNo = <T extends DashServiceRef>(a: T, b: T) => a.no - b.no;
  const roleName = (id: string) => o.office.roles.find((r) => r.id === id)?.name ?? id;
  const d = ctx.database;

  // Age bounds on the office calendar: working days for services whose clock counts them.
  const officeCal = ctx.clock.calendar(o.office, ctx.clock.hoursOf(o.office).hours);
  const wdDates = ageBoundDates(today, WORKING_DAY_BANDS, (x) => officeCal.isWorkingDay(x));
  const calDates = ageBoundDates(today, CALENDAR_DAY_BANDS, () => true);
  const monthStarts = range.months.map((m) => instantOf(`${m}-01`, tz));
  const from = instantOf(range.from, tz);
  const until = instantOf(range.until, tz);
  const thisMonth = today.slice(0, 7);
  const monthFrom = instantOf(`${thisMonth}-01`, tz);
  const monthUntil = instantOf(Temporal.PlainYearMonth.from(thisMonth).add({ months: 1 }).toString() + '-01', tz);
  const untilMonth = range.until.slice(0, 7);
  const surveyPeriod = { from: range.from, to: range.to, label: `${range.from} – ${range.to}`, labelEn: `${range.from} – ${range.to}` };
  // The IKM from the SKM responses alone: its population (applications completed in the period, for the
  // sample's adequacy, which the dashboard does not show) is a scan of the period's cases — most of the
  // dashboard's time at 200,000 applications (bench). The evaluation page's IKM report keeps it.
  const surveyScope = { officeId: o.id, from: range.from, to: range.to };
  const ikmRead = async () => {
    const [all, byService] = await Promise.all([aggregateResponses(d.db, surveyScope), aggregateByService(d.db, surveyScope)]);
    return {
      office: ikmFromAggregate(all, 0, ikmBase(o, undefined, surveyPeriod)),
      services: o.services.filter((s) => byService.has(s.id)).map((s) => ({ id: s.id, dto: ikmFromAggregate(byService.get(s.id)!, 0, ikmBase(o, s, surveyPeriod)) })),
    };
  };

  const [ev, closed, open, steps, names, wdAges, calAges, lateCounts, lateRows, ikm, complaints, emergency, occupancy, stays, recipients, transfers, warehouses] = await Promise.all([
    evaluateMonths(ctx, o.id, range),
    closedByMonth(d, o.id, range.from.slice(0, 7), untilMonth),
    openByMonth(d, o.id, monthStarts, until),
    openCasesByStep(d.db, o.id),
    staffNames(d.db, o.id),
    openCasesByAge(d, o.id, wdDates.map((x) => instantOf(x, tz))),
    openCasesByAge(d, o.id, calDates.map((x) => instantOf(x, tz))),
    lateAndAtRiskCounts(d, o.id),
    lateAndAtRiskCases(d, o.id, [...ids], LATE_LIST_MAX),
    ikmRead(),
    complaintsReceived(d, o.id, from, until),
    emergencyFirstResponse(d, o.id, monthFrom, monthUntil),
    shelterOccupancy(d, o.id),
    staysEnded(d, o.id, from, until),
    cycleRecipientsByPayment(d, o.id, range.from.slice(0, 7), untilMonth),
    transfersSettled(d, o.id, from, until),
    warehousesOf(d.db, o.id, WAREHOUSES_COUNTED),
  ]);

  // Volume: cases submitted in each month, by where they stand now (closed from the counters, open live).
  const empty = (): VolumeRow => ({ submitted: 0, completed: 0, rejected: 0, withdrawn: 0, open: 0 });
  const months = range.months.map((month) => ({ month, ...empty() }));
  const perService = new Map<string, VolumeRow>();
  const total = empty();
  const add = (serviceId: string, monthIdx: number, key: keyof VolumeRow, n: number) => {
    if (!ids.has(serviceId) || monthIdx < 0) return;
    const s = perService.get(serviceId) ?? empty();
    perService.set(serviceId, s);
    for (const row of [months[monthIdx]!, s, total]) {
      row[key] += n;
      row.submitted += n;
    }
  };
  for (const c of closed) if (c.status === 'completed' || c.status === 'rejected' || c.status === 'withdrawn') add(c.serviceId, range.months.indexOf(c.month), c.status, c.n);
  for (const r of open) add(r.serviceId, r.bucket, 'open', r.n);

  // Backlog: open tasks by service, step and role; by role; by officer.
  const stepRows = new Map<string, OfficeDashboard['backlog']['steps'][number]>();
  const roleRows = new Map<string, { role: string; roleName: string; open: number; late: number }>();
  const officerRows = new Map<string, { officer: string | null; open: number; late: number }>();
  for (const r of steps) {
    if (!ids.has(r.service_id)) continue;
    const svc = o.services.find((s) => s.id === r.service_id);
    const late = r.sla_state === 'late' ? r.n : 0;
    const k = `${r.service_id}|${r.step_id}|${r.role}`;
    const step = stepRows.get(k) ?? { ...refOf(r.service_id), stepId: r.step_id, step: svc?.service.procedure ? (stepById(svc.service.procedure, r.step_id)?.label ?? r.step_id) : r.step_id, role: r.role, roleName: roleName(r.role), open: 0, late: 0 };
    step.open += r.n;
    step.late += late;
    stepRows.set(k, step);
    const role = roleRows.get(r.role) ?? { role: r.role, roleName: roleName(r.role), open: 0, late: 0 };
    role.open += r.n;
    role.late += late;
    roleRows.set(r.role, role);
    const who = r.claimed_by ? (names.get(r.claimed_by) ?? null) : null;
    const officer = officerRows.get(who ?? '') ?? { officer: who, open: 0, late: 0 };
    officer.open += r.n;
    officer.late += late;
    officerRows.set(who ?? '', officer);
  }
  // Most open first, then most late: the same order on every reading (the database returns groups in any order).
  const byOpen = <T extends { open: number; late: number }>(a: T, b: T) => b.open - a.open || b.late - a.late;

  // Ageing: each service in its own unit; each band's submission dates, for the drill-down.
  const dayBefore = (x: string) => Temporal.PlainDate.from(x).subtract({ days: 1 }).toString();
  const boundsOf = (dates: string[]) => [
    { from: dates[0]!, to: today },
    ...dates.slice(1).map((x, i) => ({ from: x, to: dayBefore(dates[i]!) })),
    { from: null, to: dayBefore(dates[dates.length - 1]!) },
  ];
  const ageRows = new Map<string, OfficeDashboard['ageing']['rows'][number]>();
  for (const s of chosen) {
    const unit: AgeUnit = s.service.sla?.unit === 'working_days' ? 'working_days' : 'days';
    const counts = [0, 0, 0, 0];
    for (const a of unit === 'working_days' ? wdAges : calAges) if (a.service_id === s.id) counts[a.bucket] = (counts[a.bucket] ?? 0) + a.n;
    const sum = counts.reduce((x, y) => x + y, 0);
    if (sum) ageRows.set(s.id, { ...refOf(s.id), unit, counts, total: sum, bounds: boundsOf(unit === 'working_days' ? wdDates : calDates) });
  }

  // On time per service and stage: the evaluation as it is.
  const onTime: OfficeDashboard['onTime'] = [];
  const stages: OfficeDashboard['stages'] = [];
  for (const s of ev.services) {
    if (!ids.has(s.id)) continue;
    const e = s.evaluation;
    if (e.cases === 0 && e.open === 0) continue;
    onTime.push({ ...refOf(s.id), promise: e.promise.text, unit: e.unit, cases: e.cases, completed: e.completed, onTime: e.onTime, onTimeRate: e.onTimeRate, median: e.median, p90: e.p90, openLate: e.openLate, openAtRisk: e.openAtRisk });
    for (const st of e.stages) stages.push({ ...refOf(s.id), stageId: st.id, stage: st.label, limit: st.limitText, started: st.started, finished: st.finished, onTime: st.onTime, onTimeRate: st.onTimeRate });
  }

  // The late and at-risk list names the applicant to roles that may read identities (the heads), masked
  // for the others (the auditor: that a case exists, not whose); each case shown is a read logged for oversight.
  const masked = !may(reader.roles, 'applications.read-identity');
  const lateCases = lateRows.map((r) => {
    const svc = o.services.find((s) => s.id === r.service_id);
    return {
      ...refOf(r.service_id),
      id: r.id,
      registrationNumber: r.registration_number,
      applicant: masked ? maskName(r.applicant_name) : r.applicant_name,
      step: r.current_step ? (svc?.service.procedure ? (stepById(svc.service.procedure, r.current_step)?.label ?? r.current_step) : r.current_step) : null,
      slaState: r.sla_state,
      dueLocal: r.due_at ? ctx.clock.local(o.office, r.due_at) : null,
      submittedLocal: ctx.clock.local(o.office, r.submitted_at),
    };
  });
  await logDataReads(
    ctx,
    reader,
    lateRows.map((r) => ({ officeId: o.id, recordKind: 'application' as const, recordId: r.id, subjectNik: r.applicant_nik, purpose: 'oversight' as const, fields: [masked ? 'name-masked' : 'name'] })),
  );
  const counted = lateCounts.filter((r) => ids.has(r.serviceId));

  // Complaints by channel: received in the period, answered, answered by the clock's due time, median days to the answer (calendar days).
  const channels = new Map<string, { received: number; answered: number; answeredOnTime: number; days: number[] }>();
  const complaintRows = complaints.slice(0, DASHBOARD_ROW_LIMIT).filter((c) => !division || (c.service_id !== null && ids.has(c.service_id)));
  for (const c of complaintRows) {
    const ch = channels.get(c.channel) ?? { received: 0, answered: 0, answeredOnTime: 0, days: [] };
    ch.received++;
    if (c.answered_at) {
      ch.answered++;
      if (c.answered_at <= c.due_at) ch.answeredOnTime++;
      ch.days.push((Date.parse(c.answered_at) - Date.parse(c.received_at)) / DAY_MS);
    }
    channels.set(c.channel, ch);
  }

  const pay = new Map(recipients.map((r) => [r.payment, r.n]));
  const listed = recipients.reduce((n, r) => n + r.n, 0);
  const served = (pay.get('paid') ?? 0) + (pay.get('delivered') ?? 0);
  const settled = new Map(transfers.map((t) => [t.result, t.n]));
  const paid = settled.get('paid') ?? 0;
  const failed = settled.get('failed') ?? 0;
  const stocks = await Promise.all(warehouses.map((w) => stockOf(ctx, w)));
  const stayDays = stays.slice(0, DASHBOARD_ROW_LIMIT).map((s) => (Date.parse(s.terminated_at!) - Date.parse(s.checked_in_at!)) / DAY_MS);

  return {
    ok: true,
    value: {
      office: { slug: o.office.slug, name: o.office.name },
      range,
      division,
      divisions,
      today,
      services: chosen.map((s) => ({ ...refOf(s.id), division: divisionOf(s.service.unit)?.name ?? null })),
      volume: { months, services: [...perService].map(([id, v]) => ({ ...refOf(id), ...v })).sort(byNo), total },
      backlog: { steps: [...stepRows.values()].sort(byOpen), roles: [...roleRows.values()].sort(byOpen), officers: [...officerRows.values()].sort(byOpen) },
      ageing: { unitNote: { working_days: [...WORKING_DAY_BANDS], days: [...CALENDAR_DAY_BANDS] }, rows: [...ageRows.values()].sort(byNo) },
      onTime,
      stages,
      late: {
        counts: { late: counted.filter((r) => r.slaState === 'late').reduce((n, r) => n + r.n, 0), atRisk: counted.filter((r) => r.slaState === 'at-risk').reduce((n, r) => n + r.n, 0) },
        cases: lateCases,
      },
      ikm: {
        office: division || ikm.office.respondents === 0 ? null : { value: ikm.office.ikm, grade: ikm.office.grade, respondents: ikm.office.respondents },
        services: ikm.services
          .filter((s) => ids.has(s.id) && s.dto.respondents > 0)
          .map((s) => ({ ...refOf(s.id), value: s.dto.ikm, grade: s.dto.grade, respondents: s.dto.respondents }))
          .sort(byNo),
      },
      complaints: {
        channels: [...channels]
          .map(([channel, c]) => {
            const l = CHANNEL_LABELS[channel as ComplaintChannel];
            return { channel, label: { id: l?.[0] ?? channel, en: l?.[1] ?? channel }, received: c.received, answered: c.answered, answeredOnTime: c.answeredOnTime, medianDays: roundTenth(medianOf(c.days)) };
          })
          .sort((a, b) => b.received - a.received),
        total: complaintRows.length,
        truncated: complaints.length > DASHBOARD_ROW_LIMIT,
      },
      operations: {
        emergency: { month: thisMonth, ...emergency, rate: shareOf(emergency.onTime, emergency.withDue) },
        shelters: { ...occupancy, occupancy: shareOf(occupancy.resident, occupancy.beds), ended: stayDays.length, medianStayDays: roundTenth(medianOf(stayDays)) },
        programmes: { listed, served, coverage: shareOf(served, listed), paid, failed, successRate: shareOf(paid, paid + failed) },
        logistics: {
          warehouses: warehouses.length,
          belowMinimum: stocks.reduce((n, s) => n + s.alerts.belowMinimum, 0),
          expiring: stocks.reduce((n, s) => n + s.alerts.expiring, 0),
          expired: stocks.reduce((n, s) => n + s.alerts.expired, 0),
        },
      },
    },
  };
}
