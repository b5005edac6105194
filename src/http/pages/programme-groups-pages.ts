/**
 * Staff pages of group programmes and quota queues under /petugas/program: a programme's groups,
 * the registration form (refused 422 with each problem beside its member's field), one group with
 * the next step (group SK, disbursement, report), and a period's quota queue. Forms are parsed by
 * the API's schemas and handled by the same use cases.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import type { Ctx } from '../../usecases/context.js';
import { queueProposal, setProgrammeQuota } from '../../usecases/programmes/queue-proposal.js';
import { listGroups, showGroup } from '../../usecases/programmes/read-groups.js';
import { readQueue } from '../../usecases/programmes/read-queue.js';
import { recordGroupDecree } from '../../usecases/programmes/record-group-decree.js';
import { recordGroupDisbursement } from '../../usecases/programmes/record-group-disbursement.js';
import { recordGroupReport } from '../../usecases/programmes/record-group-report.js';
import { registerGroup } from '../../usecases/programmes/register-group.js';
import { findProgramme } from '../../usecases/programmes/programmes-of.js';
import { groupBody, groupDecreeBody, groupDisbursementBody, groupReportBody, periodSchema, queueBody, quotaBody } from '../api/programme-groups-schemas.js';
import { idParams, slugParams } from '../api/schemas.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, redirectWithMessage, sendHtml, statusOf, zodProblems } from '../reply.js';
import { say } from './components.js';
import { errorPage, notFoundPage } from './layout.js';
import { shellOf, staffPages, type ZodApp } from './plugin.js';
import { groupPage, groupsPage, memberRows, queuePage, RAB_ROWS, registerGroupPage } from './programme-groups-views.js';

const okQuery = z.object({ ok: z.string().max(500).optional() });
const queueQuery = okQuery.extend({ period: periodSchema.optional().or(z.literal('')) });

const refused = (req: FastifyRequest, reply: FastifyReply, status: number, problems: readonly Problem[]) => sendHtml(reply, errorPage(req.lang, status, problems.map((p) => say(req.lang, p)).join(' ')), status);
const missing = (req: FastifyRequest, reply: FastifyReply) => sendHtml(reply, notFoundPage(req.lang, req.url), 404);

/**
 * The rows of a repeated part of the form that were filled (`members.3.nik` …), in order, with
 * their form index: an empty row between two filled ones is skipped, and a problem the schema or
 * the use case finds at the n-th filled row is shown at that row's own fields.
 */
function filledRows(v: Record<string, string>, prefix: string, rows: number, keys: readonly string[]) {
  const out: { index: number; value: Record<string, string> }[] = [];
  for (let i = 0; i < rows; i++) {
    const value = Object.fromEntries(keys.map((k) => [k, (v[`${prefix}.${i}.${k}`] ?? '').trim()]));
    if (keys.some((k) => k !== 'role' && value[k])) out.push({ index: i, value });
  }
  return out;
}
const reindex = (problems: readonly Problem[], prefix: string, indexOf: number[]) =>
  problems.map((p) => {
    const m = p.field ? new RegExp(`^${prefix}\\.(\\d+)(\\..*)?$`).exec(p.field) : null;
    return m ? { ...p, field: `${prefix}.${indexOf[Number(m[1])] ?? m[1]}${m[2] ?? ''}` } : p;
  });

