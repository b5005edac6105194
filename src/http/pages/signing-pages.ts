/**
 * The office admin's signing keys page (/petugas/kunci-tanda-tangan): list, revoke with a reason,
 * issue a new certificate; the same use cases as `sigap signing`. Only an office admin (decided in
 * the use case), for their own office.
 */
import { z } from 'zod';
import { issueCertificateTo, keysOfficeOf, listSigningKeys, revokeSigningCertificate } from '../../usecases/signing/manage-certificates.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { redirectWithMessage, sendHtml, statusOf } from '../reply.js';
import { flashQuery, sayAll } from './letters-pages.js';
import { shellOf, staffPages } from './plugin.js';
import { KEYS_PATH, keysPage } from './signing-views.js';

export const signingPages = staffPages((app, ctx) => {
  app.get(KEYS_PATH, { config: { may: 'signing.keys' }, schema: { querystring: flashQuery } }, async (req, reply) => {
    const office = keysOfficeOf(ctx, officerOf(req).actor);
    if (!office.ok) return sendHtml(reply, keysPage(shellOf(req), { authority: null, certificates: [] }, { error: sayAll(req.lang, office.error.problems) }), statusOf(office.error.kind));
    const r = await listSigningKeys(ctx, office.value);
    if (!r.ok) return sendHtml(reply, keysPage(shellOf(req), { authority: null, certificates: [] }, { error: sayAll(req.lang, r.error.problems) }), statusOf(r.error.kind));
    return sendHtml(reply, keysPage(shellOf(req), r.value, req.query));
  });

  app.post(`${KEYS_PATH}/cabut`, { config: { may: 'signing.keys' }, schema: { body: z.object({ serial: z.string().max(64).default(''), reason: z.string().max(500).default('') }) } }, async (req, reply) => {
    const { lang } = req;
    const { actor } = officerOf(req);
    const office = keysOfficeOf(ctx, actor);
    if (!office.ok) return redirectWithMessage(reply, lang, KEYS_PATH, 'error', sayAll(lang, office.error.problems));
    const r = await revokeSigningCertificate(ctx, { office: office.value, serial: req.body.serial, reason: req.body.reason }, actor.name);
    if (!r.ok) return redirectWithMessage(reply, lang, KEYS_PATH, 'error', sayAll(lang, r.error.problems));
    return redirectWithMessage(reply, lang, KEYS_PATH, 'ok', L(lang, `Sertifikat ${r.value.serial} dicabut`, `Certificate ${r.value.serial} revoked`));
  });

  app.post(`${KEYS_PATH}/terbitkan`, { config: { may: 'signing.keys' }, schema: { body: z.object({ username: z.string().max(100).default('') }) } }, async (req, reply) => {
    const { lang } = req;
    const { actor } = officerOf(req);
    const office = keysOfficeOf(ctx, actor);
    if (!office.ok) return redirectWithMessage(reply, lang, KEYS_PATH, 'error', sayAll(lang, office.error.problems));
    const r = await issueCertificateTo(ctx, office.value, req.body.username, actor.name);
    if (!r.ok) return redirectWithMessage(reply, lang, KEYS_PATH, 'error', sayAll(lang, r.error.problems));
    return redirectWithMessage(reply, lang, KEYS_PATH, 'ok', L(lang, `Sertifikat baru ${r.value.serial} diterbitkan`, `New certificate ${r.value.serial} issued`));
  });
});
