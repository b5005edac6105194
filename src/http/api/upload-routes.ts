/**
 * POST /api/v1/uploads: one requirement document, checked by its content (not its name), stored
 * content-addressed under DATA_DIR/uploads, never served to the public.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../usecases/context.js';
import { storeUpload } from '../../usecases/store-upload.js';
import { errorSchema, sendError } from '../errors.js';

export function uploadRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post(
    '/api/v1/uploads',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['applications'],
        summary: 'Unggah dokumen persyaratan (PDF, JPEG, PNG, WebP; maks. 5 MB) / Upload a requirement document',
        consumes: ['multipart/form-data'],
        response: { 201: { type: 'object', properties: { id: { type: 'string' }, sha256: { type: 'string' }, mime: { type: 'string' }, size: { type: 'integer' } } }, 413: errorSchema, 415: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) return sendError(reply, 415, 'multipart-required', 'Kirim berkas sebagai multipart/form-data', 'Send the file as multipart/form-data');
      let file;
      try {
        file = await req.file();
      } catch {
        return sendError(reply, 422, 'upload-invalid', 'Unggahan tidak dapat dibaca', 'The upload could not be read');
      }
      if (!file) return sendError(reply, 422, 'file-required', 'Tidak ada berkas yang diunggah', 'No file was uploaded');
      let buf: Buffer;
      try {
        buf = await file.toBuffer();
      } catch {
        return sendError(reply, 413, 'file-too-large', 'Berkas terlalu besar (maksimal 5 MB)', 'File too large (at most 5 MB)');
      }
      const r = await storeUpload(ctx, buf, file.filename);
      if (!r.ok) return sendError(reply, r.status, r.error.code, r.error.message, r.error.messageEn);
      return reply.code(201).send(r.value);
    },
  );
}