function registerStaff(app: ZodApp, ctx: Ctx): void {
  app.get('/petugas/program/:slug/kelompok', { config: { may: 'programmes.read' }, schema: { params: slugParams, querystring: okQuery } }, async (req, reply) => {
    const o = officerOf(req);
    const r = await listGroups(ctx, o.actor, req.params.slug);
    if (!r.ok) return r.error.kind === 'not-found' ? missing(req, reply) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    if (!r.value.programme.group) return missing(req, reply);
    return sendHtml(reply, groupsPage(shellOf(req), { ...r.value, canRegister: may(o.user.roles, 'programmes.groups'), ok: req.query.ok }));
  });

  const registerView = (req: FastifyRequest, reply: FastifyReply, slug: string, form?: { problems: readonly Problem[]; values: Record<string, string> }) => {
    const o = officerOf(req);
    const found = findProgramme(ctx, o.office.id, slug);
    if (!found.ok || !found.value.programme.group) return missing(req, reply);
    const today = ctx.clock.localDate(o.office.office, new Date().toISOString());
    return sendHtml(reply, registerGroupPage(shellOf(req), { programme: found.value.programme, today, ...form }), form ? 422 : 200);
  };

  app.get('/petugas/program/:slug/kelompok/baru', { config: { may: 'programmes.groups' }, schema: { params: slugParams } }, (req, reply) => registerView(req, reply, req.params.slug));

  app.post('/petugas/program/:slug/kelompok', { config: { may: 'programmes.groups' }, schema: { params: slugParams } }, async (req, reply) => {
    const o = officerOf(req);
    const values = formFields(req.body);
    const found = findProgramme(ctx, o.office.id, req.params.slug);
    if (!found.ok || !found.value.programme.group) return missing(req, reply);
    const members = filledRows(values, 'members', memberRows(found.value.programme, values), ['name', 'nik', 'kk', 'birthDate', 'role']);
    const rab = filledRows(values, 'rab', RAB_ROWS, ['item', 'amount']);
    const back = (problems: readonly Problem[]) =>
      registerView(req, reply, req.params.slug, { problems: reindex(reindex(problems, 'members', members.map((m) => m.index)), 'rab', rab.map((r) => r.index)), values });
    const form = groupBody.safeParse({
      name: values.name ?? '',
      individual: values.individual === 'on',
      village: values.village ?? '',
      district: values.district || null,
      business: values.business ?? '',
      proposalDate: values.proposalDate ?? '',
      account: { bank: values['account.bank'] ?? '', number: values['account.number'] ?? '', holder: values['account.holder'] ?? '' },
      members: members.map(({ value: m }) => ({ name: m.name, nik: m.nik, kk: m.kk, birthDate: m.birthDate || null, role: m.role || null })),
      rab: rab.map(({ value: r }) => ({ item: r.item, amount: (r.amount ?? '').replace(/[.\s]/g, '') })),
    });
    if (!form.success) return back(zodProblems(form.error));
    const r = await registerGroup(ctx, o.actor, req.params.slug, form.data);
    if (!r.ok) return r.error.kind === 'invalid' ? back(r.error.problems) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return redirectWithMessage(reply, req.lang, `/petugas/program/kelompok/${r.value.id}`, 'ok', L(req.lang, `Kelompok terdaftar dengan ${r.value.members} anggota.`, `Group registered with ${r.value.members} members.`));
  });

  const groupView = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: { ok?: string; problems?: readonly Problem[]; values?: Record<string, string> } = {}) => {
    const o = officerOf(req);
    const r = await showGroup(ctx, o.actor, id);
    if (!r.ok) return r.error.kind === 'not-found' ? missing(req, reply) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return sendHtml(reply, groupPage(shellOf(req), { ...r.value, canAct: may(o.user.roles, 'programmes.groups'), ...extra }), extra.problems ? 422 : 200);
  };

  app.get('/petugas/program/kelompok/:id', { config: { may: 'programmes.read' }, schema: { params: idParams, querystring: okQuery } }, (req, reply) => groupView(req, reply, req.params.id, { ok: req.query.ok }));

  /** One step of a group (SK, disbursement, report): the form parsed by the API's schema, the use case, back to the group. */
  const groupStep = <S extends z.ZodTypeAny>(path: string, schema: S, run: (c: Ctx, req: FastifyRequest, id: string, body: z.infer<S>) => Promise<{ ok: true } | { ok: false; error: { kind: string; problems: Problem[] } }>, done: [string, string]) =>
    app.post(path, { config: { may: 'programmes.groups' }, schema: { params: idParams } }, async (req, reply) => {
      const values = formFields(req.body);
      const form = schema.safeParse(values);
      if (!form.success) return groupView(req, reply, req.params.id, { problems: zodProblems(form.error), values });
      const r = await run(ctx, req, req.params.id, form.data);
      if (!r.ok) return r.error.kind === 'invalid' || r.error.kind === 'conflict' ? groupView(req, reply, req.params.id, { problems: r.error.problems, values }) : refused(req, reply, statusOf(r.error.kind as never), r.error.problems);
      return redirectWithMessage(reply, req.lang, `/petugas/program/kelompok/${req.params.id}`, 'ok', L(req.lang, ...done));
    });
  groupStep('/petugas/program/kelompok/:id/sk', groupDecreeBody, (c, req, id, b) => recordGroupDecree(c, officerOf(req).actor, id, b), ['SK kelompok dicatat.', "Group decree recorded."]);
  groupStep('/petugas/program/kelompok/:id/pencairan', groupDisbursementBody, (c, req, id, b) => recordGroupDisbursement(c, officerOf(req).actor, id, b), ['Pencairan dicatat.', 'Disbursement recorded.']);
  groupStep('/petugas/program/kelompok/:id/laporan', groupReportBody, (c, req, id, b) => recordGroupReport(c, officerOf(req).actor, id, b), ['Laporan kelompok dicatat.', "Group report recorded."]);

  const queueView = async (req: FastifyRequest, reply: FastifyReply, slug: string, period: string, extra: { ok?: string; problems?: readonly Problem[]; values?: Record<string, string> } = {}) => {
    const o = officerOf(req);
    const r = await readQueue(ctx, o.actor, slug, period);
    if (!r.ok) return r.error.kind === 'not-found' ? missing(req, reply) : refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return sendHtml(reply, queuePage(shellOf(req), { ...r.value, canManage: may(o.user.roles, 'programmes.manage'), ...extra }), extra.problems ? 422 : 200);
  };
  const thisMonth = (req: FastifyRequest) => ctx.clock.localDate(officerOf(req).office.office, new Date().toISOString()).slice(0, 7);

  app.get('/petugas/program/:slug/antrean', { config: { may: 'programmes.read' }, schema: { params: slugParams, querystring: queueQuery } }, (req, reply) => queueView(req, reply, req.params.slug, req.query.period || thisMonth(req), { ok: req.query.ok }));

  app.post('/petugas/program/:slug/antrean', { config: { may: 'programmes.manage' }, schema: { params: slugParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const period = periodSchema.safeParse(values.period).success ? values.period! : thisMonth(req);
    const form = queueBody.safeParse({ ...values, registrationNumber: values.registrationNumber || null });
    if (!form.success) return queueView(req, reply, req.params.slug, period, { problems: zodProblems(form.error), values });
    const r = await queueProposal(ctx, officerOf(req).actor, req.params.slug, form.data);
    if (!r.ok) return r.error.kind === 'not-found' || r.error.kind === 'forbidden' ? refused(req, reply, statusOf(r.error.kind), r.error.problems) : queueView(req, reply, req.params.slug, period, { problems: r.error.problems, values });
    const place = r.value.withinQuota === null ? L(req.lang, 'kuota belum ditetapkan', 'quota not set') : r.value.withinQuota ? L(req.lang, 'dalam kuota', 'within the quota') : L(req.lang, 'menunggu kuota', 'waiting for quota');
    return redirectWithMessage(reply, req.lang, `/petugas/program/${req.params.slug}/antrean?period=${period}`, 'ok', L(req.lang, `Nomor antrean ${r.value.position} (${place}).`, `Queue position ${r.value.position} (${place}).`));
  });

  app.post('/petugas/program/:slug/kuota', { config: { may: 'programmes.manage' }, schema: { params: slugParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const period = periodSchema.safeParse(values.quotaPeriod);
    const form = quotaBody.safeParse(values);
    const problems = [...(period.success ? [] : zodProblems(period.error).map((p) => ({ ...p, field: 'quotaPeriod' }))), ...(form.success ? [] : zodProblems(form.error))];
    if (!period.success || !form.success) return queueView(req, reply, req.params.slug, thisMonth(req), { problems, values });
    const r = await setProgrammeQuota(ctx, officerOf(req).actor, req.params.slug, { period: period.data, ...form.data });
    if (!r.ok) return refused(req, reply, statusOf(r.error.kind), r.error.problems);
    return redirectWithMessage(reply, req.lang, `/petugas/program/${req.params.slug}/antrean?period=${period.data}`, 'ok', L(req.lang, `Kuota ${period.data}: ${r.value.quota}.`, `Quota for ${period.data}: ${r.value.quota}.`));
  });
}

export const programmeGroupsPages = staffPages(registerStaff);
