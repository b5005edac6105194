/** The weekly hours in force for an office and for each service with its own, for anyone (the public JSON twin of the office page). */
import type { Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import type { HoursInForce } from '../sla-clock.js';

export interface OfficeHoursView {
  office: string;
  timezone: string;
  hours: HoursInForce;
  services: { slug: string; hours: HoursInForce }[];
}

export function readOfficeHours(ctx: Ctx, slug: string): Outcome<OfficeHoursView> {
  const found = ctx.catalogue.findOffice(slug);
  if (!found.ok) return found;
  const { office, services } = found.value;
  return {
    ok: true,
    value: {
      office: office.slug,
      timezone: office.timezone,
      hours: ctx.clock.hoursOf(office),
      services: services.filter((s) => s.service.serviceHours).map((s) => ({ slug: s.service.slug, hours: ctx.clock.hoursOf(office, s.service) })),
    },
  };
}
