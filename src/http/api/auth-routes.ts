/** POST /api/v1/auth/login → { token } (bearer token for integrations), logout, and an officer's own password change. */
import { z } from 'zod';
import type { Ctx } from '../../usecases/context.js';
import { API_TOKEN_DAYS, signIn } from '../../usecases/staff/sign-in.js';
import { signOut } from '../../usecases/staff/sign-out.js';
import { changeOwnPassword } from '../../usecases/staff/change-own-password.js';
import { officerOf, sessionTokenOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import { errors } from './schemas.js';

const loginBody = z.object({ username: z.string().max(100), password: z.string().max(200) });

/** An officer's own password change (the page /petugas/akun/sandi posts the same fields, plus the repetition). */
export const ownPasswordBody = z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(1000), confirmPassword: z.string().max(1000).optional() });

export function authRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Masuk dan dapatkan token API / Sign in for an API token',
        body: loginBody,
        response: {
          200: z.object({
            token: z.string(),
            expiresInDays: z.number().int(),
            user: z.object({ username: z.string(), name: z.string(), office: z.string(), roles: z.array(z.string()) }),
          }),
          ...errors(401, 423),
        },
      },
    },
    async (req, reply) => {
      const r = await signIn(ctx.database, req.body.username, req.body.password, 'api', req.ip);
      if (!r.ok) return sendFailure(reply, r.error);
      const { token, user } = r.value;
      return { token, expiresInDays: API_TOKEN_DAYS, user: { username: user.username, name: user.displayName, office: ctx.catalogue.officeById(user.officeId).office.slug, roles: user.roles } };
    },
  );

  app.post('/api/v1/auth/logout', { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Keluar / Sign out' } }, async (req, reply) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) await signOut(ctx, header.slice(7).trim());
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'staff', may: 'self.password', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Ganti kata sandi sendiri; sesi dan token lain berakhir / Change your own password; other sessions and tokens end',
        body: ownPasswordBody,
        response: { 200: z.object({ sessionsEnded: z.number().int() }), ...errors(400, 401, 422, 423) },
      },
    },
    async (req, reply) => {
      const r = await changeOwnPassword(ctx, officerOf(req).actor, req.body, sessionTokenOf(req));
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );
}
