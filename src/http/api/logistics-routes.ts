/**
 * Disaster logistics over JSON: warehouses, the item catalogue, stock ledger movements (a dispatch
 * beyond stock is a 422 `insufficient-stock`), a warehouse's stock with its lots, minimum stock;
 * incidents, shipments (in transit, arrived, returned), handovers, closure, the case an incident serves.
 * Thin: each route parses, calls one use case and maps its answer.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Outcome } from '../../domain/errors.js';
import type { Ctx } from '../../usecases/context.js';
import { createItem } from '../../usecases/logistics/create-item.js';
import { createWarehouse } from '../../usecases/logistics/create-warehouse.js';
import { recordMovement } from '../../usecases/logistics/record-movement.js';
import { setMinimum } from '../../usecases/logistics/set-minimum.js';
import { showStock } from '../../usecases/logistics/show-stock.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { downloadHandover, downloadStockDocument } from '../../usecases/logistics/download-handover.js';
import { closeIncident } from '../../usecases/logistics/close-incident.js';
import { linkIncidentToCase } from '../../usecases/logistics/incident-case.js';
import { moveShipment } from '../../usecases/logistics/move-shipment.js';
import { setReleaseGate } from '../../usecases/logistics/set-release-gate.js';
import { handOverAid } from '../../usecases/logistics/hand-over-aid.js';
import { openIncident } from '../../usecases/logistics/open-incident.js';
import { recordAssessment } from '../../usecases/logistics/record-assessment.js';
import { recordFieldLoss } from '../../usecases/logistics/record-field-loss.js';
import { showIncident } from '../../usecases/logistics/show-incident.js';
import { sendFile } from '../reply.js';
import {
  BODY_LIMIT,
  closeBody,
  closureSchema,
  fieldLossBody,
  linkCaseBody,
  releaseGateBody,
  shipmentMoveBody,
  shipmentMoved,
  handedOver,
  handoverBody,
  handoverParams,
  incidentBody,
  incidentOpened,
  incidentRecordBody,
  incidentSchema,
  itemBody,
  itemCreated,
  minimumBody,
  movementBody,
  movementDone,
  stockList,
  warehouseBody,
  warehouseCreated,
} from './logistics-schemas.js';
import { errors, idParams } from './schemas.js';

const answer = <T>(reply: FastifyReply, r: Outcome<T>, status = 200) => (r.ok ? reply.code(status).send(r.value) : sendFailure(reply, r.error));
const tags = ['logistics'];

export function logisticsRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/logistics/warehouses',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.stock' }, schema: { tags, summary: 'Daftarkan gudang / lumbung sosial — Register a warehouse', body: warehouseBody, response: { 201: warehouseCreated, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await createWarehouse(ctx, officerOf(req).actor, req.body), 201),
  );

  app.post(
    '/api/v1/logistics/items',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.stock' }, schema: { tags, summary: 'Tambah barang ke katalog — Add a catalogue item', body: itemBody, response: { 201: itemCreated, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await createItem(ctx, officerOf(req).actor, req.body), 201),
  );

  app.post(
    '/api/v1/logistics/movements',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: 'staff', may: 'logistics.stock' },
      schema: { tags, summary: 'Catat penerimaan, pengeluaran, penyesuaian, penghapusan atau pengembalian stok — Record a stock movement', body: movementBody, response: { 201: movementDone, ...errors(401, 403, 404, 409, 422) } },
    },
    async (req, reply) => answer(reply, await recordMovement(ctx, officerOf(req).actor, req.body), 201),
  );

  app.get(
    '/api/v1/logistics/warehouses/:id/stock',
    { config: { access: 'staff', may: 'logistics.read' }, schema: { tags, summary: 'Stok gudang per barang dan lot — Stock on hand by item and lot', params: idParams, response: { 200: stockList, ...errors(401, 403, 404) } } },
    async (req, reply) => {
      const r = await showStock(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? r.value.stock : sendFailure(reply, r.error);
    },
  );

  app.put(
    '/api/v1/logistics/warehouses/:id/minimums',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.stock' }, schema: { tags, summary: 'Atur stok minimum barang di gudang — Set an item’s minimum stock', params: idParams, body: minimumBody, response: { 200: z.object({ item: z.string(), minimum: z.number().int() }), ...errors(401, 403, 404, 422) } } },
    async (req, reply) => answer(reply, await setMinimum(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/logistics/incidents',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.distribute' }, schema: { tags, summary: 'Catat kejadian bencana — Open a disaster incident', body: incidentBody, response: { 201: incidentOpened, ...errors(401, 403, 404, 422) } } },
    async (req, reply) => answer(reply, await openIncident(ctx, officerOf(req).actor, req.body), 201),
  );

  app.get(
    '/api/v1/logistics/incidents/:id',
    { config: { access: 'staff', may: 'logistics.read' }, schema: { tags, summary: 'Kejadian: assessment, rencana, rekonsiliasi, serah terima, korban — An incident', params: idParams, response: { 200: incidentSchema, ...errors(401, 403, 404) } } },
    async (req, reply) => answer(reply, await showIncident(ctx, officerOf(req).actor, req.params.id)),
  );

  app.post(
    '/api/v1/logistics/incidents/:id/records',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.distribute' }, schema: { tags, summary: 'Catat assessment TAGANA, analisis kebutuhan atau rencana distribusi — Record assessment, needs or plan', params: idParams, body: incidentRecordBody, response: { 200: z.object({ id: z.string(), part: z.string() }), ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await recordAssessment(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/logistics/incidents/:id/handovers',
    { bodyLimit: 256 * 1024, config: { access: 'staff', may: 'logistics.distribute' }, schema: { tags, summary: 'Serah terima bantuan dengan berita acara — Hand aid over with a numbered berita acara', params: idParams, body: handoverBody, response: { 201: handedOver, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await handOverAid(ctx, officerOf(req).actor, req.params.id, req.body), 201),
  );

  app.post(
    '/api/v1/logistics/incidents/:id/field-losses',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.distribute' }, schema: { tags, summary: 'Catat barang rusak/hilang di lapangan — Record a field loss', params: idParams, body: fieldLossBody, response: { 201: z.object({ item: z.string(), outstanding: z.number().int() }), ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await recordFieldLoss(ctx, officerOf(req).actor, req.params.id, req.body), 201),
  );

  app.get(
    '/api/v1/logistics/incidents/:id/handovers/:handover/pdf',
    { config: { access: 'staff', may: 'logistics.read' }, schema: { tags, summary: 'PDF berita acara serah terima (salinan lengkap) — The handover record PDF', params: handoverParams, response: errors(401, 403, 404) } },
    async (req, reply) => {
      const r = await downloadHandover(ctx, officerOf(req).actor, req.params.id, req.params.handover);
      return r.ok ? sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName }) : sendFailure(reply, r.error);
    },
  );

  app.put(
    '/api/v1/logistics/warehouses/:id/release-gate',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.close' }, schema: { tags, summary: 'Atur syarat pengeluaran barang (status tanggap darurat) — Set a warehouse’s release condition', params: idParams, body: releaseGateBody, response: { 200: z.object({ id: z.string(), releaseGate: releaseGateBody.shape.releaseGate }), ...errors(401, 403, 404, 422) } } },
    async (req, reply) => answer(reply, await setReleaseGate(ctx, officerOf(req).actor, req.params.id, req.body.releaseGate)),
  );

  app.post(
    '/api/v1/logistics/shipments/:id/events',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.distribute' }, schema: { tags, summary: 'Catat pengiriman dalam perjalanan, tiba di posko, atau dikembalikan ke gudang — Record a shipment in transit, arrived, or returned', params: idParams, body: shipmentMoveBody, response: { 200: shipmentMoved, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await moveShipment(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/logistics/incidents/:id/close',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.close' }, schema: { tags, summary: 'Tutup kejadian (rekonsiliasi seimbang atau alasan tertulis) — Close an incident', params: idParams, body: closeBody, response: { 200: closureSchema, ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await closeIncident(ctx, officerOf(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/logistics/incidents/:id/case',
    { bodyLimit: BODY_LIMIT, config: { access: 'staff', may: 'logistics.distribute' }, schema: { tags, summary: 'Hubungkan kejadian ke berkas layanan bantuan bencana — Link an incident to its disaster aid case', params: idParams, body: linkCaseBody, response: { 200: z.object({ id: z.string(), case: z.string() }), ...errors(401, 403, 404, 409, 422) } } },
    async (req, reply) => answer(reply, await linkIncidentToCase(ctx, officerOf(req).actor, req.params.id, req.body.case)),
  );

  app.get(
    '/api/v1/logistics/documents/:id/pdf',
    { config: { access: 'staff', may: 'logistics.read' }, schema: { tags, summary: 'PDF berita acara penerimaan atau penghapusan — The receipt or write-off record PDF', params: idParams, response: errors(401, 403, 404) } },
    async (req, reply) => {
      const r = await downloadStockDocument(ctx, officerOf(req).actor, req.params.id);
      return r.ok ? sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName }) : sendFailure(reply, r.error);
    },
  );
}
