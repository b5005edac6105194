/**
 * The SLA clock of cases: office calendars (time zone, service hours, national holidays, office
 * closures) from the pure calendar module, applied to a service's SLA, its pauses and its stages.
 */
import { Temporal } from 'temporal-polyfill';
import { createOfficeCalendar, type OfficeCalendar } from '../domain/calendar/calendar.js';
import type { HolidayYear } from '../domain/calendar/holidays.js';
import type { Closure, HoursSetting } from '../db/calendar-repo.js';
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

/** The hours in force for an office or a service: the decree's (or default) week, or what the admin set. */
export interface HoursInForce {
  /** The hours the clock uses (the base's source and decree text kept, so the page can quote the decree). */
  hours: ServiceHours;
  /** What the standards say: the decree's hours, or the documented default week. */
  base: ServiceHours;
  /** The admin's setting that replaced the base, if any. */
  setting: HoursSetting | null;
}

export class SlaClock {
  private calendars = new Map<string, OfficeCalendar>();

  constructor(
    private holidays: HolidayYear[],
    private closures: Map<string, Closure[]> = new Map(),
    private hours: Map<string, HoursSetting[]> = new Map(),
  ) {}

  /** The national holidays and cuti bersama of the data file (read-only; the admin page lists them). */
  holidayYears(): readonly HolidayYear[] {
    return this.holidays;
  }

  /** Replaces an office's closures (after an admin adds or removes one) and forgets its cached calendars. */
  setClosures(officeSlug: string, closures: Closure[]): void {
    this.closures.set(officeSlug, closures);
    this.forget(officeSlug);
  }

  /** Replaces an office's hour settings (after an admin sets or resets hours) and forgets its cached calendars. */
  setHours(officeSlug: string, settings: HoursSetting[]): void {
    this.hours.set(officeSlug, settings);
    this.forget(officeSlug);
  }

  private forget(officeSlug: string): void {
    for (const k of [...this.calendars.keys()]) if (k.startsWith(`${officeSlug}|`)) this.calendars.delete(k);
  }

  /**
   * The hours in force: a service's own setting, else the service's decree hours, else the office's
   * (its setting, else its decree or default week).
   */
  hoursOf(office: Office, svc?: Service): HoursInForce {
    const settings = this.hours.get(office.slug) ?? [];
    const own = svc ? settings.find((s) => s.scope === svc.slug) : undefined;
    if (svc?.serviceHours) return inForce(svc.serviceHours, own ?? null);
    return inForce(office.serviceHours, settings.find((s) => s.scope === '') ?? null);
  }

  calendar(office: Office, hours?: ServiceHours): OfficeCalendar {
    const h = hours ?? this.hoursOf(office).hours;
    const key = `${office.slug}|${JSON.stringify(h)}`;
    let cal = this.calendars.get(key);
    if (!cal) {
      const days = this.closures.get(office.slug) ?? [];
      cal = createOfficeCalendar({
        timezone: office.timezone,
        hours: h,
        holidays: this.holidays,
        closures: days.filter((c) => c.kind === 'closure'),
        officeHolidays: days.filter((c) => c.kind !== 'closure').map((c) => ({ date: c.date, name: c.reason, kind: c.kind === 'holiday' ? 'holiday' : 'cuti-bersama' })),
      });
      this.calendars.set(key, cal);
    }
    return cal;
  }

  private serviceCalendar(office: Office, svc: Service): OfficeCalendar {
    return this.calendar(office, this.hoursOf(office, svc).hours);
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
    const hours = this.hoursOf(office, svc).hours;
    const kind = svc?.sla?.calendar ?? (svc?.serviceHours && hours.allDay ? '24x7' : 'office-hours');
    return this.calendar(office, hours).addDuration(start, value, unit, kind);
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

function inForce(base: ServiceHours, setting: HoursSetting | null): HoursInForce {
  return { hours: setting ? { ...base, ...setting.hours } : base, base, setting };
}

/** Stored instants are UTC ("Z") so that text comparison orders them on both databases. */
export function utc(iso: string): string {
  return Temporal.Instant.from(iso).toString({ smallestUnit: 'millisecond' });
}
