/** The head of office's evaluation page and its report downloads (PDF, XLSX): /petugas/evaluasi. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PeriodKind } from '../../domain/oversight/period.js';
import { choosePeriod } from '../../usecases/oversight/choose-period.js';
import { evaluateStandard } from '../../usecases/oversight/evaluate-standard.js';
import { exportEvaluation } from '../../usecases/oversight/export-evaluation.js';
import { readDashboard } from '../../usecases/oversight/read-dashboard.js';
import { readDecreeLints } from '../../usecases/oversight/read-decree-lints.js';
import { readDecreeTextLints } from '../../usecases/oversight/read-decree-text-lints.js';
import { approveFigures, readApproval, reopenFigures } from '../../usecases/oversight/approve-figures.js';
import { asApproved, readApprovedFigures } from '../../usecases/oversight/snapshot-figures.js';
import { readNotices } from '../../usecases/oversight/read-notices.js';
import { exportSippn } from '../../usecases/oversight/export-sippn.js';
import { evaluationQuery, KIND_WORDS } from '../api/oversight-schemas.js';
import { officerOf } from '../auth.js';
import { formFields, sendFile, sendHtml, statusOf } from '../reply.js';
import { anyObject } from '../api/schemas.js';
import { z } from 'zod';
import { nowOf } from '../../usecases/context.js';
import { computeSpm } from '../../usecases/oversight/compute-spm.js';
import { recordSpmNeed } from '../../usecases/oversight/record-spm-need.js';
import { spmNeedPage, spmPage } from './oversight-spm-views.js';
import { withLang } from './layout.js';
import { evaluationPage, periodQuery } from './oversight-views.js';
import { shellOf, staffPages } from './plugin.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const oversightPages = staffPages((app, ctx) => {
  const asked = (q: { jenis?: keyof typeof KIND_WORDS; periode?: string }) => ({ kind: (q.jenis ? KIND_WORDS[q.jenis] : 'quarter') as PeriodKind, value: q.periode ?? '' });

  app.get('/petugas/evaluasi', { config: { may: 'oversight.read' }, schema: { querystring: evaluationQuery } }, async (req, reply) => {
    const { user } = officerOf(req);
    const a = asked(req.query);
    const p = choosePeriod(ctx, user.officeId, a.kind, a.value);
    const dashboard = await readDashboard(ctx, user.officeId);
    if (!p.ok) return sendHtml(reply, evaluationPage(shellOf(req), { asked: a, dashboard, problems: p.error.problems }), statusOf(p.error.kind));
    const live = await evaluateStandard(ctx, user.officeId, p.value);
    const office = ctx.catalogue.officeById(user.officeId);
    const lints = [...readDecreeLints(office), ...readDecreeTextLints(ctx, office)];
    const approval = p.value.kind === 'quarter' ? undefined : await readApproval(ctx, user.officeId, p.value.value);
    // An approved period shows its figures as approved, and how the live ones moved since.
    const approved = p.value.kind === 'quarter' ? undefined : await readApprovedFigures(ctx, user.officeId, p.value);
    const evaluation = approved ? asApproved(live, approved) : live;
    const notices = await readNotices(ctx, user.officeId);
    return sendHtml(reply, evaluationPage(shellOf(req), { asked: { kind: p.value.kind, value: p.value.value }, evaluation, dashboard, lints, notices, ...(approval?.ok ? { approval: approval.value } : {}), ...(approved ? { approved } : {}) }));
  });

  // Approving and reopening a period's figures: back to its evaluation, or the refusal beside the field.
  const periodOf = (v: string) => ({ kind: (v.length === 4 ? 'year' : 'month') as PeriodKind, value: v });
  const afterApproval = async (req: FastifyRequest, reply: FastifyReply, period: string, r: Awaited<ReturnType<typeof approveFigures>>) => {
    if (r.ok) return reply.redirect(withLang(`/petugas/evaluasi?${periodQuery(periodOf(r.value.period))}`, shellOf(req).lang), 303);
    const { user } = officerOf(req);
    const asked = periodOf(period);
    const p = choosePeriod(ctx, user.officeId, asked.kind, asked.value);
    const approval = await readApproval(ctx, user.officeId, period);
    const evaluation = p.ok ? await evaluateStandard(ctx, user.officeId, p.value) : undefined;
    return sendHtml(reply, evaluationPage(shellOf(req), { asked, ...(evaluation ? { evaluation } : {}), problems: r.error.problems, ...(approval.ok ? { approval: approval.value } : {}) }), statusOf(r.error.kind));
  };
  app.post('/petugas/evaluasi/persetujuan', { config: { may: 'oversight.approve' }, schema: { body: anyObject } }, async (req, reply) => {
    const period = formFields(req.body).period ?? '';
    return afterApproval(req, reply, period, await approveFigures(ctx, officerOf(req).actor, period));
  });
  app.post('/petugas/evaluasi/buka-kembali', { config: { may: 'oversight.reopen' }, schema: { body: anyObject } }, async (req, reply) => {
    const f = formFields(req.body);
    return afterApproval(req, reply, f.period ?? '', await reopenFigures(ctx, officerOf(req).actor, f.period ?? '', f.reason));
  });

  const download = (format: 'pdf' | 'xlsx') => async (req: FastifyRequest<{ Querystring: { jenis?: keyof typeof KIND_WORDS; periode?: string } }>, reply: FastifyReply) => {
    const { user, actor } = officerOf(req);
    const a = asked(req.query);
    const p = choosePeriod(ctx, user.officeId, a.kind, a.value);
    // A wrong period in a download link is shown on the page, beside the field, not as JSON.
    if (!p.ok) return sendHtml(reply, evaluationPage(shellOf(req), { asked: a, problems: p.error.problems }), statusOf(p.error.kind));
    const lang = shellOf(req).lang;
    const r = await exportEvaluation(ctx, user.officeId, p.value, format, lang, actor);
    return sendFile(reply, r.bytes, { type: format === 'pdf' ? 'application/pdf' : XLSX, fileName: r.fileName });
  };
  app.get('/petugas/evaluasi/laporan.pdf', { config: { may: 'oversight.read' }, schema: { querystring: evaluationQuery } }, download('pdf'));
  app.get('/petugas/evaluasi/laporan.xlsx', { config: { may: 'oversight.read' }, schema: { querystring: evaluationQuery } }, download('xlsx'));

  // The catalogue in SIPPN's field layout as Sigap matches it (docs/OVERSIGHT.md), for the national registry.
  const sippn = (format: 'csv' | 'xlsx') => async (req: FastifyRequest, reply: FastifyReply) => {
    const { user, actor } = officerOf(req);
    const r = await exportSippn(ctx, user.officeId, format, actor);
    return sendFile(reply, r.bytes!, { type: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX, fileName: r.fileName });
  };
  app.get('/petugas/evaluasi/sippn.csv', { config: { may: 'oversight.read' } }, sippn('csv'));
  app.get('/petugas/evaluasi/sippn.xlsx', { config: { may: 'oversight.read' } }, sippn('xlsx'));

  // SPM bidang sosial: the achievement of a budget year, and the needs register's form.
  const spmYear = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
  const thisYear = (officeId: string) => Number(ctx.clock.localDate(ctx.catalogue.officeById(officeId).office, nowOf(ctx).toISOString()).slice(0, 4));
  app.get('/petugas/spm', { config: { may: 'oversight.read' }, schema: { querystring: spmYear } }, async (req, reply) => {
    const office = ctx.catalogue.officeById(officerOf(req).user.officeId);
    const year = req.query.year ?? thisYear(office.id);
    return sendHtml(reply, spmPage(shellOf(req), { officeName: office.office.name, year, rows: await computeSpm(ctx, office, year) }));
  });
  app.get('/petugas/spm/kebutuhan', { config: { may: 'spm.needs.write' }, schema: { querystring: spmYear.extend({ tercatat: z.literal('1').optional() }) } }, async (req, reply) =>
    sendHtml(reply, spmNeedPage(shellOf(req), { year: req.query.year ?? thisYear(officerOf(req).user.officeId), recorded: req.query.tercatat === '1' })),
  );
  app.post('/petugas/spm/kebutuhan', { config: { may: 'spm.needs.write' }, bodyLimit: 16 * 1024, schema: { body: anyObject } }, async (req, reply) => {
    const { actor, user } = officerOf(req);
    const f = formFields(req.body);
    const r = await recordSpmNeed(ctx, actor, f);
    if (!r.ok) return sendHtml(reply, spmNeedPage(shellOf(req), { year: Number(f.year) || thisYear(user.officeId), values: f, problems: r.error.problems }), statusOf(r.error.kind));
    // Back to the form for the next person, with the year kept; the achievement page is one link away.
    return reply.redirect(withLang(`/petugas/spm/kebutuhan?year=${r.value.year}&tercatat=1`, shellOf(req).lang), 303);
  });
});
