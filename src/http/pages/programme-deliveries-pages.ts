/**
 * The field worker's delivery sheet under /petugas/program/siklus/<id>/penyaluran: one small form
 * per recipient (delivered with its proof, or failed with a reason). Forms are parsed by the API's
 * schema; a refused form comes back (422) with each problem beside its field in that recipient's card.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import { PAYMENTS } from '../../domain/programmes/cycles.js';
import { may } from '../../domain/staff/permissions.js';
import type { Ctx } from '../../usecases/context.js';
import { readDeliveries } from '../../usecases/programmes/read-deliveries.js';
import { recordDelivery } from '../../usecases/programmes/record-delivery.js';
import { deliveryBody } from '../api/programme-deliveries-routes.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, redirectWithMessage, sendHtml, statusOf, zodProblems } from '../reply.js';
import { say } from './components.js';
import { localInputToIso } from './complaints-forms.js';
import { errorPage, notFoundPage } from './layout.js';
import { shellOf, staffPages, type ZodApp } from './plugin.js';
import { deliveriesPage, deliveriesPath } from './programme-deliveries-views.js';

const sheetQuery = z.object({ payment: z.enum(PAYMENTS).optional(), page: z.coerce.number().int().min(0).max(10_000).default(0), ok: z.string().max(500).optional(), error: z.string().max(2000).optional() });
const recipientParams = z.object({ id: z.string().max(100), recipient: z.string().max(100) });
const num = (v: string | undefined) => (v && v.trim() ? Number(v.replace(',', '.')) : null);

/** The form's fields → the body of POST /api/v1/programmes/cycles/{id}/deliveries (checkboxes `check-<id>`). */
const deliveryBodyOf = (recipient: string, f: Record<string, string>, timeZone: string) => ({
  recipient,
  result: f.result,
  receiverName: f.receiverName ?? null,
  relation: f.relation || null,
  at: localInputToIso(f.at || undefined, timeZone) ?? null,
  lat: num(f.lat),
  lng: num(f.lng),
  checks: Object.keys(f)
    .filter((k) => k.startsWith('check-'))
    .map((k) => k.slice(6)),
  reason: f.reason ?? null,
});

function registerStaff(app: ZodApp, ctx: Ctx): void {
  const sheetView = async (req: FastifyRequest, reply: FastifyReply, id: string, q: z.infer<typeof sheetQuery>, form?: { recipient: string; problems: readonly Problem[]; values: Record<string, string> }) => {
    const o = officerOf(req);
    const r = await readDeliveries(ctx, o.actor, id, { payment: q.payment }, q.page);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : sendHtml(reply, errorPage(req.lang, statusOf(r.error.kind), r.error.problems.map((p) => say(req.lang, p)).join(' ')), statusOf(r.error.kind));
    return sendHtml(reply, deliveriesPage(shellOf(req), { ...r.value, canRecord: may(o.user.roles, 'programmes.disburse'), ok: q.ok, error: q.error, ...form }), form ? 422 : 200);
  };

  app.get('/petugas/program/siklus/:id/penyaluran', { config: { may: 'programmes.read' }, schema: { params: z.object({ id: z.string().max(100) }), querystring: sheetQuery } }, (req, reply) => sheetView(req, reply, req.params.id, req.query));

  app.post('/petugas/program/siklus/:id/penyaluran/:recipient', { config: { may: 'programmes.disburse' }, schema: { params: recipientParams } }, async (req, reply) => {
    const values = formFields(req.body);
    const { id, recipient } = req.params;
    const back = (problems: readonly Problem[]) => sheetView(req, reply, id, { page: 0 }, { recipient, problems, values });
    const o = officerOf(req);
    const form = deliveryBody.safeParse(deliveryBodyOf(recipient, values, o.office.office.timezone));
    if (!form.success) return back(zodProblems(form.error));
    const { recipient: _r, ...input } = form.data;
    const r = await recordDelivery(ctx, o.actor, id, recipient, input);
    if (!r.ok) return r.error.kind === 'not-found' ? sendHtml(reply, notFoundPage(req.lang, req.url), 404) : back(r.error.problems.map((p) => ({ ...p, field: p.field ?? 'receiverName' })));
    const x = r.value.reconciliation;
    const done = r.value.cycleStatus === 'delivered' ? L(req.lang, ' Semua penerima selesai: siklus tersalurkan.', ' Every recipient is done: the cycle is delivered.') : '';
    return redirectWithMessage(reply, req.lang, deliveriesPath(id), 'ok', L(req.lang, `${r.value.result === 'delivered' ? 'Penyaluran dicatat' : 'Kegagalan dicatat'}. Rekonsiliasi: ${x.paid.n} tersalurkan + ${x.failed.n} gagal + ${x.pending.n} menunggu = ${x.approved.n}.${done}`, `${r.value.result === 'delivered' ? 'Delivery recorded' : 'Failure recorded'}. Reconciliation: ${x.paid.n} delivered + ${x.failed.n} failed + ${x.pending.n} pending = ${x.approved.n}.${done}`));
  });
}

export const programmeDeliveriesPages = staffPages(registerStaff);
