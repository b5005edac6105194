/** The one JSON error shape of the API: { error: { code, message, messageEn } }. */
import type { FastifyReply } from 'fastify';

export function sendError(reply: FastifyReply, status: number, code: string, message: string, messageEn: string, extra?: Record<string, unknown>) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, messageEn, ...extra } });
}

export const notFoundOffice = (reply: FastifyReply, slug: string) =>
  sendError(reply, 404, 'office-not-found', `Kantor "${slug}" tidak ditemukan`, `Office "${slug}" not found`);

export const notFoundService = (reply: FastifyReply, office: string, slug: string) =>
  sendError(reply, 404, 'service-not-found', `Layanan "${slug}" tidak ditemukan di ${office}`, `Service "${slug}" not found in ${office}`);

/** The error body's schema; `problemProperties` adds fields to each listed problem (e.g. a row number). */
export function errorSchemaWith(problemProperties: Record<string, { type: string }> = {}) {
  const problem = { ...problemProperties, field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } };
  return {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          messageEn: { type: 'string' },
          problems: { type: 'array', items: { type: 'object', properties: problem } },
        },
        required: ['code', 'message', 'messageEn'],
      },
    },
    required: ['error'],
  } as const;
}

export const errorSchema = errorSchemaWith();
