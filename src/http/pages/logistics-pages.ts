/**
 * Disaster logistics pages for staff: /petugas/logistik (warehouses, catalogue, incidents) and one
 * warehouse's stock with its receipt and dispatch forms, usable by a warehouse keeper on a phone.
 * Forms are parsed by the JSON API's schemas; a refused form comes back with each problem beside its field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import { createItem } from '../../usecases/logistics/create-item.js';
import { createWarehouse } from '../../usecases/logistics/create-warehouse.js';
import { recordMovement } from '../../usecases/logistics/record-movement.js';
import { showLogistics } from '../../usecases/logistics/show-logistics.js';
import { showWarehouse } from '../../usecases/logistics/show-warehouse.js';
import { BODY_LIMIT, itemBody, movementBody, releaseGateBody, warehouseBody } from '../api/logistics-schemas.js';
import { setReleaseGate } from '../../usecases/logistics/set-release-gate.js';
import { idParams } from '../api/schemas.js';
import { allowedIn, officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, parseForm, sendFile, sendHtml, statusOf } from '../reply.js';
import { html } from './html.js';
import { notFoundPage, staffPage, withLang } from './layout.js';
import { overviewPage, warehousePage, type FormState } from './logistics-views.js';
import { publicPages, shellOf, staffPages } from './plugin.js';
import { downloadPublicHandover, downloadStockDocument } from '../../usecases/logistics/download-handover.js';

const flashQuery = z.object({ ok: z.string().max(500).optional(), error: z.string().max(2000).optional() });
const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const int = (v: string | undefined) => (v && v.trim() ? Number(v.trim()) : NaN);

/** The movement forms → the body of POST /api/v1/logistics/movements. */
export const movementBodyOf = (warehouse: string, f: Record<string, string>) => ({
  warehouse,
  item: f.item ?? '',
  kind: f.kind,
  quantity: int(f.quantity),
  lot: opt(f.lot),
  expiresOn: opt(f.expiresOn),
  reason: opt(f.reason),
  incident: opt(f.incident),
  funding: opt(f.funding),
  condition: opt(f.condition),
  handedOverBy: opt(f.handedOverBy),
  receivedBy: opt(f.receivedBy),
  destination: opt(f.destination),
  witness: opt(f.witness),
});

