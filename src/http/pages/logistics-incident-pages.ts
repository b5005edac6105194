/**
 * Disaster incident pages for staff: the report form (also opened from a decreed disaster case),
 * the incident with its assessment, needs, plan, emergency status, shipments and their journey,
 * reconciliation, victims, handover form and closure, and each handover's berita acara PDF. Forms are
 * parsed by the JSON API's schemas; a refused form comes back with each problem beside its field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { incidentOfCase, incidentsOf, itemsOf } from '../../db/logistics-repo.js';
import { closeIncident } from '../../usecases/logistics/close-incident.js';
import { caseRef, linkIncidentToCase } from '../../usecases/logistics/incident-case.js';
import { moveShipment } from '../../usecases/logistics/move-shipment.js';
import { MAX_ROWS } from '../../domain/logistics/index.js';
import { downloadHandover } from '../../usecases/logistics/download-handover.js';
import { handOverAid } from '../../usecases/logistics/hand-over-aid.js';
import { openIncident } from '../../usecases/logistics/open-incident.js';
import { recordAssessment } from '../../usecases/logistics/record-assessment.js';
import { showIncident } from '../../usecases/logistics/show-incident.js';
import { BODY_LIMIT, closeBody, handoverBody, incidentBody, incidentRecordBody, linkCaseBody, shipmentMoveBody } from '../api/logistics-schemas.js';
import { idParams } from '../api/schemas.js';
import { allowedIn, officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, parseForm, sendFile, sendHtml, statusOf } from '../reply.js';
import { localInputToIso } from './complaints-forms.js';
import { notFoundPage, withLang } from './layout.js';
import { incidentPage, newIncidentPage, type IncidentForms } from './logistics-incident-views.js';
import { html } from './html.js';
import { csrfField, staffPage } from './layout.js';
import { field, select } from './logistics-views.js';
import { shellOf, staffPages } from './plugin.js';

const flashQuery = z.object({ ok: z.string().max(500).optional(), error: z.string().max(2000).optional() });
const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const num = (v: string | undefined) => (v && v.trim() ? Number(v.replace(',', '.')) : undefined);

/** "NIK; Nama; Desa" lines → victims (an empty NIK is a victim without one). */
export function victimsOf(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((l) => l.split(';').map((x) => x.trim()))
    .filter((p) => p.some((x) => x))
    .map(([nik, name, village]) => ({ nik: nik || undefined, name: name ?? '', village: village || undefined }));
}

