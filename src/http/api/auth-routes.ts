/** POST /api/v1/auth/login → { token } (bearer token for integrations), and logout. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../usecases/context.js';
import { signIn, signOut } from '../../usecases/staff-accounts.js';
import { errorSchema, sendError } from '../errors.js';

export function authRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Masuk dan dapatkan token API / Sign in for an API token',
        body: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string', maxLength: 100 }, password: { type: 'string', maxLength: 200 } } },
        response: {
          200: { type: 'object', properties: { token: { type: 'string' }, expiresInDays: { type: 'integer' }, user: { type: 'object', additionalProperties: true } } },
          401: errorSchema,
          423: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body as { username: string; password: string };
      const r = await signIn(ctx.database, username, password, 'api');
      if (!r.ok) return sendError(reply, r.status, r.error.code, r.error.message, r.error.messageEn);
      const office = ctx.catalogue.list().find((o) => o.id === r.user.officeId);
      return { token: r.token, expiresInDays: 30, user: { username: r.user.username, name: r.user.displayName, office: office?.office.slug, roles: r.user.roles } };
    },
  );
  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Keluar / Sign out' } }, async (req, reply) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) await signOut(ctx.database, header.slice(7).trim());
    return reply.code(204).send();
  });
}
