/**
 * The staff letter pages: the letters screen (signing queue and archive), signing one or a batch
 * with the password, the register download (XLSX), one letter with its PDF (preview or signed),
 * and numbering, revoking and cancelling it. Forms are parsed with their JSON twins' schemas.
 */
import { z } from 'zod';
import type { Problem } from '../../domain/errors.js';
import { cancelLetter } from '../../usecases/letters/cancel-letter.js';
import { downloadLetter } from '../../usecases/letters/download-letter.js';
import { exportRegister, registerPeriod } from '../../usecases/letters/export-register.js';
import { listSignableLetters } from '../../usecases/letters/list-signable-letters.js';
import { numberLetters } from '../../usecases/letters/number-letters.js';
import { revokeLetter } from '../../usecases/letters/revoke-letter.js';
import { showArchive } from '../../usecases/letters/show-archive.js';
import { showLetter } from '../../usecases/letters/show-letter.js';
import { MAX_BATCH, signLetters, type SignItem } from '../../usecases/letters/sign-letters.js';
import { officerOf } from '../auth.js';
import { cancelBody, revokeBody, signBody, XLSX } from '../api/letters-schemas.js';
import { idParams } from '../api/schemas.js';
import { L, type Lang } from '../i18n.js';
import { redirectWithMessage, sendFile, sendHtml, zodProblems } from '../reply.js';
import { say } from './components.js';
import { letterNotFoundPage, letterPage } from './letters-detail-views.js';
import { archivePage } from './letters-views.js';
import { shellOf, staffPages } from './plugin.js';

/** The `?ok=` / `?error=` a form post leaves for the page it returns to. */
export const flashQuery = z.object({ ok: z.string().optional(), error: z.string().optional() });

const archiveFilters = flashQuery.extend({
  nomor: z.string().optional(),
  pemohon: z.string().optional(),
  layanan: z.string().optional(),
  status: z.string().optional(),
  dari: z.string().optional(),
  sampai: z.string().optional(),
});

/** Problems said in the page's language, as one line. */
export const sayAll = (lang: Lang, problems: readonly Pick<Problem, 'message' | 'messageEn'>[]) => problems.map((p) => say(lang, p)).join(' ');

function signedMessage(lang: Lang, r: { signed: number; results: SignItem[] }): string {
  const failed = r.results.filter((x) => !x.ok);
  const refusals = failed.map((f) => (lang === 'id' ? f.message : f.messageEn)).join('; ');
  return L(lang, `${r.signed} surat ditandatangani.`, `${r.signed} letter(s) signed.`) + (failed.length ? ` ${failed.length} ${L(lang, 'gagal', 'failed')}: ${refusals}` : '');
}

const notFoundText = 'Tidak ditemukan / Not found';

