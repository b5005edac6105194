/** What every registry page plugin shares: the page frame of the signed-in officer, and refused forms sent back with their error line. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import type { Ctx } from '../../usecases/context.js';
import { officerOf } from '../auth.js';
import type { Lang } from '../i18n.js';
import { say } from './components.js';
import { withLang } from './layout.js';
import { shellOf } from './plugin.js';
import type { RegistryFrame } from './registry-views.js';

/** The frame of every registry page: the staff shell, the officer's roles, times in the office's zone. */
export function frameOf(req: FastifyRequest, ctx: Ctx): RegistryFrame {
  const o = officerOf(req);
  return { shell: shellOf(req), roles: o.user.roles, time: (iso) => (iso ? ctx.clock.local(o.office.office, iso) : '—') };
}

/** Every problem's message, in the page's language, as one line. */
export const sayAll = (lang: Lang, problems: readonly Problem[]) => problems.map((p) => say(lang, p)).join(' ');

/** Back to a form's page with what went wrong in its `error` line. */
export const backWithError = (reply: FastifyReply, lang: Lang, path: string, problems: readonly Problem[]) =>
  reply.redirect(withLang(`${path}?error=${encodeURIComponent(sayAll(lang, problems))}`, lang), 303);

/** The `error` line a form's page shows after a refused post. */
export const errorQuery = z.object({ error: z.string().max(2000).optional() });
