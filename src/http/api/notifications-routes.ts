/** The citizen's choice of channels over JSON (the tracking page's "Ubah cara dikabari" form as an API), authorised by the tracking code. */
import { z } from 'zod';
import { fail, failWith } from '../../domain/errors.js';
import { findTrackedCase } from '../../usecases/applications/find-tracked-case.js';
import type { Ctx } from '../../usecases/context.js';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { chooseChannels } from '../../usecases/notifications/choose-channels.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { notifyChangeBody, notifyChanged } from './notifications-schemas.js';
import { errors } from './schemas.js';

const numberParams = z.object({ registrationNumber: z.string().max(40) });

export function notificationsRoutes(app: ZodApp, ctx: Ctx): void {
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
