/**
 * Registers a group proposal of a group programme (KUBE, RST): members with NIK, KK and officers,
 * the group account, the business and its RAB. The programme's size, age and officer rules are
 * checked on the proposal date and answered in the decree's own words, each beside its member's
 * field; a person already in another group of the programme is refused. Audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertGroup, membersElsewhere } from '../../db/programme-groups-repo.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { checkGroupMembers, checkRab, type MemberInput, type RabItem } from '../../domain/programmes/groups.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { findProgramme, officeOf } from './programmes-of.js';

export interface RegisterGroupInput {
  name: string;
  individual?: boolean;
  village: string;
  district?: string | null;
  business: string;
  proposalDate: string;
  account: { bank: string; number: string; holder: string };
  members: MemberInput[];
  rab: RabItem[];
}

export async function registerGroup(ctx: Ctx, actor: Actor, slug: string, input: RegisterGroupInput): Promise<Outcome<{ id: string; members: number; rabTotal: number }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  const p = found.value.programme;
  if (!p.group) return failWith('invalid', 'not-a-group-programme', `Program ini bukan program kelompok: ${p.name}`, `This is not a group programme: ${p.name}`);
  const today = ctx.clock.localDate(found.value.office.office, nowOf(ctx).toISOString());
  const problems: FieldProblem[] = [];
  if (input.proposalDate > today)
    problems.push({ field: 'proposalDate', code: 'date-in-future', message: `Tanggal usulan belum terjadi (${input.proposalDate})`, messageEn: `The proposal date has not happened yet (${input.proposalDate})` });
  const checked = checkGroupMembers(p, input.members, input.proposalDate, input.individual === true);
  problems.push(...checked.problems);
  const rab = checkRab(p, input.rab);
  problems.push(...rab.problems);
  const db = ctx.database.db;
  const elsewhere = await membersElsewhere(db, officeId.value, slug, checked.members.map((m) => m.nik));
  for (const e of elsewhere) {
    const i = checked.members.findIndex((m) => m.nik === e.nik);
    problems.push({ field: `members.${i}.nik`, code: 'member-in-other-group', message: `Sudah menjadi anggota kelompok lain program ini: ${e.groupName}`, messageEn: `Already a member of another group of this programme: ${e.groupName}` });
  }
  if (problems.length) return fail('invalid', ...problems);
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  await ctx.database.write(async (trx) => {
    await insertGroup(
      trx,
      {
        id,
        office_id: officeId.value,
        programme_slug: slug,
        programme: JSON.stringify(p),
        name: input.name.trim(),
        individual: input.individual ? 1 : 0,
        village: input.village.trim(),
        district: input.district?.trim() || null,
        business: input.business.trim(),
        proposal_date: input.proposalDate,
        account_bank: input.account.bank.trim(),
        account_number: input.account.number.trim(),
        account_holder: input.account.holder.trim(),
        rab: JSON.stringify(input.rab.map((r) => ({ item: r.item.trim(), amount: r.amount }))),
        rab_total: rab.total,
        status: 'proposed',
        decree_number: null,
        decree_date: null,
        decree_issuer: null,
        disbursed_on: null,
        disbursed_amount: null,
        report_due: null,
        reported_on: null,
        report_note: null,
        created_at: now,
        created_by: actor.name,
        version: 1,
      },
      checked.members.map((m, i) => ({ id: randomUUID(), group_id: id, office_id: officeId.value, programme_slug: slug, position: i + 1, nik: m.nik, kk: m.kk, name: m.name, birth_date: m.birthDate, role: m.role })),
    );
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-group-registered', subject: `programme-group:${id}`, detail: { programme: slug, members: checked.members.length, individual: input.individual === true, rabTotal: rab.total }, at: now });
  });
  return { ok: true, value: { id, members: checked.members.length, rabTotal: rab.total } };
}
