/**
 * Public webhooks of the notification providers (issue 16, docs/NOTIFICATIONS.md): WhatsApp Cloud
 * API (GET subscription check, POST statuses and inbound messages signed with X-Hub-Signature-256)
 * and Twilio's SMS status callbacks (X-Twilio-Signature). One address per office, so each request is
 * checked with that office's own secret before anything in it is believed. JSON bodies are kept
 * raw in this scope only: the signature is over the exact bytes. Also the citizen's choice of
 * channels over JSON (notifyChoiceRoutes), authorised by the tracking code.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officeNotify, smsReady } from '../../usecases/notifications/notify-settings.js';
import { recordDeliveryReports, type Delivery, type DeliveryReport } from '../../usecases/notifications/record-delivery-reports.js';
import { recordInboundMessages } from '../../usecases/notifications/record-inbound-messages.js';
import { twilioSignatureValid } from '../../io/sms-twilio.js';
import { whatsappSignatureValid } from '../../io/whatsapp-cloud.js';
import type { CapabilityOptions } from '../pages/plugin.js';
import { sendError } from '../reply.js';
import { fail, failWith } from '../../domain/errors.js';
import { findTrackedCase } from '../../usecases/applications/find-tracked-case.js';
import type { Ctx } from '../../usecases/context.js';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { chooseChannels } from '../../usecases/notifications/choose-channels.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { notifyChangeBody, notifyChanged } from './notifications-schemas.js';
import { errors } from './schemas.js';

/** A provider's callback is small; 256 KiB holds a full batch of statuses with room to spare. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

const officeParams = z.object({ office: z.string().max(100) });
const accepted = z.object({ ok: z.literal(true), recorded: z.number().int() });

const waStatus = z.object({
  id: z.string().max(200),
  status: z.string().max(40),
  timestamp: z.string().max(20).optional(),
  recipient_id: z.string().max(40).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().max(500).optional(), message: z.string().max(500).optional() })).max(10).optional(),
});
const waMessage = z.object({ from: z.string().max(40), id: z.string().max(200), timestamp: z.string().max(20), type: z.string().max(40) });
/** The Cloud API's notification: only the parts Sigap reads are named; arrays are bounded. */
const waNotification = z.object({
  object: z.string().max(60),
  entry: z
    .array(
      z.object({
        id: z.string().max(60),
        changes: z
          .array(
            z.object({
              field: z.string().max(60),
              value: z.object({
                messaging_product: z.string().max(20).optional(),
                metadata: z.object({ phone_number_id: z.string().max(40) }).optional(),
                statuses: z.array(waStatus).max(1000).optional(),
                messages: z.array(waMessage).max(1000).optional(),
              }),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});

const verifyQuery = z.object({ 'hub.mode': z.string().max(40).optional(), 'hub.verify_token': z.string().max(200).optional(), 'hub.challenge': z.string().max(200).optional() });

/** Twilio's status callback: form-encoded; every field is passed to the signature check as received. */
const smsStatus = z.record(z.string().max(100), z.string().max(2000)).refine((b) => Object.keys(b).length <= 60, { message: 'too many fields' });
const smsQuery = z.object({ attempt: z.string().max(100).optional() });

const WA_STATES: Record<string, Delivery> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };
const SMS_STATES: Record<string, Delivery> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed', undelivered: 'failed' };

const raw = new WeakMap<FastifyRequest, string>();

export const notificationsRoutes: FastifyPluginAsync<CapabilityOptions> = async (scope, { ctx }) => {
  // In this scope only: JSON is parsed from a kept copy of its bytes (the signature is over them).
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (req, body, done) => {
    raw.set(req, body as string);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      const e = new Error('Badan permintaan bukan JSON yang sah / The body is not valid JSON') as Error & { statusCode: number };
      e.statusCode = 400;
      done(e, undefined);
    }
  });
  const app = scope.withTypeProvider<ZodTypeProvider>();
  // Providers send in bursts (a status per message per state); the bound is per address, so a flood from one place stays cheap.
  const open = { access: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } } as const;
  const tags = ['notifications'];
  const officeOf = (slug: string) => ctx.catalogue.findOffice(slug);
  const notFound = (reply: Parameters<typeof sendError>[0]) => sendError(reply, 404, 'not-found', 'Kantor tidak ditemukan', 'Office not found');
  const forged = (reply: Parameters<typeof sendError>[0]) =>
    sendError(reply, 403, 'bad-signature', 'Tanda tangan webhook tidak sah; permintaan diabaikan', 'Invalid webhook signature; the request was ignored');

  app.get(
    '/api/v1/notifications/whatsapp/:office',
    { config: open, schema: { tags, summary: 'Verifikasi webhook WhatsApp / WhatsApp webhook subscription check', params: officeParams, querystring: verifyQuery, response: { 200: z.string(), ...errors(403, 404) } } },
    async (req, reply) => {
      const office = officeOf(req.params.office);
      if (!office.ok) return notFound(reply);
      const n = await officeNotify(ctx, office.value.id);
      const q = req.query;
      if (q['hub.mode'] !== 'subscribe' || !n.secrets.whatsappVerifyToken || q['hub.verify_token'] !== n.secrets.whatsappVerifyToken || !q['hub.challenge'])
        return sendError(reply, 403, 'bad-verify-token', 'Token verifikasi tidak cocok', 'The verify token does not match');
      return reply.type('text/plain; charset=utf-8').send(q['hub.challenge']);
    },
  );

  app.post(
    '/api/v1/notifications/whatsapp/:office',
    { config: open, bodyLimit: WEBHOOK_BODY_LIMIT, schema: { tags, summary: 'Status dan pesan masuk WhatsApp / WhatsApp statuses and inbound messages', params: officeParams, body: waNotification, response: { 200: accepted, ...errors(400, 403, 404) } } },
    async (req, reply) => {
      const office = officeOf(req.params.office);
      if (!office.ok) return notFound(reply);
      const n = await officeNotify(ctx, office.value.id);
      const sig = req.headers['x-hub-signature-256'];
      if (!n.secrets.whatsappAppSecret || !whatsappSignatureValid(n.secrets.whatsappAppSecret, raw.get(req) ?? '', typeof sig === 'string' ? sig : undefined)) return forged(reply);
      const values = req.body.entry.flatMap((e) => e.changes.filter((c) => c.field === 'messages').map((c) => c.value));
      // Another number's notifications (one Meta app may serve several) are not this office's.
      const mine = values.filter((v) => !v.metadata || !n.settings.whatsapp || v.metadata.phone_number_id === n.settings.whatsapp.phoneNumberId);
      const reports: DeliveryReport[] = mine.flatMap((v) =>
        (v.statuses ?? []).flatMap((s) => {
          const status = WA_STATES[s.status];
          if (!status) return [];
          const err = s.errors?.[0];
          return [{ providerId: s.id, attemptId: s.biz_opaque_callback_data ?? null, status, error: err ? `${err.code ?? ''} ${err.title ?? err.message ?? ''}`.trim() : null }];
        }),
      );
      const inbound = mine.flatMap((v) => (v.messages ?? []).map((m) => ({ from: m.from, at: new Date(Number(m.timestamp) * 1000).toISOString() }))).filter((m) => !m.at.startsWith('Invalid'));
      await recordInboundMessages(ctx, office.value.id, inbound);
      const r = await recordDeliveryReports(ctx, office.value.id, 'whatsapp', reports);
      return { ok: true as const, recorded: r.recorded };
    },
  );

  app.post(
    '/api/v1/notifications/sms/:office/status',
    { config: open, bodyLimit: 32 * 1024, schema: { tags, summary: 'Laporan status SMS (Twilio) / SMS status callback (Twilio)', params: officeParams, querystring: smsQuery, body: smsStatus, response: { 200: accepted, ...errors(400, 403, 404) } } },
    async (req, reply) => {
      const office = officeOf(req.params.office);
      if (!office.ok) return notFound(reply);
      const n = await officeNotify(ctx, office.value.id);
      const sig = req.headers['x-twilio-signature'];
      // Twilio signs the URL it called: our public address and the path with its query, exactly.
      const url = `${ctx.publicBaseUrl.replace(/\/$/, '')}${req.url}`;
      if (!smsReady(n) || !twilioSignatureValid(n.secrets.smsAuthToken!, url, req.body, typeof sig === 'string' ? sig : undefined)) return forged(reply);
      const status = SMS_STATES[req.body.MessageStatus ?? ''];
      if (!status) return { ok: true as const, recorded: 0 };
      const error = req.body.ErrorCode ? `Twilio ${req.body.ErrorCode}` : null;
      const r = await recordDeliveryReports(ctx, office.value.id, 'sms', [{ providerId: req.body.MessageSid ?? null, attemptId: req.query.attempt ?? null, status, error }]);
      return { ok: true as const, recorded: r.recorded };
    },
  );
};

const numberParams = z.object({ registrationNumber: z.string().max(40) });

/** The citizen's choice of channels over JSON (the tracking page's "Ubah cara dikabari" form as an API), authorised by the tracking code. */
export function notifyChoiceRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/applications/:registrationNumber/notify',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['applications'],
        summary: 'Ubah saluran kabar atau berhenti (dengan kode pelacakan) / Change the news channels or stop them (with the tracking code)',
        params: numberParams,
        body: notifyChangeBody,
        response: { 200: notifyChanged, ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const found = await findTrackedCase(ctx, req.params.registrationNumber, req.body.code);
      if (!found) return sendFailure(reply, failWith('not-found', 'application-not-found', 'Nomor registrasi atau kode pelacakan tidak cocok', 'Registration number or tracking code does not match').error);
      const { channels, stop } = req.body;
      if ((channels === undefined) === (stop === undefined))
        return sendFailure(reply, fail('invalid', { field: 'channels', code: 'channels-or-stop', message: 'Kirim channels (daftar saluran) atau stop: true, salah satu', messageEn: 'Send either channels (a list) or stop: true' }).error);
      const r = await chooseChannels(ctx, found, { ...PUBLIC_ACTOR, name: 'Pemohon (API)' }, stop ? { stop: 'all' } : { channels: channels! }, 'api');
      if (!r.ok) return sendFailure(reply, r.error);
      return r.value;
    },
  );
}