export const logisticsStaffPages = staffPages((app, ctx) => {
  const overview = async (req: FastifyRequest, reply: FastifyReply, extra: { warehouseForm?: FormState; itemForm?: FormState; ok?: string; error?: string } = {}, status = 200) => {
    const o = officerOf(req);
    const r = await showLogistics(ctx, o.actor);
    if (!r.ok) return sendHtml(reply, staffPage(shellOf(req), { title: '403', path: '/petugas/logistik', body: html`<p role="alert">${r.error.problems[0]?.message}</p>` }), statusOf(r.error.kind));
    const allowed = allowedIn(o);
    return sendHtml(reply, overviewPage(shellOf(req), { ...r.value, mayStock: allowed.includes('logistics.stock'), mayDistribute: allowed.includes('logistics.distribute'), flash: { ok: extra.ok, error: extra.error }, warehouseForm: extra.warehouseForm, itemForm: extra.itemForm }), status);
  };

  app.get('/petugas/logistik', { config: { may: 'logistics.read' }, schema: { querystring: flashQuery } }, async (req, reply) => overview(req, reply, req.query));

  app.post('/petugas/logistik/gudang', { config: { may: 'logistics.stock' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(warehouseBody, { office: office.office.slug, name: f.name ?? '', kind: f.kind, area: opt(f.area), custodian: opt(f.custodian), releaseGate: opt(f.releaseGate) });
    const r = body.ok ? await createWarehouse(ctx, actor, body.value) : body;
    if (!r.ok) return overview(req, reply, { warehouseForm: { values: f, problems: r.error.problems } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/gudang/${r.value.id}?ok=${encodeURIComponent(L(req.lang, 'Gudang disimpan', 'Warehouse saved'))}`, req.lang), 303);
  });

  app.post('/petugas/logistik/barang', { config: { may: 'logistics.stock' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(itemBody, { office: office.office.slug, code: f.code ?? '', name: f.name ?? '', unit: f.unit });
    const r = body.ok ? await createItem(ctx, actor, body.value) : body;
    if (!r.ok) return overview(req, reply, { itemForm: { values: f, problems: r.error.problems } }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik?ok=${encodeURIComponent(L(req.lang, `Barang ${r.value.code} disimpan`, `Item ${r.value.code} saved`))}`, req.lang), 303);
  });

  const warehouse = async (req: FastifyRequest, reply: FastifyReply, id: string, extra: { receipt?: FormState; dispatch?: FormState; ok?: string; error?: string } = {}, status = 200) => {
    const o = officerOf(req);
    const r = await showWarehouse(ctx, o.actor, id);
    if (!r.ok) return sendHtml(reply, staffPage(shellOf(req), { title: '404', path: '/petugas/logistik', body: html`<h1>404</h1><p role="alert">${L(req.lang, r.error.problems[0]!.message, r.error.problems[0]!.messageEn)}</p><p><a href="${withLang('/petugas/logistik', req.lang)}">${L(req.lang, 'Logistik bencana', 'Disaster logistics')}</a></p>` }), statusOf(r.error.kind));
    return sendHtml(reply, warehousePage(shellOf(req), { ...r.value, mayStock: allowedIn(o).includes('logistics.stock'), mayGate: allowedIn(o).includes('logistics.close'), flash: { ok: extra.ok, error: extra.error }, receipt: extra.receipt, dispatch: extra.dispatch }), status);
  };

  app.get('/petugas/logistik/gudang/:id', { config: { may: 'logistics.read' }, schema: { params: idParams, querystring: flashQuery } }, async (req, reply) => warehouse(req, reply, req.params.id, req.query));

  app.post('/petugas/logistik/gudang/:id/mutasi', { config: { may: 'logistics.stock' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(movementBody, movementBodyOf(req.params.id, f));
    const r = body.ok ? await recordMovement(ctx, officerOf(req).actor, body.value) : body;
    if (!r.ok) {
      const state: FormState = { values: f, problems: r.error.problems as readonly Problem[] };
      return warehouse(req, reply, req.params.id, f.kind === 'receipt' ? { receipt: state } : { dispatch: state }, statusOf(r.error.kind));
    }
    const doc = r.value.document ? L(req.lang, `; berita acara ${r.value.document.number}`, `; record ${r.value.document.number}`) : '';
    const done = L(req.lang, `Tercatat: ${r.value.quantity} (${r.value.picks.map((p) => `${p.lot}: ${p.quantity}`).join(', ')}); stok kini ${r.value.onHand}`, `Recorded: ${r.value.quantity} (${r.value.picks.map((p) => `${p.lot}: ${p.quantity}`).join(', ')}); now ${r.value.onHand} on hand`) + doc;
    return reply.redirect(withLang(`/petugas/logistik/gudang/${req.params.id}?ok=${encodeURIComponent(done)}`, req.lang), 303);
  });

  app.post('/petugas/logistik/gudang/:id/syarat', { config: { may: 'logistics.close' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const body = parseForm(releaseGateBody, { releaseGate: formFields(req.body).releaseGate });
    const r = body.ok ? await setReleaseGate(ctx, officerOf(req).actor, req.params.id, body.value.releaseGate) : body;
    if (!r.ok) return warehouse(req, reply, req.params.id, { error: L(req.lang, r.error.problems[0]!.message, r.error.problems[0]!.messageEn) }, statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/logistik/gudang/${req.params.id}?ok=${encodeURIComponent(L(req.lang, 'Syarat pengeluaran disimpan', 'Release condition saved'))}`, req.lang), 303);
  });

  // A receipt's or write-off's berita acara, for the office's officers.
  app.get('/petugas/logistik/gudang/:id/berita-acara/:file', { config: { may: 'logistics.read' }, schema: { params: z.object({ id: z.string().max(100), file: z.string().max(120) }) } }, async (req, reply) => {
    const r = await downloadStockDocument(ctx, officerOf(req).actor, req.params.file.replace(/\.pdf$/, ''));
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });
});

/** The QR code of a Berita Acara Serah Terima leads here: the signed public copy, NIK masked. */
export const logisticsPublicPages = publicPages((app, ctx) => {
  app.get('/logistik/berita-acara/:token', { schema: { params: z.object({ token: z.string().max(100) }) } }, async (req, reply) => {
    const r = await downloadPublicHandover(ctx, req.params.token);
    if (!r.ok) return sendHtml(reply, notFoundPage(req.lang, req.url), 404);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });
});
