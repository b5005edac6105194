/** The head of office's evaluation page and its report downloads (PDF, XLSX): /petugas/evaluasi. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PeriodKind } from '../../domain/oversight/period.js';
import { choosePeriod } from '../../usecases/oversight/choose-period.js';
import { evaluateStandard } from '../../usecases/oversight/evaluate-standard.js';
import { exportEvaluation } from '../../usecases/oversight/export-evaluation.js';
import { readDashboard } from '../../usecases/oversight/read-dashboard.js';
import { evaluationQuery, KIND_WORDS } from '../api/oversight-schemas.js';
import { officerOf } from '../auth.js';
import { sendFile, sendHtml, statusOf } from '../reply.js';
import { evaluationPage } from './oversight-views.js';
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
    const evaluation = await evaluateStandard(ctx, user.officeId, p.value);
    return sendHtml(reply, evaluationPage(shellOf(req), { asked: { kind: p.value.kind, value: p.value.value }, evaluation, dashboard }));
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
});
