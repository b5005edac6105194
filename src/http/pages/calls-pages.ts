/** Staff pages of call tasks: the calls a role owes (with the office's figures), and recording a call's outcome from the case page. */
import { z } from 'zod';
import { callFiguresOf, openCalls } from '../../usecases/calls/call-queue.js';
import { caseOfCall, recordCallOutcome } from '../../usecases/calls/record-call-outcome.js';
import { idParams } from '../api/schemas.js';
import { officerOf } from '../auth.js';
import { sendHtml } from '../reply.js';
import { callsPage } from './calls-views.js';
import { say } from './components.js';
import { withLang } from './layout.js';
import { shellOf, staffPages } from './plugin.js';

const outcomeBody = z.object({ outcome: z.string().max(40).default(''), note: z.string().max(2000).optional(), _csrf: z.string().max(200).optional() });

export const callsPages = staffPages((app, ctx) => {
  app.get('/petugas/panggilan', { config: { may: 'calls.record' } }, async (req, reply) => {
    const { user } = officerOf(req);
    return sendHtml(reply, callsPage(shellOf(req), await openCalls(ctx, user.officeId, user.roles), await callFiguresOf(ctx, user.officeId)));
  });

  app.post('/petugas/panggilan/:id', { config: { may: 'calls.record' }, schema: { params: idParams, body: outcomeBody } }, async (req, reply) => {
    const { user, actor } = officerOf(req);
    const r = await recordCallOutcome(ctx, { ...actor, officeId: user.officeId }, req.params.id, req.body);
    if (!r.ok && r.error.kind === 'not-found') return reply.callNotFound();
    if (!r.ok) {
      // Back to the case whose call it was, the refusal said at the top of the page.
      const caseId = await caseOfCall(ctx, user.officeId, req.params.id);
      return reply.redirect(withLang(`/petugas/berkas/${caseId}?error=${encodeURIComponent(r.error.problems.map((p) => say(req.lang, p)).join(' '))}`, req.lang), 303);
    }
    return reply.redirect(`${withLang(`/petugas/berkas/${r.value.applicationId}`, req.lang)}#h-calls`, 303);
  });
});
