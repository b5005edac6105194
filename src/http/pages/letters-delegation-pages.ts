/** The staff pages of delegation of signing: the screen, delegating (head of office), ending a delegation. */
import { z } from 'zod';
import { createDelegation } from '../../usecases/letters/create-delegation.js';
import { endDelegation } from '../../usecases/letters/end-delegation.js';
import { showDelegations } from '../../usecases/letters/show-delegations.js';
import { officerOf } from '../auth.js';
import { delegationBody } from '../api/letters-schemas.js';
import { idParams } from '../api/schemas.js';
import { L } from '../i18n.js';
import { redirectWithMessage, sendHtml, zodProblems } from '../reply.js';
import { delegationsPage } from './letters-delegation-views.js';
import { flashQuery, sayAll } from './letters-pages.js';
import { shellOf, staffPages } from './plugin.js';

const PATH = '/petugas/surat/delegasi';
const form = z.object({ to: z.string().default(''), kind: z.string().default(''), startsOn: z.string().default(''), endsOn: z.string().default(''), reason: z.string().optional() });

export const lettersDelegationPages = staffPages((app, ctx) => {
  app.get(PATH, { config: { may: 'letters.delegate' }, schema: { querystring: flashQuery } }, async (req, reply) => {
    const o = officerOf(req);
    return sendHtml(reply, delegationsPage(shellOf(req), await showDelegations(ctx, o.office.id, o.actor), req.query));
  });

  app.post(PATH, { config: { may: 'letters.delegate' }, schema: { body: form } }, async (req, reply) => {
    const { lang } = req;
    const { to, kind, startsOn, endsOn, reason } = req.body;
    const input = delegationBody.safeParse({ to, kind, startsOn, endsOn, reason });
    if (!input.success) return redirectWithMessage(reply, lang, PATH, 'error', sayAll(lang, zodProblems(input.error)));
    const r = await createDelegation(ctx, input.data, officerOf(req).actor);
    if (!r.ok) return redirectWithMessage(reply, lang, PATH, 'error', sayAll(lang, r.error.problems));
    return redirectWithMessage(reply, lang, PATH, 'ok', L(lang, 'Pelimpahan dicatat', 'Delegation recorded'));
  });

  app.post(`${PATH}/:id/akhiri`, { config: { may: 'letters.delegate' }, schema: { params: idParams } }, async (req, reply) => {
    const { lang } = req;
    const r = await endDelegation(ctx, req.params.id, officerOf(req).actor);
    if (!r.ok) return redirectWithMessage(reply, lang, PATH, 'error', sayAll(lang, r.error.problems));
    return redirectWithMessage(reply, lang, PATH, 'ok', L(lang, 'Pelimpahan diakhiri', 'Delegation ended'));
  });
});
