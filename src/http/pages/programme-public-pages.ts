/**
 * Public pages of assistance programmes under /kantor/<slug>/program: the programmes with their
 * decreed periods, a programme's recipients per period (stays online after the period ends) and the
 * self-check by NIK + KK (rate-limited like the tracking look-up, every check logged).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../usecases/context.js';
import { checkOwnRegistration } from '../../usecases/programmes/check-own-registration.js';
import { readPublicPeriods, readPublicProgrammes, readPublicRecipients } from '../../usecases/programmes/read-public-recipients.js';
import { PUBLIC_LIST_RATE, SELF_CHECK_RATE } from '../api/programme-groups-routes.js';
import { publicProgrammeParams, selfCheckBody } from '../api/programme-groups-schemas.js';
import { slugParams } from '../api/schemas.js';
import { formFields, sendHtml } from '../reply.js';
import { publicPages, type ZodApp } from './plugin.js';
import { publicProgrammePage, publicProgrammesPage, type PublicProgrammeData } from './programme-public-views.js';

const listQuery = z.object({ periode: z.string().regex(/^\d{4}$/).optional().or(z.literal('')), halaman: z.coerce.number().int().min(0).max(500).default(0) });

function registerPublic(app: ZodApp, ctx: Ctx): void {
  app.get('/kantor/:slug/program', { schema: { params: slugParams }, config: { rateLimit: PUBLIC_LIST_RATE } }, async (req, reply) => {
    const r = await readPublicProgrammes(ctx, req.params.slug);
    if (!r.ok) return reply.callNotFound();
    return sendHtml(reply, publicProgrammesPage(req.lang, { slug: req.params.slug, ...r.value }));
  });

  const programmeView = async (req: FastifyRequest, reply: FastifyReply, slug: string, programme: string, period: string | null, pageNo: number, check?: PublicProgrammeData['check']) => {
    const base = await readPublicPeriods(ctx, slug, programme);
    if (!base.ok) return reply.callNotFound();
    let list: PublicProgrammeData['list'];
    if (period) {
      const r = await readPublicRecipients(ctx, slug, programme, period, pageNo);
      if (!r.ok) return reply.callNotFound();
      list = r.value;
    }
    const status = check?.problems?.length ? 422 : 200;
    return sendHtml(reply, publicProgrammePage(req.lang, { slug, ...base.value, list, check }), status);
  };

  app.get('/kantor/:slug/program/:programme', { schema: { params: publicProgrammeParams, querystring: listQuery }, config: { rateLimit: PUBLIC_LIST_RATE } }, (req, reply) =>
    programmeView(req, reply, req.params.slug, req.params.programme, req.query.periode || null, req.query.halaman),
  );

  app.post('/kantor/:slug/program/:programme/cek', { schema: { params: publicProgrammeParams }, config: { rateLimit: SELF_CHECK_RATE } }, async (req, reply) => {
    const { slug, programme } = req.params;
    const values = formFields(req.body);
    const form = selfCheckBody.safeParse({ nik: values.nik ?? '', kk: values.kk ?? '' });
    if (!form.success) return programmeView(req, reply, slug, programme, null, 0, { problems: [{ code: 'invalid', field: 'nik', message: 'NIK dan nomor KK wajib diisi', messageEn: 'The NIK and the KK number are required' }], values });
    const r = await checkOwnRegistration(ctx, slug, programme, form.data);
    if (!r.ok) return r.error.kind === 'not-found' ? reply.callNotFound() : programmeView(req, reply, slug, programme, null, 0, { problems: r.error.problems, values });
    // The numbers are not echoed back: the answer stands alone.
    return programmeView(req, reply, slug, programme, null, 0, { answer: r.value });
  });
}

export const programmePublicPages = publicPages(registerPublic);
