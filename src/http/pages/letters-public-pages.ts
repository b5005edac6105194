/**
 * The letter pages anyone may open: verification by QR token (`/v/<token>`, the check of an
 * uploaded PDF there, and the signature's certificate chain as PEM), and the applicant's download of a signed letter from tracking (a PDF).
 */
import { z } from 'zod';
import { rememberedCode, rememberTracking } from '../track-cookie.js';
import { downloadTrackedLetter } from '../../usecases/letters/download-tracked-letter.js';
import { certificateChain, matchesSigned, verifyLetter } from '../../usecases/letters/verify-letter.js';
import { MAX_CHECKED_PDF, tokenParams } from '../api/letters-schemas.js';
import { L } from '../i18n.js';
import { readOneFile, sendFile, sendHtml } from '../reply.js';
import { verifyPage } from './letters-verify-views.js';
import { withLang } from './layout.js';
import { publicPages } from './plugin.js';

export const lettersPublicPages = publicPages((app, ctx) => {
  app.get('/v/:token', { schema: { params: tokenParams }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const v = await verifyLetter(ctx, req.params.token);
    return v.ok ? sendHtml(reply, verifyPage(req.lang, req.params.token, v.value)) : sendHtml(reply, verifyPage(req.lang, req.params.token, null), 404);
  });

  app.post('/v/:token', { schema: { params: tokenParams }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { lang } = req;
    const { token } = req.params;
    const v = await verifyLetter(ctx, token);
    if (!v.ok) return sendHtml(reply, verifyPage(lang, token, null), 404);
    const { file, tooLarge } = await readOneFile(req, MAX_CHECKED_PDF);
    if (!file)
      return sendHtml(
        reply,
        verifyPage(lang, token, v.value, { error: tooLarge ? L(lang, 'Berkas terlalu besar (maksimal 10 MB)', 'File too large (at most 10 MB)') : L(lang, 'Pilih berkas PDF terlebih dahulu', 'Choose a PDF file first') }),
        422,
      );
    return sendHtml(reply, verifyPage(lang, token, v.value, matchesSigned(v.value, file)));
  });

  app.get('/v/:token/sertifikat.pem', { schema: { params: tokenParams }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const r = await certificateChain(ctx, req.params.token);
    if (!r.ok) return sendHtml(reply, verifyPage(req.lang, req.params.token, null), 404);
    return sendFile(reply, Buffer.from(r.value.pem, 'utf8'), { type: 'application/x-pem-file', fileName: r.value.fileName });
  });

  app.get(
    '/lacak/:number/surat/:id',
    { schema: { params: z.object({ number: z.string().max(40), id: z.string().max(100) }), querystring: z.object({ code: z.string().max(20).optional() }) }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      // The code comes from the tracking view cookie (track-cookie.ts); an old link's `?code=` works once and redirects without it.
      const legacy = req.query.code;
      const code = legacy ?? (await rememberedCode(ctx, req, 'application', req.params.number));
      const r = await downloadTrackedLetter(ctx, req.params.number, code, req.params.id);
      if (!r.ok) return reply.code(404).type('text/plain; charset=utf-8').send('Tidak ditemukan / Not found');
      if (legacy !== undefined) {
        await rememberTracking(ctx, req, reply, 'application', req.params.number, legacy);
        return reply.redirect(withLang(`/lacak/${encodeURIComponent(req.params.number)}/surat/${encodeURIComponent(req.params.id)}`, req.lang), 303);
      }
      return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName });
    },
  );
});