export const logisticsIncidentPages = staffPages((app, ctx) => {
  app.get('/petugas/logistik/kejadian/baru', { config: { may: 'logistics.distribute' } }, async (req, reply) => sendHtml(reply, newIncidentPage(shellOf(req), { values: {}, problems: [] })));

  // From a decreed disaster case's page: its incident, or the form to open one for it (or link an open one).
  app.get('/petugas/logistik/berkas/:id', { config: { may: 'logistics.distribute' }, schema: { params: idParams } }, async (req, reply) => {
    const o = officerOf(req);
    const linked = await incidentOfCase(ctx.database.db, o.office.id, req.params.id);
    if (linked) return reply.redirect(withLang(`/petugas/logistik/kejadian/${linked.id}`, req.lang), 303);
    const ref = await caseRef(ctx, o.office.id, req.params.id);
    if (!ref) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    const open = (await incidentsOf(ctx.database.db, o.office.id, 100)).filter((i) => i.state === 'open' && !i.application_id);
    const shell = shellOf(req);
    const lang = req.lang;
    const linkForm = open.length
      ? html`<h2>${L(lang, 'Atau hubungkan kejadian yang sudah tercatat', 'Or link an incident already recorded')}</h2><form method="post" action="${withLang(`/petugas/logistik/berkas/${ref.id}`, lang)}" novalidate>${csrfField(shell)}${field(lang, { values: {}, problems: [], prefix: 'k-' }, 'incident', L(lang, 'Kejadian', 'Incident'), select({ values: {}, problems: [] }, 'incident', open.map((i) => [i.id, i.title] as const)))}<button type="submit">${L(lang, 'Hubungkan', 'Link')}</button></form>`
      : '';
    const form = newIncidentPage(shell, { values: { case: ref.registrationNumber, source: 'disposisi-pimpinan', title: '', description: '' }, problems: [] });
    return sendHtml(reply, form.replace('</main>', `${linkForm}</main>`));
  });

  app.post('/petugas/logistik/berkas/:id', { config: { may: 'logistics.distribute' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const o = officerOf(req);
    const f = formFields(req.body);
    const ref = await caseRef(ctx, o.office.id, req.params.id);
    if (!ref) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    const r = await linkIncidentToCase(ctx, o.actor, f.incident ?? '', ref.registrationNumber);
    if (!r.ok) return sendHtml(reply, staffPage(shellOf(req), { title: '409', path: req.url, body: html`<p role="alert">${L(req.lang, r.error.problems[0]!.message, r.error.problems[0]!.messageEn)}</p>` }), statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${r.value.id}?ok=${encodeURIComponent(L(req.lang, `Terhubung ke berkas ${r.value.case}`, `Linked to case ${r.value.case}`))}`, req.lang), 303);
  });

  app.post('/petugas/logistik/kejadian/baru', { config: { may: 'logistics.distribute' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(incidentBody, { title: f.title ?? '', source: f.source, reportedAt: localInputToIso(opt(f.reportedAt), office.office.timezone), location: { text: f['location.text'] ?? '' }, description: f.description ?? '', emergencyReport: opt(f.emergencyReport), case: opt(f.case) });
    const r = body.ok ? await openIncident(ctx, actor, body.value) : body;
    if (!r.ok) return sendHtml(reply, newIncidentPage(shellOf(req), { values: f, problems: r.error.problems }), statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${r.value.id}?ok=${encodeURIComponent(L(req.lang, 'Kejadian dicatat', 'Incident recorded'))}`, req.lang), 303);
  });

  const show = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: IncidentForms & { ok?: string; error?: string } = {}, status = 200) => {
    const o = officerOf(req);
    const r = await showIncident(ctx, o.actor, id);
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    const items = (await itemsOf(ctx.database.db, o.office.id, MAX_ROWS)).map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit }));
    return sendHtml(reply, incidentPage(shellOf(req), { ...r.value, items, mayDistribute: allowedIn(o).includes('logistics.distribute'), mayClose: allowedIn(o).includes('logistics.close'), flash: { ok: extra.ok, error: extra.error } }, extra), status);
  };

  app.get('/petugas/logistik/kejadian/:id', { config: { may: 'logistics.read' }, schema: { params: idParams, querystring: flashQuery } }, async (req, reply) => show(req, reply, req.params.id, req.query));

  app.post('/petugas/logistik/kejadian/:id/catatan', { config: { may: 'logistics.distribute' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const shaped =
      f.part === 'assessment' ? { part: 'assessment', note: f.note ?? '', lat: num(f.lat), lng: num(f.lng) }
      : f.part === 'needs' ? { part: 'needs', note: f.note ?? '' }
      : f.part === 'emergency-status' ? { part: 'emergency-status', decree: f.decree ?? '', declaredBy: f.declaredBy ?? '', declaredOn: f.declaredOn ?? '', until: opt(f.until) }
      : { part: 'plan', recipients: f.recipients ?? '', priority: f.priority, when: f.when ?? '', where: f.where ?? '', how: f.how ?? '', transport: opt(f.transport), responsible: f.responsible ?? '' };
    const body = parseForm(incidentRecordBody, shaped);
    const r = body.ok ? await recordAssessment(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    const part = f.part === 'emergency-status' ? 'status' : ((['assessment', 'needs', 'plan'] as const).find((p) => p === f.part) ?? 'plan');
    if (!r.ok) return show(req, reply, req.params.id, { [part]: { values: f, problems: r.error.problems } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${req.params.id}?ok=${encodeURIComponent(L(req.lang, 'Tersimpan', 'Saved'))}`, req.lang), 303);
  });

  app.post('/petugas/logistik/kejadian/:id/serah-terima', { config: { may: 'logistics.distribute' }, bodyLimit: 256 * 1024, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const victims = victimsOf(f.victims);
    const body = parseForm(handoverBody, { mode: f.mode, place: f.place ?? '', receivedBy: { name: f['receivedBy.name'] ?? '', title: opt(f['receivedBy.title']) }, items: [{ item: f.item ?? '', quantity: num(f.items) ?? NaN }], victims: victims.length ? victims : undefined, shipment: opt(f.shipment) });
    const r = body.ok ? await handOverAid(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    if (!r.ok) return show(req, reply, req.params.id, { handover: { values: f, problems: r.error.problems.map((p) => ({ ...p, field: p.field?.replace(/^items\.\d+\.(quantity|item)$/, 'items').replace(/^victims\.\d+\..*$/, 'victims') })) } }, statusOf(r.error.kind));
    const step = r.value.caseStep;
    const stepNote = !step ? '' : step.completed ? L(req.lang, `; langkah ${step.step} pada berkas selesai`, `; the case's step ${step.step} is done`) : L(req.lang, `; langkah berkas tidak diubah: ${step.why}`, `; the case's step is unchanged: ${step.whyEn}`);
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${req.params.id}?ok=${encodeURIComponent(L(req.lang, `Berita acara ${r.value.number} terbit`, `Record ${r.value.number} issued`) + stepNote)}`, req.lang), 303);
  });

  app.post('/petugas/logistik/kejadian/:id/pengiriman/:shipment', { config: { may: 'logistics.distribute' }, bodyLimit: BODY_LIMIT, schema: { params: z.object({ id: z.string().max(100), shipment: z.string().max(100) }) } }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(shipmentMoveBody, { state: f.state, at: localInputToIso(opt(f.at), office.office.timezone), lat: num(f.lat), lng: num(f.lng), note: opt(f.note), reason: opt(f.reason) });
    const r = body.ok ? await moveShipment(ctx, actor, req.params.shipment, body.value) : body;
    if (!r.ok) return show(req, reply, req.params.id, { shipment: { id: req.params.shipment, state: { values: f, problems: r.error.problems } } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${req.params.id}?ok=${encodeURIComponent(L(req.lang, 'Perjalanan pengiriman dicatat', 'Shipment journey recorded'))}#pengiriman`, req.lang), 303);
  });

  app.post('/petugas/logistik/kejadian/:id/berkas', { config: { may: 'logistics.distribute' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(linkCaseBody, { case: f.case ?? '' });
    const r = body.ok ? await linkIncidentToCase(ctx, officerOf(req).actor, req.params.id, body.value.case) : body;
    if (!r.ok) return show(req, reply, req.params.id, { case: { values: f, problems: r.error.problems.map((p) => ({ ...p, field: 'case' })) } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${req.params.id}?ok=${encodeURIComponent(L(req.lang, `Terhubung ke berkas ${r.value.case}`, `Linked to case ${r.value.case}`))}`, req.lang), 303);
  });

  app.post('/petugas/logistik/kejadian/:id/tutup', { config: { may: 'logistics.close' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(closeBody, { reason: opt(f.reason) });
    const r = body.ok ? await closeIncident(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    if (!r.ok) return show(req, reply, req.params.id, { close: { values: f, problems: r.error.problems.map((p) => ({ ...p, field: 'reason' })) } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${req.params.id}?ok=${encodeURIComponent(L(req.lang, 'Kejadian ditutup', 'Incident closed'))}`, req.lang), 303);
  });

  app.get('/petugas/logistik/kejadian/:id/serah-terima/:file', { config: { may: 'logistics.read' }, schema: { params: z.object({ id: z.string().max(100), file: z.string().max(120) }) } }, async (req, reply) => {
    const r = await downloadHandover(ctx, officerOf(req).actor, req.params.id, req.params.file.replace(/\.pdf$/, ''));
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });
});
