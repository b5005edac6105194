/**
 * The in-kind delivery and closing API (docs/PROGRAMMES.md "Deliveries and closing"): a cycle's
 * delivery sheet, one delivery (or failure) per recipient, and the head's closing. Thin: parse, call
 * one use case, map the answer.
 */
import { z } from 'zod';
import { CYCLE_PAGE, CYCLE_STATUSES, PAYMENTS } from '../../domain/programmes/cycles.js';
import { MAX_REASON, MAX_RECEIVER, MAX_RELATION } from '../../domain/programmes/deliveries.js';
import type { Ctx } from '../../usecases/context.js';
import { closeCycle } from '../../usecases/programmes/close-cycle.js';
import { readDeliveries } from '../../usecases/programmes/read-deliveries.js';
import { recordDelivery } from '../../usecases/programmes/record-delivery.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { cycleSummary, reconciliation } from './programme-cycles-schemas.js';
import { cycleJson } from './programme-cycles-routes.js';
import { errors, idParams } from './schemas.js';

const tags = ['programmes'];

export const deliveryBody = z.object({
  recipient: z.string().min(1, { message: 'Pilih penerima / Choose the recipient' }).max(100),
  result: z.enum(['delivered', 'failed'], { message: 'Pilih: diterima atau gagal / Choose: delivered or failed' }),
  receiverName: z.string().trim().max(MAX_RECEIVER, { message: `Nama penerima paling banyak ${MAX_RECEIVER} karakter / At most ${MAX_RECEIVER} characters` }).nullable().optional(),
  relation: z.string().trim().max(MAX_RELATION, { message: `Hubungan paling banyak ${MAX_RELATION} karakter / At most ${MAX_RELATION} characters` }).nullable().optional(),
  at: z.string().max(40).nullable().optional(),
  lat: z.number({ message: 'Lintang berupa angka / Latitude is a number' }).min(-90, { message: 'Lintang antara -90 dan 90 / Latitude is between -90 and 90' }).max(90, { message: 'Lintang antara -90 dan 90 / Latitude is between -90 and 90' }).nullable().optional(),
  lng: z.number({ message: 'Bujur berupa angka / Longitude is a number' }).min(-180, { message: 'Bujur antara -180 dan 180 / Longitude is between -180 and 180' }).max(180, { message: 'Bujur antara -180 dan 180 / Longitude is between -180 and 180' }).nullable().optional(),
  photo: z.string().max(100).nullable().optional(),
  checks: z.array(z.string().max(60)).max(10).optional(),
  reason: z.string().trim().max(MAX_REASON, { message: `Alasan paling banyak ${MAX_REASON} karakter / At most ${MAX_REASON} characters` }).nullable().optional(),
});
export const closeBody = z.object({ version: z.number().int().min(1).max(1_000_000), note: z.string().trim().max(MAX_REASON, { message: `Alasan paling banyak ${MAX_REASON} karakter / At most ${MAX_REASON} characters` }).nullable().optional() });
const sheetQuery = z.object({ payment: z.enum(PAYMENTS).optional(), page: z.coerce.number().int().min(0).max(10_000).default(0) });
const delivery = z.object({ result: z.enum(['delivered', 'failed']), receiverName: z.string().nullable(), relation: z.string().nullable(), at: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable(), photo: z.string().nullable(), checks: z.array(z.string()), reason: z.string().nullable(), recordedBy: z.string(), recordedAt: z.string() });
const sheet = z.object({
  cycle: cycleSummary,
  reconciliation,
  checks: z.array(z.object({ id: z.string(), text: z.string() })),
  recipients: z.array(z.object({ id: z.string(), nik: z.string(), name: z.string(), village: z.string().nullable(), payment: z.enum(PAYMENTS), flag: z.string().nullable(), delivery: delivery.nullable() })),
  pageSize: z.literal(CYCLE_PAGE),
  more: z.boolean(),
});

export function programmeDeliveriesRoutes(app: ZodApp, ctx: Ctx): void {
  app.get(
    '/api/v1/programmes/cycles/:id/deliveries',
    { config: { access: 'staff', may: 'programmes.read' }, schema: { tags, summary: 'Lembar penyaluran barang: penerima dan bukti penyaluran terakhir (NIK tersamar; dicatat) / In-kind delivery sheet', params: idParams, querystring: sheetQuery, response: { 200: sheet, ...errors(403, 404) } } },
    async (req, reply) => {
      const r = await readDeliveries(ctx, officerOf(req).actor, req.params.id, { payment: req.query.payment }, req.query.page);
      if (!r.ok) return sendFailure(reply, r.error);
      const v = r.value;
      return {
        cycle: cycleJson(v.cycle),
        reconciliation: v.reconciliation,
        checks: v.checks,
        recipients: v.recipients.filter((x) => x.status === 'included').map((x) => {
          const d = v.latest.get(x.id);
          return {
            id: x.id,
            nik: x.nik,
            name: x.name,
            village: x.village,
            payment: x.payment,
            flag: x.flag,
            delivery: d ? { result: d.result === 'failed' ? ('failed' as const) : ('delivered' as const), receiverName: d.receiver_name, relation: d.relation, at: d.delivered_at, lat: d.lat, lng: d.lng, photo: d.photo_upload_id, checks: JSON.parse(d.checks) as string[], reason: d.reason, recordedBy: d.recorded_by, recordedAt: d.recorded_at } : null,
          };
        }),
        pageSize: CYCLE_PAGE as typeof CYCLE_PAGE,
        more: v.more,
      };
    },
  );

  app.post(
    '/api/v1/programmes/cycles/:id/deliveries',
    { config: { access: 'staff', may: 'programmes.disburse' }, schema: { tags, summary: 'Catat penyaluran barang di alamat penerima (penerima barang, waktu, posisi, foto, pemeriksaan kondisi) atau kegagalannya / Record an in-kind delivery or its failure', params: idParams, body: deliveryBody, response: { 201: z.object({ id: z.string(), result: z.enum(['delivered', 'failed']), cycleStatus: z.enum(CYCLE_STATUSES), reconciliation }), ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const { recipient, ...input } = req.body;
      const r = await recordDelivery(ctx, officerOf(req).actor, req.params.id, recipient, input);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/cycles/:id/closure',
    { config: { access: 'staff', may: 'programmes.approve' }, schema: { tags, summary: 'Tutup siklus yang lunas/tersalurkan (kegagalan tersisa dihapusbukukan dengan alasan) / Close a paid or delivered cycle', params: idParams, body: closeBody, response: { 200: z.object({ writtenOff: z.number().int(), reconciliation }), ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await closeCycle(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );
}