export const lettersPages = staffPages((app, ctx) => {
  app.get('/petugas/surat', { config: { may: 'letters.read' }, schema: { querystring: archiveFilters } }, async (req, reply) => {
    const q = req.query;
    const o = officerOf(req);
    const screen = await showArchive(ctx, o.office.id, o.actor, { number: q.nomor, applicant: q.pemohon, service: q.layanan, status: q.status, from: q.dari, to: q.sampai });
    return sendHtml(reply, archivePage(shellOf(req), screen, q, q));
  });

  app.post(
    '/petugas/surat/tandatangani',
    {
      schema: { body: z.object({ id: z.union([z.string(), z.array(z.string())]).optional(), password: z.string().default(''), all: z.string().optional(), nik: z.string().default(''), passphrase: z.string().default('') }) },
      config: { may: 'letters.sign', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { lang } = req;
      const { actor } = officerOf(req);
      const back = (key: 'ok' | 'error', msg: string) => redirectWithMessage(reply, lang, '/petugas/surat', key, msg);
      const ids = req.body.all === '1' ? (await listSignableLetters(ctx, actor, MAX_BATCH)).map((l) => l.id) : ([] as string[]).concat(req.body.id ?? []);
      if (ids.length === 0) return back('error', L(lang, 'Pilih surat yang akan ditandatangani', 'Choose letters to sign'));
      // Either certified field filled asks for the provider (and both are then required, as in the JSON twin).
      const { nik, passphrase } = req.body;
      const input = signBody.safeParse({ ids, password: req.body.password, ...(nik || passphrase ? { certified: { nik: nik.trim(), passphrase } } : {}) });
      if (!input.success) return back('error', sayAll(lang, zodProblems(input.error)));
      const r = await signLetters(ctx, input.data, actor);
      if (!r.ok) return back('error', sayAll(lang, r.error.problems));
      return back(!r.value.signed && r.value.results.some((x) => !x.ok) ? 'error' : 'ok', signedMessage(lang, r.value));
    },
  );

  // The register is a download of the letters screen (its link carries the screen's date filters).
  app.get('/petugas/surat/agenda.xlsx', { config: { may: 'letters.read' }, schema: { querystring: z.object({ dari: z.string().optional(), sampai: z.string().optional() }) } }, async (req, reply) => {
    const o = officerOf(req);
    const period = registerPeriod(ctx, o.office.id, { from: req.query.dari, to: req.query.sampai });
    const xlsx = await exportRegister(ctx, o.office.id, period, o.actor);
    return sendFile(reply, xlsx, { type: XLSX, fileName: `agenda-surat-keluar-${period.from}-${period.to}.xlsx` });
  });

  app.get('/petugas/surat/:id', { config: { may: 'letters.read' }, schema: { params: idParams, querystring: flashQuery } }, async (req, reply) => {
    const r = await showLetter(ctx, officerOf(req).office.id, req.params.id, officerOf(req).actor);
    if (!r.ok) return sendHtml(reply, letterNotFoundPage(shellOf(req), say(req.lang, r.error.problems[0]!)), 404);
    return sendHtml(reply, letterPage(shellOf(req), r.value, req.query));
  });

  // The PDF belongs to the letter's page: shown in the browser, to print.
  app.get('/petugas/surat/:id/pdf', { config: { may: 'letters.read' }, schema: { params: idParams } }, async (req, reply) => {
    const r = await downloadLetter(ctx, officerOf(req).office.id, req.params.id, officerOf(req).actor);
    if (!r.ok) return reply.code(404).type('text/plain; charset=utf-8').send(notFoundText);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });

  const afterAction = (lang: Lang, reply: Parameters<typeof redirectWithMessage>[0], id: string, problems: readonly Problem[]) =>
    problems.length
      ? redirectWithMessage(reply, lang, `/petugas/surat/${id}`, 'error', sayAll(lang, problems))
      : redirectWithMessage(reply, lang, `/petugas/surat/${id}`, 'ok', L(lang, 'Tersimpan', 'Saved'));

  app.post('/petugas/surat/:id/cabut', { config: { may: 'letters.manage' }, schema: { params: idParams, body: z.object({ reason: z.string().default(''), replacedBy: z.string().optional() }) } }, async (req, reply) => {
    const input = revokeBody.safeParse({ reason: req.body.reason, replacedBy: req.body.replacedBy });
    if (!input.success) return afterAction(req.lang, reply, req.params.id, zodProblems(input.error));
    const r = await revokeLetter(ctx, req.params.id, input.data, officerOf(req).actor);
    return afterAction(req.lang, reply, req.params.id, r.ok ? [] : r.error.problems);
  });

  app.post('/petugas/surat/:id/batal', { config: { may: 'letters.manage' }, schema: { params: idParams, body: z.object({ reason: z.string().default('') }) } }, async (req, reply) => {
    const input = cancelBody.safeParse({ reason: req.body.reason });
    if (!input.success) return afterAction(req.lang, reply, req.params.id, zodProblems(input.error));
    const r = await cancelLetter(ctx, req.params.id, input.data, officerOf(req).actor);
    return afterAction(req.lang, reply, req.params.id, r.ok ? [] : r.error.problems);
  });

  app.post('/petugas/surat/:id/nomori', { config: { may: 'letters.number' }, schema: { params: idParams } }, async (req, reply) => {
    const r = await numberLetters(ctx, [req.params.id], officerOf(req).actor);
    const item = r.ok ? r.value[0] : undefined;
    return afterAction(req.lang, reply, req.params.id, !r.ok ? r.error.problems : item && !item.ok ? [item] : []);
  });
});
