/**
 * Disaster logistics over JSON: warehouses, the item catalogue, stock ledger movements (a dispatch
 * beyond stock is a 422 `insufficient-stock`), a warehouse's stock with its lots, minimum stock.
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
import { BODY_LIMIT, itemBody, itemCreated, minimumBody, movementBody, movementDone, stockList, warehouseBody, warehouseCreated } from './logistics-schemas.js';
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
}
