/**
 * The SLA clock of cases: office calendars (time zone, service hours, national holidays, office
 * closures) from the pure calendar module, applied to a service's SLA, its pauses and its stages.
 */
import { Temporal } from 'temporal-polyfill';
import { createOfficeCalendar, type OfficeCalendar } from '../domain/calendar/calendar.js';
import type { HolidayYear } from '../domain/calendar/holidays.js';
import type { Problem } from '../domain/errors.js';
import type { Pause, StageRecord } from '../domain/applications/case.js';
import type { Office, Service, ServiceHours, SLA_UNITS } from '../domain/standards/schema.js';

export interface CaseTimes {
  dueAt: string | null;
  expectedAt: string | null;
  warnings: Problem[];
}

export type SlaState = 'not-started' | 'on-time' | 'at-risk' | 'late' | 'paused';

/** Share of the time budget after which a case counts as at risk. */
export const AT_RISK_SHARE = 0.75;

export class SlaClock {
  private calendars = new Map<string, OfficeCalendar>();

  constructor(
    private holidays: HolidayYear[],
    private closures: Map<string, { date: string; reason: string }[]> = new Map(),
  ) {}

  /** Replaces an office's closures (after an admin adds one) and forgets its cached calendars. */
  setClosures(officeSlug: string, closures: { date: string; reason: string }[]): void {
    this.closures.set(officeSlug, closures);
    for (const k of [...this.calendars.keys()]) if (k.startsWith(`${officeSlug}|`)) this.calendars.delete(k);
  }

  calendar(office: Office, hours?: ServiceHours): OfficeCalendar {
    const h = hours ?? office.serviceHours;
    const key = `${office.slug}|${JSON.stringify(h)}`;
    let cal = this.calendars.get(key);
    if (!cal) {
      cal = createOfficeCalendar({ timezone: office.timezone, hours: h, holidays: this.holidays, closures: this.closures.get(office.slug) ?? [] });
      this.calendars.set(key, cal);
    }
    return cal;
  }

  private serviceCalendar(office: Office, svc: Service): OfficeCalendar {
    return this.calendar(office, svc.serviceHours);
  }

  due(office: Office, svc: Service, start: string, pauses: Pause[]): CaseTimes {
    const sla = svc.sla;
    if (!sla || sla.value === null || sla.unit === null) return { dueAt: null, expectedAt: null, warnings: [] };
    const cal = this.serviceCalendar(office, svc);
    const p = pauses.map((x) => ({ from: x.from, to: x.to }));
    const promise = cal.dueWithPauses(start, sla.maxValue ?? sla.value, sla.unit, sla.calendar, p);
    const expected = sla.maxValue !== null ? cal.dueWithPauses(start, sla.value, sla.unit, sla.calendar, p) : null;
    return {
      dueAt: promise.dueAt ? utc(promise.dueAt) : null,
      expectedAt: expected?.dueAt ? utc(expected.dueAt) : null,
      warnings: promise.warnings.map((w) => ({ code: w.code, message: w.message, messageEn: w.messageEn })),
    };
  }

  /** A due time for the calendar API and CLI. */
  dueFor(office: Office, svc: Service | undefined, start: string, value: number, unit: (typeof SLA_UNITS)[number]) {
    const kind = svc?.sla?.calendar ?? (svc?.serviceHours?.allDay ? '24x7' : 'office-hours');
    return this.calendar(office, svc?.serviceHours).addDuration(start, value, unit, kind);
  }

  local(office: Office, iso: string): string {
    return this.calendar(office).formatLocal(iso);
  }

  localDate(office: Office, iso: string): string {
    return Temporal.Instant.from(iso).toZonedDateTimeISO(office.timezone).toPlainDate().toString();
  }

  enterStep(office: Office, svc: Service, stages: StageRecord[], stepId: string, at: string): StageRecord[] {
    const out = [...stages];
    for (const st of svc.sla?.stages ?? []) {
      if (st.from !== stepId || out.some((r) => r.id === st.id)) continue;
      let dueAt: string | null = null;
      if (st.duration) {
        const kind = st.calendar ?? svc.sla!.calendar;
        dueAt = utc(this.serviceCalendar(office, svc).addDuration(at, st.duration.maxValue ?? st.duration.value, st.duration.unit, kind).dueAt);
      }
      out.push({ id: st.id, label: st.label, startedAt: at, dueAt, finishedAt: null, late: null });
    }
    return out;
  }

  leaveStep(_office: Office, svc: Service, stages: StageRecord[], stepId: string, at: string): StageRecord[] {
    return stages.map((r) => {
      const st = svc.sla?.stages.find((s) => s.id === r.id);
      if (!st || st.to !== stepId || r.finishedAt) return r;
      return { ...r, finishedAt: at, late: r.dueAt ? at > r.dueAt : null };
    });
  }

  state(clockStart: string | null, dueAt: string | null, paused: boolean, now: string): SlaState {
    if (!clockStart) return 'not-started';
    if (paused) return 'paused';
    if (!dueAt) return 'on-time';
    if (now > dueAt) return 'late';
    const s = Date.parse(clockStart);
    const d = Date.parse(dueAt);
    return Date.parse(now) >= s + (d - s) * AT_RISK_SHARE ? 'at-risk' : 'on-time';
  }
}

/** Stored instants are UTC ("Z") so that text comparison orders them on both databases. */
export function utc(iso: string): string {
  return Temporal.Instant.from(iso).toString({ smallestUnit: 'millisecond' });
}
