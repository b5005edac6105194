/**
 * The public list of a programme's recipients per period (issue 14 §7): only the people an issued
 * SK decreed, names with NIK masked, village and category, per SK stage; it stays online after the
 * period ends (every period with an SK is listed). Nothing of candidates, verification or refusals.
 */
import { decreedPeriods, decreesOfPeriod } from '../../db/programme-groups-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/mask.js';
import type { Programme } from '../../domain/programmes/schema.js';
import type { Ctx } from '../context.js';
import { programmesOf } from './programmes-of.js';

export const PUBLIC_PAGE_SIZE = 100;

export interface PublicRecipient {
  name: string;
  nik: string;
  village: string | null;
  category: string;
  stage: string;
}

function publicProgramme(ctx: Ctx, officeSlug: string, slug: string): Outcome<{ officeId: string; officeName: string; programme: Programme }> {
  const office = ctx.catalogue.office(officeSlug);
  const programme = office && programmesOf(ctx, office).find((p) => p.slug === slug);
  if (!office || !programme) return failWith('not-found', 'programme-not-found', 'Program tidak ditemukan', 'Programme not found');
  return { ok: true, value: { officeId: office.id, officeName: office.office.name, programme } };
}

/** The office's programmes, each with the periods that have an issued SK (newest first). */
export async function readPublicProgrammes(ctx: Ctx, officeSlug: string): Promise<Outcome<{ officeName: string; programmes: { programme: Programme; periods: string[] }[] }>> {
  const office = ctx.catalogue.office(officeSlug);
  if (!office) return failWith('not-found', 'office-not-found', 'Kantor tidak ditemukan', 'Office not found');
  const programmes = await Promise.all(programmesOf(ctx, office).map(async (programme) => ({ programme, periods: await decreedPeriods(ctx.database.db, office.id, programme.slug, 50) })));
  return { ok: true, value: { officeName: office.office.name, programmes } };
}

export async function readPublicPeriods(ctx: Ctx, officeSlug: string, slug: string): Promise<Outcome<{ officeName: string; programme: Programme; periods: string[] }>> {
  const found = publicProgramme(ctx, officeSlug, slug);
  if (!found.ok) return found;
  return { ok: true, value: { officeName: found.value.officeName, programme: found.value.programme, periods: await decreedPeriods(ctx.database.db, found.value.officeId, slug, 50) } };
}

export async function readPublicRecipients(
  ctx: Ctx,
  officeSlug: string,
  slug: string,
  period: string,
  page: number,
): Promise<Outcome<{ officeName: string; programme: Programme; period: string; decrees: { stage: string; number: string; issuedOn: string }[]; recipients: PublicRecipient[]; total: number; page: number; more: boolean }>> {
  const found = publicProgramme(ctx, officeSlug, slug);
  if (!found.ok) return found;
  const decrees = await decreesOfPeriod(ctx.database.db, found.value.officeId, slug, period);
  if (!decrees.length) return failWith('not-found', 'no-decree', `Belum ada SK penerima untuk periode ${period}`, `No recipients' decree for ${period} yet`);
  const all = decrees.flatMap((d) => d.people.filter((p) => p.result === 'eligible').map((p) => ({ name: p.name, nik: maskNik(p.nik), village: p.village, category: p.category, stage: d.stage })));
  all.sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const start = page * PUBLIC_PAGE_SIZE;
  return {
    ok: true,
    value: {
      officeName: found.value.officeName,
      programme: found.value.programme,
      period,
      decrees: decrees.map((d) => ({ stage: d.stage, number: d.number, issuedOn: d.issuedOn })),
      recipients: all.slice(start, start + PUBLIC_PAGE_SIZE),
      total: all.length,
      page,
      more: all.length > start + PUBLIC_PAGE_SIZE,
    },
  };
}
