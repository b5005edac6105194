/** TRANSITIONAL (issue 10): the old staffNav(lang, req) for pages not yet moved; deleted once they use staffPage(shellOf(req), …). */
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../i18n.js';
import { staffNav as nav } from './layout.js';

export const staffNav = (lang: Lang, req: FastifyRequest) => nav({ lang, displayName: req.staff?.displayName ?? '', csrf: req.csrfToken ?? '' });
