/** The due time of a duration started at an instant, on an office's calendar (for the API and the CLI). */
import { MAX_DURATION, type CalendarWarning } from '../../domain/calendar/calendar.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { SLA_UNITS } from '../../domain/standards/schema.js';
import type { Ctx } from '../context.js';

export interface DueQuery {
  office: string;
  service?: string;
  start: string;
  value: number;
  unit: (typeof SLA_UNITS)[number];
}

export interface Due {
  dueAt: string;
  dueAtLocal: string;
  timezone: string;
  warnings: CalendarWarning[];
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function computeDue(ctx: Ctx, q: DueQuery): Outcome<Due> {
  const office = ctx.catalogue.findOffice(q.office);
  if (!office.ok) return office;
  let svc;
  if (q.service) {
    const found = ctx.catalogue.findService(q.office, q.service);
    if (!found.ok) return found;
    svc = found.value.service.service;
  }
  if (!INSTANT.test(q.start))
    return failWith('invalid', 'start-invalid', 'start harus instan ISO 8601 dengan zona waktu, mis. 2026-03-20T09:00:00+07:00', 'start must be an ISO 8601 instant with an offset, e.g. 2026-03-20T09:00:00+07:00', 'start');
  if (q.value > MAX_DURATION[q.unit])
    return failWith('invalid', 'value-too-large', `Nilai paling banyak ${MAX_DURATION[q.unit]} ${q.unit} (lima tahun)`, `The value is at most ${MAX_DURATION[q.unit]} ${q.unit} (five years)`, 'value');
  try {
    const r = ctx.clock.dueFor(office.value.office, svc, q.start, q.value, q.unit);
    return { ok: true, value: { dueAt: r.dueAt, dueAtLocal: r.dueAtLocal, timezone: office.value.office.timezone, warnings: r.warnings } };
  } catch (e) {
    return failWith('invalid', 'start-invalid', `Waktu mulai tidak sah: ${(e as Error).message}`, `Invalid start: ${(e as Error).message}`, 'start');
  }
}
