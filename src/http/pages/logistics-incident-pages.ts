/**
 * Disaster incident pages for staff: the report form, the incident with its assessment, needs,
 * plan, reconciliation, victims and handover form, and each handover's berita acara PDF. Forms are
 * parsed by the JSON API's schemas; a refused form comes back with each problem beside its field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { itemsOf } from '../../db/logistics-repo.js';
import { MAX_ROWS } from '../../domain/logistics/index.js';
import { downloadHandover } from '../../usecases/logistics/download-handover.js';
import { handOverAid } from '../../usecases/logistics/hand-over-aid.js';
import { openIncident } from '../../usecases/logistics/open-incident.js';
import { recordAssessment } from '../../usecases/logistics/record-assessment.js';
import { showIncident } from '../../usecases/logistics/show-incident.js';
import { BODY_LIMIT, handoverBody, incidentBody, incidentRecordBody } from '../api/logistics-schemas.js';
import { idParams } from '../api/schemas.js';
import { allowedIn, officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, parseForm, sendFile, sendHtml, statusOf } from '../reply.js';
import { localInputToIso } from './complaints-forms.js';
import { notFoundPage, withLang } from './layout.js';
import { incidentPage, newIncidentPage, type IncidentForms } from './logistics-incident-views.js';
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

  app.post('/petugas/logistik/kejadian/baru', { config: { may: 'logistics.distribute' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(incidentBody, { title: f.title ?? '', source: f.source, reportedAt: localInputToIso(opt(f.reportedAt), office.office.timezone), location: { text: f['location.text'] ?? '' }, description: f.description ?? '', emergencyReport: opt(f.emergencyReport) });
    const r = body.ok ? await openIncident(ctx, actor, body.value) : body;
    if (!r.ok) return sendHtml(reply, newIncidentPage(shellOf(req), { values: f, problems: r.error.problems }), statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${r.value.id}?ok=${encodeURIComponent(L(req.lang, 'Kejadian dicatat', 'Incident recorded'))}`, req.lang), 303);
  });

  const show = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: IncidentForms & { ok?: string; error?: string } = {}, status = 200) => {
    const o = officerOf(req);
    const r = await showIncident(ctx, o.actor, id);
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    const items = (await itemsOf(ctx.database.db, o.office.id, MAX_ROWS)).map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit }));
    return sendHtml(reply, incidentPage(shellOf(req), { ...r.value, items, mayDistribute: allowedIn(o).includes('logistics.distribute'), flash: { ok: extra.ok, error: extra.error } }, extra), status);
  };

  app.get('/petugas/logistik/kejadian/:id', { config: { may: 'logistics.read' }, schema: { params: idParams, querystring: flashQuery } }, async (req, reply) => show(req, reply, req.params.id, req.query));

  app.post('/petugas/logistik/kejadian/:id/catatan', { config: { may: 'logistics.distribute' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const shaped = f.part === 'assessment' ? { part: 'assessment', note: f.note ?? '', lat: num(f.lat), lng: num(f.lng) } : f.part === 'needs' ? { part: 'needs', note: f.note ?? '' } : { part: 'plan', recipients: f.recipients ?? '', priority: f.priority, when: f.when ?? '', where: f.where ?? '', how: f.how ?? '', transport: opt(f.transport), responsible: f.responsible ?? '' };
    const body = parseForm(incidentRecordBody, shaped);
    const r = body.ok ? await recordAssessment(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    const part = (['assessment', 'needs', 'plan'] as const).find((p) => p === f.part) ?? 'plan';
    if (!r.ok) return show(req, reply, req.params.id, { [part]: { values: f, problems: r.error.problems } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${req.params.id}?ok=${encodeURIComponent(L(req.lang, 'Tersimpan', 'Saved'))}`, req.lang), 303);
  });

  app.post('/petugas/logistik/kejadian/:id/serah-terima', { config: { may: 'logistics.distribute' }, bodyLimit: 256 * 1024, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const victims = victimsOf(f.victims);
    const body = parseForm(handoverBody, { mode: f.mode, place: f.place ?? '', receivedBy: { name: f['receivedBy.name'] ?? '', title: opt(f['receivedBy.title']) }, items: [{ item: f.item ?? '', quantity: num(f.items) ?? NaN }], victims: victims.length ? victims : undefined });
    const r = body.ok ? await handOverAid(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    if (!r.ok) return show(req, reply, req.params.id, { handover: { values: f, problems: r.error.problems.map((p) => ({ ...p, field: p.field?.replace(/^items\.\d+\.(quantity|item)$/, 'items').replace(/^victims\.\d+\..*$/, 'victims') })) } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/kejadian/${req.params.id}?ok=${encodeURIComponent(L(req.lang, `Berita acara ${r.value.number} terbit`, `Record ${r.value.number} issued`))}`, req.lang), 303);
  });

  app.get('/petugas/logistik/kejadian/:id/serah-terima/:file', { config: { may: 'logistics.read' }, schema: { params: z.object({ id: z.string().max(100), file: z.string().max(120) }) } }, async (req, reply) => {
    const r = await downloadHandover(ctx, officerOf(req).actor, req.params.id, req.params.file.replace(/\.pdf$/, ''));
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });
});
