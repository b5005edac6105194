/**
 * API routes and pages of the letter capability: public verification (`/v/<token>`,
 * `GET /api/v1/verify/{token}`), the applicant's download from tracking, and the staff archive,
 * signing (one or a batch, with the password), numbering, revocation, cancellation, delegation
 * and the register export. Thin: every decision is in src/usecases/letters/.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findLetter, letterEvents } from '../../db/letters-repo.js';
import type { LettersTable } from '../../db/schema-letters.js';
import { staffOfOffice } from '../../db/letters-repo.js';
import { indonesianDate, englishDate } from '../../domain/letters/dates.js';
import type { Problem } from '../../domain/errors.js';
import { findTracked } from '../../usecases/case-actions.js';
import type { Ctx } from '../../usecases/context.js';
import { nowOf } from '../../usecases/context.js';
import { exportRegister, LETTER_STATUSES, searchArchive, signableLetters, statusLabel } from '../../usecases/letters/archive.js';
import { createDelegation, endDelegation, listDelegations } from '../../usecases/letters/delegations.js';
import { renderPreview, storedOffice } from '../../usecases/letters/issue.js';
import { readLetterFile } from '../../usecases/letters/letter-files.js';
import { numberLetters } from '../../usecases/letters/number-letters.js';
import { cancelLetter, revokeLetter } from '../../usecases/letters/revoke-letter.js';
import { MAX_BATCH, signLetters } from '../../usecases/letters/sign-letters.js';
import { matchesSigned, verifyToken, type VerifyView } from '../../usecases/letters/verify-letter.js';
import { actorOf, requireStaffApi, requireStaffPage } from '../auth.js';
import { errorSchema, sendError } from '../errors.js';
import { pickLang, type Lang } from '../i18n.js';
import { staffNav } from '../pages/back-office-routes.js';
import { html, type Raw } from '../pages/html.js';
import { page, withLang } from '../pages/layout.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);
const dateOf = (lang: Lang, d: string | null) => (d ? (lang === 'id' ? indonesianDate(d) : englishDate(d)) : '—');
const MAX_PDF = 10 * 1024 * 1024;

const problemsReply = (reply: FastifyReply, status: number, problems: Problem[]) =>
  reply.code(status).type('application/json; charset=utf-8').send({ error: { code: problems[0]?.code ?? 'error', message: problems.map((p) => p.message).join(' '), messageEn: problems.map((p) => p.messageEn).join(' '), problems } });

const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;

const verifySchema = {
  type: 'object',
  properties: {
    valid: { type: 'boolean' },
    status: { type: 'string', enum: ['valid', 'expired', 'revoked', 'cancelled', 'not-issued'] },
    office: { type: 'string' },
    officeSlug: { type: 'string' },
    number: { type: ['string', 'null'] },
    title: { type: 'string' },
    issuedAt: { type: ['string', 'null'] },
    issuedOn: { type: ['string', 'null'] },
    validUntil: { type: ['string', 'null'] },
    subject: { type: 'string' },
    holder: { type: 'object', properties: { name: { type: 'string' }, nik: { type: ['string', 'null'] } } },
    signer: {
      type: ['object', 'null'],
      properties: { name: { type: 'string' }, title: { type: 'string' }, position: { type: 'array', items: { type: 'string' } }, delegation: { type: ['string', 'null'] }, onBehalfOf: { type: ['string', 'null'] } },
    },
    sha256: { type: ['string', 'null'] },
    revocation: {
      type: ['object', 'null'],
      properties: { at: { type: ['string', 'null'] }, reason: { type: ['string', 'null'] }, replacedBy: { type: ['object', 'null'], properties: { number: { type: ['string', 'null'] }, url: { type: ['string', 'null'] } } } },
    },
    url: { type: 'string' },
  },
} as const;

function letterDto(l: LettersTable, extra: Record<string, unknown> = {}) {
  return {
    id: l.id,
    applicationId: l.application_id,
    kind: l.kind,
    letterType: l.letter_type,
    template: l.template_id,
    status: l.status,
    number: l.number,
    title: l.title,
    subject: l.subject,
    holder: l.holder_name,
    paper: l.paper,
    signerRole: l.signer_role,
    issuedOn: l.issued_on,
    validUntil: l.valid_until,
    signedAt: l.signed_at,
    signer: l.signer ? JSON.parse(l.signer) : null,
    sha256: l.sha256,
    revokedAt: l.revoked_at,
    revocationReason: l.revocation_reason,
    replacedBy: l.replaced_by,
    verifyPath: l.signed_at ? `/v/${l.token}` : null,
    version: l.version,
    ...extra,
  };
}

/** Reads one uploaded file from a multipart request (field "file"). */
async function readUpload(req: FastifyRequest): Promise<{ buf: Buffer | null; tooLarge: boolean }> {
  if (!req.isMultipart()) return { buf: null, tooLarge: false };
  for await (const part of req.parts({ limits: { files: 1, fileSize: MAX_PDF } })) {
    if (part.type !== 'file') continue;
    const buf = await part.toBuffer().catch(() => null);
    return buf ? { buf, tooLarge: false } : { buf: null, tooLarge: true };
  }
  return { buf: null, tooLarge: false };
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-').slice(0, 80);

export function letterRoutes(app: FastifyInstance, ctx: Ctx): void {
  const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);

  /* ---------------- public verification ---------------- */

  const STATE: Record<string, [string, string, string]> = {
    valid: ['Asli dan berlaku', 'Genuine and valid', 'sla-on-time'],
    expired: ['Asli, masa berlaku telah habis', 'Genuine, validity has expired', 'sla-at-risk'],
    revoked: ['Asli, tetapi telah DICABUT', 'Genuine, but REVOKED', 'sla-late'],
    cancelled: ['Dibatalkan', 'Cancelled', 'sla-late'],
    'not-issued': ['Belum diterbitkan', 'Not issued', 'sla-late'],
  };

  const verifyPage = (lang: Lang, token: string, v: VerifyView | null, check?: { match: boolean; sha256: string } | { error: string }): string => {
    const path = `/v/${token}`;
    if (!v)
      return page({
        lang,
        title: L(lang, 'Verifikasi surat', 'Letter verification'),
        path,
        body: html`<h1>${L(lang, 'Surat tidak dikenal', 'Unknown letter')}</h1><div class="error-summary" role="alert"><p data-testid="verify-state">${L(lang, 'Kode verifikasi ini tidak terdaftar di Sigap. Surat dengan kode ini TIDAK dapat dipastikan keasliannya.', 'This verification code is not registered in Sigap. A letter carrying it can NOT be confirmed genuine.')}</p></div>`,
      });
    const [id, en, cls] = STATE[v.status] ?? [v.status, v.status, ''];
    return page({
      lang,
      title: L(lang, 'Verifikasi surat', 'Letter verification'),
      path,
      body: html`<h1>${L(lang, 'Verifikasi keaslian surat', 'Letter verification')}</h1>
<p><span class="badge ${cls}" data-testid="verify-state">${L(lang, id, en)}</span></p>
${v.status === 'expired' ? html`<p class="notice" role="status">${L(lang, `Masa berlaku surat ini berakhir pada ${dateOf(lang, v.validUntil)}.`, `This letter's validity ended on ${dateOf(lang, v.validUntil)}.`)}</p>` : ''}
${v.revocation
  ? html`<div class="error-summary" role="alert"><p><strong>${L(lang, 'Dicabut', 'Revoked')}</strong>${v.revocation.at ? html` (${dateOf(lang, v.revocation.at.slice(0, 10))})` : ''}: <span data-testid="revocation-reason">${v.revocation.reason ?? ''}</span></p>${v.revocation.replacedBy ? html`<p>${L(lang, 'Diganti dengan surat', 'Replaced by letter')} ${v.revocation.replacedBy.url ? html`<a href="${v.revocation.replacedBy.url}">${v.revocation.replacedBy.number ?? ''}</a>` : (v.revocation.replacedBy.number ?? '')}</p>` : ''}</div>`
  : ''}
<dl class="facts">
<div><dt>${L(lang, 'Instansi', 'Office')}</dt><dd>${v.office}</dd></div>
<div><dt>${L(lang, 'Nomor surat', 'Letter number')}</dt><dd data-testid="verify-number">${v.number ?? '—'}</dd></div>
<div><dt>${L(lang, 'Tanggal surat', 'Date')}</dt><dd>${dateOf(lang, v.issuedOn)}</dd></div>
<div><dt>${L(lang, 'Jenis / perihal', 'Type / subject')}</dt><dd>${v.title}<br>${v.subject}</dd></div>
<div><dt>${L(lang, 'Atas nama', 'Holder')}</dt><dd>${v.holder.name}${v.holder.nik ? html`<br>NIK ${v.holder.nik}` : ''}</dd></div>
<div><dt>${L(lang, 'Ditandatangani oleh', 'Signed by')}</dt><dd>${v.signer ? html`${v.signer.name}<br><span class="meta">${v.signer.position.join(' ')}</span>` : '—'}</dd></div>
<div><dt>${L(lang, 'Berlaku sampai dengan', 'Valid until')}</dt><dd>${v.validUntil ? dateOf(lang, v.validUntil) : L(lang, 'Tidak ditentukan dalam standar', 'Not set by the standard')}</dd></div>
</dl>
<p class="meta">SHA-256: <code style="word-break:break-all">${v.sha256 ?? ''}</code></p>
<section aria-labelledby="h-check"><h2 id="h-check">${L(lang, 'Periksa berkas PDF', 'Check a PDF file')}</h2>
<p>${L(lang, 'Unggah berkas PDF surat ini untuk memastikan isinya sama persis (bit demi bit) dengan surat yang ditandatangani.', 'Upload the PDF of this letter to check it is byte-identical to the signed one.')}</p>
${check
  ? 'error' in check
    ? html`<div class="error-summary" role="alert"><p>${check.error}</p></div>`
    : check.match
      ? html`<div class="notice" role="status" data-testid="file-check"><p><strong>${L(lang, 'COCOK', 'MATCH')}</strong>: ${L(lang, 'berkas ini sama persis dengan surat yang ditandatangani.', 'this file is identical to the signed letter.')}</p></div>`
      : html`<div class="error-summary" role="alert" data-testid="file-check"><p><strong>${L(lang, 'TIDAK COCOK', 'NO MATCH')}</strong>: ${L(lang, 'berkas ini BERBEDA dari surat yang ditandatangani (mungkin telah diubah).', 'this file DIFFERS from the signed letter (it may have been altered).')}</p><p class="meta">SHA-256: ${check.sha256}</p></div>`
  : ''}
<form method="post" action="${withLang(path, lang)}" enctype="multipart/form-data" class="intake"><div class="field"><label for="f-pdf">${L(lang, 'Berkas PDF surat', 'Letter PDF file')}</label><input id="f-pdf" name="file" type="file" accept="application/pdf" required></div><button type="submit" class="primary">${L(lang, 'Periksa', 'Check')}</button></form></section>`,
    });
  };

  const tokenParams = { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] } as const;

  app.get('/v/:token', { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const { token } = req.params as { token: string };
    const v = await verifyToken(ctx, token);
    return send(reply, verifyPage(lang, token, v), v ? 200 : 404);
  });

  app.post('/v/:token', { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const { token } = req.params as { token: string };
    const v = await verifyToken(ctx, token);
    if (!v) return send(reply, verifyPage(lang, token, null), 404);
    const { buf, tooLarge } = await readUpload(req);
    if (!buf) return send(reply, verifyPage(lang, token, v, { error: tooLarge ? L(lang, 'Berkas terlalu besar (maksimal 10 MB)', 'File too large (at most 10 MB)') : L(lang, 'Pilih berkas PDF terlebih dahulu', 'Choose a PDF file first') }), 422);
    return send(reply, verifyPage(lang, token, v, matchesSigned(v, buf)));
  });

  app.get(
    '/api/v1/verify/:token',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['letters'], summary: 'Verifikasi surat dengan token QR / Verify a letter by its QR token', params: tokenParams, response: { 200: verifySchema, 404: errorSchema } },
    },
    async (req, reply) => {
      const v = await verifyToken(ctx, (req.params as { token: string }).token);
      if (!v) return sendError(reply, 404, 'letter-not-found', 'Surat dengan kode verifikasi ini tidak dikenal', 'No letter has this verification code');
      return v;
    },
  );

  app.post(
    '/api/v1/verify/:token/file',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['letters'],
        summary: 'Periksa berkas PDF (multipart, kolom "file") sama dengan surat bertanda tangan / Check a PDF (multipart field "file") is the signed letter',
        params: tokenParams,
        response: { 200: { type: 'object', properties: { match: { type: 'boolean' }, sha256: { type: 'string' }, signedSha256: { type: ['string', 'null'] }, status: { type: 'string' } } }, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const v = await verifyToken(ctx, (req.params as { token: string }).token);
      if (!v) return sendError(reply, 404, 'letter-not-found', 'Surat dengan kode verifikasi ini tidak dikenal', 'No letter has this verification code');
      const { buf, tooLarge } = await readUpload(req);
      if (!buf) return sendError(reply, 422, tooLarge ? 'file-too-large' : 'file-required', tooLarge ? 'Berkas terlalu besar (maksimal 10 MB)' : 'Kirim berkas PDF pada kolom "file" (multipart)', tooLarge ? 'File too large (at most 10 MB)' : 'Send the PDF as multipart field "file"');
      const m = matchesSigned(v, buf);
      return { match: m.match, sha256: m.sha256, signedSha256: v.sha256, status: v.status };
    },
  );

  /* ---------------- the applicant's download ---------------- */

  app.get('/lacak/:number/surat/:id', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { number, id } = req.params as { number: string; id: string };
    const { code = '' } = req.query as { code?: string };
    const found = await findTracked(ctx, number, code);
    const letter = found ? await findLetter(ctx.database.db, found.office_id, id) : undefined;
    if (!found || !letter || letter.application_id !== found.id || letter.status !== 'signed' || !letter.sha256) return reply.code(404).type('text/plain; charset=utf-8').send('Tidak ditemukan / Not found');
    const pdf = readLetterFile(ctx, letter.sha256);
    if (!pdf) return reply.code(404).type('text/plain; charset=utf-8').send('Tidak ditemukan / Not found');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${safeName(`${letter.title}-${letter.number ?? ''}`)}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  });

  /* ---------------- staff API ---------------- */

  const staffOffice = (req: FastifyRequest) => req.staff!.officeId;

  app.get(
    '/api/v1/letters',
    {
      schema: {
        tags: ['letters'],
        summary: 'Arsip surat kantor (cari) / Search the office letter archive',
        querystring: {
          type: 'object',
          properties: {
            number: { type: 'string' },
            applicant: { type: 'string' },
            service: { type: 'string' },
            status: { type: 'string', enum: [...LETTER_STATUSES] },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            offset: { type: 'integer', minimum: 0 },
          },
        },
        response: { 200: { type: 'object', properties: { letters: { type: 'array', items: anyObject } } }, 401: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const rows = await searchArchive(ctx, staffOffice(req), req.query as Record<string, string>);
      return {
        letters: rows.map((r) => ({
          id: r.id,
          applicationId: r.application_id,
          registrationNumber: r.registration_number,
          kind: r.kind,
          letterType: r.letter_type,
          status: r.status,
          number: r.number,
          title: r.title,
          subject: r.subject,
          holder: r.holder_name,
          issuedOn: r.issued_on,
          validUntil: r.valid_until,
          signerRole: r.signer_role,
          createdAt: r.created_at,
        })),
      };
    },
  );

  app.get(
    '/api/v1/letters/register.xlsx',
    {
      schema: {
        tags: ['letters'],
        summary: 'Ekspor agenda surat keluar (XLSX) / Export the outgoing-letter register (XLSX)',
        querystring: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } }, required: ['from', 'to'] },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const { from, to } = req.query as { from: string; to: string };
      if (to < from) return sendError(reply, 422, 'range-invalid', 'Tanggal akhir sebelum tanggal awal', 'The end date is before the start date');
      const buf = await exportRegister(ctx, staffOffice(req), from, to, actorOf(req, ctx));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="agenda-surat-keluar-${from}-${to}.xlsx"`).send(buf);
    },
  );

  app.get('/api/v1/letters/:id', { schema: { tags: ['letters'], summary: 'Rincian surat dan riwayatnya / A letter and its history', params: idParams, response: { 200: anyObject, 404: errorSchema } } }, async (req, reply) => {
    if (!requireStaffApi(req, reply)) return reply;
    const l = await findLetter(ctx.database.db, staffOffice(req), (req.params as { id: string }).id);
    if (!l) return sendError(reply, 404, 'letter-not-found', 'Surat tidak ditemukan', 'Letter not found');
    const events = await letterEvents(ctx.database.db, l.id);
    return letterDto(l, { events: events.map((e) => ({ type: e.type, actor: e.actor_name, at: e.at, data: JSON.parse(e.data) })) });
  });

  const sendPdf = async (reply: FastifyReply, l: LettersTable, inline: boolean) => {
    const pdf = l.sha256 ? readLetterFile(ctx, l.sha256) : await renderPreview(ctx, l);
    if (!pdf) return sendError(reply, 404, 'file-missing', 'Berkas surat tidak ditemukan', 'Letter file missing');
    return reply
      .type('application/pdf')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${safeName(`${l.sha256 ? '' : 'DRAF-'}${l.title}-${l.number ?? 'tanpa-nomor'}`)}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  };

  app.get('/api/v1/letters/:id/pdf', { schema: { tags: ['letters'], summary: 'PDF surat (bertanda tangan, atau pratinjau DRAF) / The letter PDF (signed, or a DRAFT preview)', params: idParams } }, async (req, reply) => {
    if (!requireStaffApi(req, reply)) return reply;
    const l = await findLetter(ctx.database.db, staffOffice(req), (req.params as { id: string }).id);
    if (!l) return sendError(reply, 404, 'letter-not-found', 'Surat tidak ditemukan', 'Letter not found');
    return sendPdf(reply, l, false);
  });

  app.post(
    '/api/v1/letters/sign',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['letters'],
        summary: 'Tandatangani satu atau banyak surat (wajib kata sandi) / Sign one or many letters (password required)',
        body: { type: 'object', required: ['ids', 'password'], properties: { ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: MAX_BATCH }, password: { type: 'string' }, delegation: { type: 'string' } } },
        response: { 200: { type: 'object', properties: { signed: { type: 'integer' }, results: { type: 'array', items: anyObject } } }, 401: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const body = req.body as { ids: string[]; password: string; delegation?: string };
      const r = await signLetters(ctx, body, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    },
  );

  app.post(
    '/api/v1/letters/number',
    {
      schema: {
        tags: ['letters'],
        summary: 'Beri nomor surat yang belum bernomor / Number unnumbered letters',
        body: { type: 'object', required: ['ids'], properties: { ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: MAX_BATCH } } },
        response: { 200: { type: 'object', properties: { results: { type: 'array', items: anyObject } } }, 401: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const r = await numberLetters(ctx, (req.body as { ids: string[] }).ids, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return { results: r.value };
    },
  );

  app.post(
    '/api/v1/letters/:id/revoke',
    {
      schema: {
        tags: ['letters'],
        summary: 'Cabut surat bertanda tangan / Revoke a signed letter',
        params: idParams,
        body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' }, replacedBy: { type: 'string' } } },
        response: { 200: anyObject, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const r = await revokeLetter(ctx, (req.params as { id: string }).id, req.body as { reason: string; replacedBy?: string }, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return letterDto(r.value);
    },
  );

  app.post(
    '/api/v1/letters/:id/cancel',
    {
      schema: {
        tags: ['letters'],
        summary: 'Batalkan surat yang belum ditandatangani (nomornya tetap tercatat) / Cancel an unsigned letter (its number stays recorded)',
        params: idParams,
        body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } },
        response: { 200: anyObject, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const r = await cancelLetter(ctx, (req.params as { id: string }).id, req.body as { reason: string }, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return letterDto(r.value);
    },
  );

  app.get('/api/v1/letter-delegations', { schema: { tags: ['letters'], summary: 'Pelimpahan wewenang tanda tangan / Signing delegations', response: { 200: { type: 'object', properties: { delegations: { type: 'array', items: anyObject } } } } } }, async (req, reply) => {
    if (!requireStaffApi(req, reply)) return reply;
    const rows = await listDelegations(ctx, staffOffice(req));
    return { delegations: rows.map((d) => ({ id: d.id, role: d.role, from: d.from_name, to: d.to_name, toUsername: d.to_username, kind: d.kind, startsOn: d.starts_on, endsOn: d.ends_on, reason: d.reason, endedAt: d.revoked_at })) };
  });

  app.post(
    '/api/v1/letter-delegations',
    {
      schema: {
        tags: ['letters'],
        summary: 'Limpahkan wewenang tanda tangan (a.n./Plt.) untuk rentang tanggal / Delegate signing (a.n./Plt.) for a date range',
        body: {
          type: 'object',
          required: ['to', 'kind', 'startsOn', 'endsOn'],
          properties: { to: { type: 'string' }, kind: { type: 'string', enum: ['a.n.', 'Plt.'] }, startsOn: { type: 'string' }, endsOn: { type: 'string' }, reason: { type: 'string' }, role: { type: 'string' } },
        },
        response: { 201: { type: 'object', properties: { id: { type: 'string' } } }, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const r = await createDelegation(ctx, req.body as never, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return reply.code(201).send({ id: r.id });
    },
  );

  app.post('/api/v1/letter-delegations/:id/end', { schema: { tags: ['letters'], summary: 'Akhiri pelimpahan / End a delegation', params: idParams, response: { 200: anyObject, 404: errorSchema } } }, async (req, reply) => {
    if (!requireStaffApi(req, reply)) return reply;
    const done = await endDelegation(ctx, (req.params as { id: string }).id, actorOf(req, ctx));
    if (!done) return sendError(reply, 404, 'delegation-not-found', 'Pelimpahan tidak ditemukan atau sudah berakhir', 'Delegation not found or already ended');
    return { ended: true };
  });

  /* ---------------- staff pages ---------------- */

  const officeOf = (req: FastifyRequest) => storedOffice(ctx, req.staff!.officeId);
  const flash = (req: FastifyRequest) => {
    const q = req.query as { ok?: string; error?: string };
    return html`${q.ok ? html`<div class="notice" role="status" data-testid="flash">${q.ok}</div>` : ''}${q.error ? html`<div class="error-summary" role="alert" data-testid="flash-error"><p>${q.error}</p></div>` : ''}`;
  };
  const redirectWith = (reply: FastifyReply, lang: Lang, path: string, key: 'ok' | 'error', msg: string) => reply.redirect(withLang(`${path}${path.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(msg)}`, lang), 303);
  const serviceName = (req: FastifyRequest, serviceId: string) => {
    const s = officeOf(req).services.find((x) => x.id === serviceId)?.service;
    return s ? `${s.no}. ${s.title}` : serviceId;
  };
  const statusBadge = (lang: Lang, s: string) => html`<span class="badge ${s === 'signed' ? 'sla-on-time' : s === 'ready' ? 'sla-at-risk' : s === 'draft' ? 'sla-not-started' : 'sla-late'}">${statusLabel(s, lang)}</span>`;

  app.get('/petugas/surat', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const q = req.query as Record<string, string | undefined>;
    const office = officeOf(req);
    const actor = actorOf(req, ctx);
    const rows = await searchArchive(ctx, office.id, { number: q.nomor, applicant: q.pemohon, service: q.layanan, status: q.status, from: q.dari, to: q.sampai, limit: 200 });
    const mine = await signableLetters(ctx, actor);
    const today = ctx.clock.localDate(office.office, nowOf(ctx).toISOString());
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const row = (r: (typeof rows)[number], select: boolean): Raw =>
      html`<tr>${select ? html`<td><input type="checkbox" name="id" value="${r.id}" id="pick-${r.id}" aria-label="${L(lang, 'Pilih', 'Select')} ${r.number ?? r.registration_number}"></td>` : ''}<td><a href="${withLang(`/petugas/surat/${r.id}`, lang)}">${r.number ?? L(lang, '(belum bernomor)', '(unnumbered)')}</a></td><td>${r.title}<br><span class="meta">${r.subject}</span></td><td>${r.holder_name}<br><span class="meta">${r.registration_number}</span></td><td>${serviceName(req, r.service_id)}</td><td>${r.issued_on ? dateOf(lang, r.issued_on) : '—'}</td><td>${statusBadge(lang, r.status)}</td></tr>`;
    const head = (select: boolean) =>
      html`<thead><tr>${select ? html`<th scope="col">${L(lang, 'Pilih', 'Select')}</th>` : ''}<th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Surat', 'Letter')}</th><th scope="col">${L(lang, 'Pemohon', 'Applicant')}</th><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tanggal', 'Date')}</th><th scope="col">Status</th></tr></thead>`;
    const body = html`${staffNav(lang, req)}<h1>${L(lang, 'Surat keluar', 'Outgoing letters')}</h1>${flash(req)}
<p><a href="${withLang('/petugas/surat/delegasi', lang)}">${L(lang, 'Pelimpahan wewenang tanda tangan (a.n. / Plt.)', 'Signing delegation (a.n. / Plt.)')}</a></p>
${mine.length
  ? html`<section aria-labelledby="h-sign"><h2 id="h-sign">${L(lang, 'Menunggu tanda tangan Anda', 'Waiting for your signature')} (${mine.length})</h2>
<form method="post" action="${withLang('/petugas/surat/tandatangani', lang)}" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">
<div class="table-wrap"><table class="queue">${head(true)}<tbody>${mine.map((r) => row(r, true))}</tbody></table></div>
<div class="field"><label for="f-sign-pass">${L(lang, 'Kata sandi (konfirmasi penandatanganan)', 'Password (signing confirmation)')}</label><input id="f-sign-pass" name="password" type="password" autocomplete="current-password" required></div>
<div class="outcomes"><button type="submit" class="primary">${L(lang, 'Tandatangani yang dipilih', 'Sign selected')}</button> <button type="submit" name="all" value="1">${L(lang, `Tandatangani semua (${mine.length})`, `Sign all (${mine.length})`)}</button></div></form></section>`
  : ''}
<section aria-labelledby="h-archive"><h2 id="h-archive">${L(lang, 'Arsip', 'Archive')}</h2>
<form method="get" action="/petugas/surat" class="filters">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div><label for="f-no">${L(lang, 'Nomor surat', 'Letter number')}</label><input id="f-no" name="nomor" value="${q.nomor ?? ''}"></div>
<div><label for="f-app">${L(lang, 'Pemohon / no. registrasi', 'Applicant / registration')}</label><input id="f-app" name="pemohon" value="${q.pemohon ?? ''}"></div>
<div><label for="f-svc">${L(lang, 'Layanan', 'Service')}</label><select id="f-svc" name="layanan"><option value="">${L(lang, 'Semua', 'All')}</option>${office.services.map((s) => html`<option value="${s.service.slug}"${q.layanan === s.service.slug ? html` selected` : ''}>${s.service.no}. ${s.service.title}</option>`)}</select></div>
<div><label for="f-st">Status</label><select id="f-st" name="status"><option value="">${L(lang, 'Semua', 'All')}</option>${LETTER_STATUSES.map((s) => html`<option value="${s}"${q.status === s ? html` selected` : ''}>${statusLabel(s, lang)}</option>`)}</select></div>
<div><label for="f-from">${L(lang, 'Dari tanggal', 'From')}</label><input id="f-from" name="dari" type="date" value="${q.dari ?? ''}"></div>
<div><label for="f-to">${L(lang, 'Sampai tanggal', 'To')}</label><input id="f-to" name="sampai" type="date" value="${q.sampai ?? ''}"></div>
<button type="submit">${L(lang, 'Cari', 'Search')}</button></form>
<p><a href="/petugas/surat/agenda.xlsx?dari=${q.dari || yearStart}&amp;sampai=${q.sampai || today}">${L(lang, 'Unduh agenda surat keluar (XLSX)', 'Download the register (XLSX)')}</a></p>
<div class="table-wrap"><table class="queue"><caption>${rows.length} ${L(lang, 'surat', 'letters')}</caption>${head(false)}<tbody>${rows.map((r) => row(r, false))}</tbody></table></div></section>`;
    return send(reply, page({ lang, title: L(lang, 'Surat keluar', 'Outgoing letters'), path: '/petugas/surat', body }));
  });

  app.post('/petugas/surat/tandatangani', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const body = (req.body ?? {}) as { id?: string | string[]; password?: string; all?: string };
    const actor = actorOf(req, ctx);
    const ids = body.all === '1' ? (await signableLetters(ctx, actor, MAX_BATCH)).map((l) => l.id) : ([] as string[]).concat(body.id ?? []);
    if (ids.length === 0) return redirectWith(reply, lang, '/petugas/surat', 'error', L(lang, 'Pilih surat yang akan ditandatangani', 'Choose letters to sign'));
    const r = await signLetters(ctx, { ids, password: body.password ?? '' }, actor);
    if (!r.ok) return redirectWith(reply, lang, '/petugas/surat', 'error', r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' '));
    const failed = r.value.results.filter((x) => !x.ok);
    const msg = L(lang, `${r.value.signed} surat ditandatangani.`, `${r.value.signed} letter(s) signed.`) + (failed.length ? ` ${failed.length} ${L(lang, 'gagal', 'failed')}: ${failed.map((f) => (lang === 'id' ? f.message : f.messageEn)).join('; ')}` : '');
    return redirectWith(reply, lang, '/petugas/surat', failed.length && !r.value.signed ? 'error' : 'ok', msg);
  });

  app.get('/petugas/surat/agenda.xlsx', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const q = req.query as { dari?: string; sampai?: string };
    const office = officeOf(req);
    const today = ctx.clock.localDate(office.office, nowOf(ctx).toISOString());
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const from = q.dari && date.test(q.dari) ? q.dari : `${today.slice(0, 4)}-01-01`;
    const to = q.sampai && date.test(q.sampai) ? q.sampai : today;
    const buf = await exportRegister(ctx, office.id, from, to, actorOf(req, ctx));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="agenda-surat-keluar-${from}-${to}.xlsx"`).send(buf);
  });

  app.get('/petugas/surat/delegasi', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = officeOf(req);
    const rows = await listDelegations(ctx, office.id);
    const staff = (await staffOfOffice(ctx.database.db, office.id)).filter((s) => s.active === 1 && s.id !== req.staff!.id);
    const canDelegate = req.staff!.roles.includes('kepala-dinas');
    const today = ctx.clock.localDate(office.office, nowOf(ctx).toISOString());
    const body = html`${staffNav(lang, req)}<h1>${L(lang, 'Pelimpahan wewenang tanda tangan', 'Signing delegation')}</h1>${flash(req)}
<p>${L(lang, 'Kepala Dinas dapat melimpahkan penandatanganan surat kepada pejabat lain untuk rentang tanggal tertentu. Surat yang ditandatangani penerima pelimpahan memuat "a.n." (atas nama) atau "Plt." (pelaksana tugas).', 'The head of office can let another officer sign letters for a date range; such letters carry "a.n." (on behalf of) or "Plt." (acting).')}</p>
${canDelegate
  ? html`<form method="post" action="${withLang('/petugas/surat/delegasi', lang)}" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">
<div class="field"><label for="f-to">${L(lang, 'Penerima pelimpahan', 'Deputy')}</label><select id="f-to" name="to" required>${staff.map((s) => html`<option value="${s.id}">${s.display_name} (${s.username})</option>`)}</select></div>
<div class="field"><label for="f-kind">${L(lang, 'Bentuk', 'Kind')}</label><select id="f-kind" name="kind"><option value="a.n.">a.n. (atas nama)</option><option value="Plt.">Plt. (pelaksana tugas)</option></select></div>
<div class="field"><label for="f-start">${L(lang, 'Mulai tanggal', 'From')}</label><input id="f-start" name="startsOn" type="date" required value="${today}"></div>
<div class="field"><label for="f-end">${L(lang, 'Sampai tanggal', 'Until')}</label><input id="f-end" name="endsOn" type="date" required value="${today}"></div>
<div class="field"><label for="f-reason">${L(lang, 'Alasan (mis. dinas luar)', 'Reason (e.g. official travel)')}</label><input id="f-reason" name="reason"></div>
<button type="submit" class="primary">${L(lang, 'Limpahkan', 'Delegate')}</button></form>`
  : html`<p class="meta">${L(lang, 'Hanya Kepala Dinas yang dapat membuat pelimpahan.', 'Only the head of office can delegate.')}</p>`}
<div class="table-wrap"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Dari', 'From')}</th><th scope="col">${L(lang, 'Kepada', 'To')}</th><th scope="col">${L(lang, 'Bentuk', 'Kind')}</th><th scope="col">${L(lang, 'Rentang', 'Range')}</th><th scope="col">Status</th><th scope="col"></th></tr></thead><tbody>${rows.map(
      (d) =>
        html`<tr><td>${d.from_name}</td><td>${d.to_name}</td><td>${d.kind}</td><td>${dateOf(lang, d.starts_on)} – ${dateOf(lang, d.ends_on)}</td><td>${d.revoked_at ? L(lang, 'Diakhiri', 'Ended') : d.ends_on < today ? L(lang, 'Lewat', 'Past') : d.starts_on > today ? L(lang, 'Akan datang', 'Upcoming') : L(lang, 'Berlaku', 'In force')}</td><td>${!d.revoked_at && canDelegate ? html`<form method="post" action="${withLang(`/petugas/surat/delegasi/${d.id}/akhiri`, lang)}" class="inline"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}"><button type="submit">${L(lang, 'Akhiri', 'End')}</button></form>` : ''}</td></tr>`,
    )}</tbody></table></div>`;
    return send(reply, page({ lang, title: L(lang, 'Pelimpahan tanda tangan', 'Signing delegation'), path: '/petugas/surat/delegasi', body }));
  });

  app.post('/petugas/surat/delegasi', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const b = (req.body ?? {}) as Record<string, string>;
    const r = await createDelegation(ctx, { to: b.to ?? '', kind: b.kind ?? '', startsOn: b.startsOn ?? '', endsOn: b.endsOn ?? '', reason: b.reason }, actorOf(req, ctx));
    if (!r.ok) return redirectWith(reply, lang, '/petugas/surat/delegasi', 'error', r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' '));
    return redirectWith(reply, lang, '/petugas/surat/delegasi', 'ok', L(lang, 'Pelimpahan dicatat', 'Delegation recorded'));
  });

  app.post('/petugas/surat/delegasi/:id/akhiri', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const done = await endDelegation(ctx, (req.params as { id: string }).id, actorOf(req, ctx));
    return redirectWith(reply, lang, '/petugas/surat/delegasi', done ? 'ok' : 'error', done ? L(lang, 'Pelimpahan diakhiri', 'Delegation ended') : L(lang, 'Pelimpahan tidak ditemukan', 'Delegation not found'));
  });

  app.get('/petugas/surat/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = officeOf(req);
    const l = await findLetter(ctx.database.db, office.id, (req.params as { id: string }).id);
    if (!l) return send(reply, page({ lang, title: '404', path: '/petugas/surat', body: html`${staffNav(lang, req)}<h1>${L(lang, 'Surat tidak ditemukan', 'Letter not found')}</h1>` }), 404);
    const events = await letterEvents(ctx.database.db, l.id);
    const appRow = await ctx.database.db.selectFrom('applications').select(['registration_number']).where('id', '=', l.application_id).executeTakeFirst();
    const signer = l.signer ? (JSON.parse(l.signer) as { name: string; position: string[]; nip: string | null }) : null;
    const path = `/petugas/surat/${l.id}`;
    const csrf = html`<input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}">`;
    const body = html`${staffNav(lang, req)}<h1>${l.title} ${l.number ?? ''}</h1>${flash(req)}
<p>${statusBadge(lang, l.status)} <a href="${withLang(`/petugas/berkas/${l.application_id}`, lang)}">${appRow?.registration_number ?? ''}</a></p>
<dl class="facts">
<div><dt>${L(lang, 'Nomor', 'Number')}</dt><dd data-testid="letter-number">${l.number ?? L(lang, '(belum bernomor)', '(unnumbered)')}</dd></div>
<div><dt>${L(lang, 'Perihal', 'Subject')}</dt><dd>${l.subject}</dd></div>
<div><dt>${L(lang, 'Atas nama', 'Holder')}</dt><dd>${l.holder_name}</dd></div>
<div><dt>${L(lang, 'Layanan', 'Service')}</dt><dd>${serviceName(req, l.service_id)}</dd></div>
<div><dt>${L(lang, 'Tanggal surat', 'Date')}</dt><dd>${dateOf(lang, l.issued_on)}</dd></div>
<div><dt>${L(lang, 'Berlaku s.d.', 'Valid until')}</dt><dd>${l.valid_until ? dateOf(lang, l.valid_until) : '—'}</dd></div>
<div><dt>${L(lang, 'Penanda tangan', 'Signer')}</dt><dd>${signer ? html`${signer.position.join(' ')} ${signer.name}` : L(lang, `peran: ${l.signer_role}`, `role: ${l.signer_role}`)}</dd></div>
${l.sha256 ? html`<div><dt>SHA-256</dt><dd><code style="word-break:break-all">${l.sha256}</code></dd></div>` : ''}
${l.revocation_reason ? html`<div><dt>${L(lang, 'Alasan pencabutan/pembatalan', 'Revocation/cancellation reason')}</dt><dd>${l.revocation_reason}</dd></div>` : ''}
</dl>
<p><a class="button" href="${withLang(`${path}/pdf`, lang)}">${l.sha256 ? L(lang, 'Unduh / cetak PDF', 'Download / print PDF') : L(lang, 'Pratinjau DRAF (PDF)', 'DRAFT preview (PDF)')}</a>${l.signed_at ? html` <a href="/v/${l.token}">${L(lang, 'Halaman verifikasi', 'Verification page')}</a>` : ''}</p>
${(l.status === 'draft' || l.status === 'ready') && !l.number
  ? html`<form method="post" action="${withLang(`${path}/nomori`, lang)}">${csrf}<button type="submit">${L(lang, 'Beri nomor', 'Assign number')}</button></form>`
  : ''}
${l.status === 'ready'
  ? html`<form method="post" action="${withLang('/petugas/surat/tandatangani', lang)}" class="intake">${csrf}<input type="hidden" name="id" value="${l.id}"><div class="field"><label for="f-pass">${L(lang, 'Kata sandi (konfirmasi penandatanganan)', 'Password (signing confirmation)')}</label><input id="f-pass" name="password" type="password" autocomplete="current-password" required></div><button type="submit" class="primary">${L(lang, 'Tandatangani', 'Sign')}</button></form>`
  : ''}
${l.status === 'signed'
  ? html`<details><summary>${L(lang, 'Cabut surat', 'Revoke letter')}</summary><form method="post" action="${withLang(`${path}/cabut`, lang)}" class="intake">${csrf}<div class="field"><label for="f-rr">${L(lang, 'Alasan pencabutan (tampil di halaman verifikasi)', 'Reason (shown on the verification page)')}</label><textarea id="f-rr" name="reason" rows="3" required></textarea></div><div class="field"><label for="f-rep">${L(lang, 'Nomor surat pengganti (jika ada)', 'Replacing letter number (optional)')}</label><input id="f-rep" name="replacedBy"></div><button type="submit" class="reject">${L(lang, 'Cabut', 'Revoke')}</button></form></details>`
  : ''}
${l.status === 'draft' || l.status === 'ready'
  ? html`<details><summary>${L(lang, 'Batalkan surat', 'Cancel letter')}</summary><form method="post" action="${withLang(`${path}/batal`, lang)}" class="intake">${csrf}<div class="field"><label for="f-cr">${L(lang, 'Alasan pembatalan', 'Reason')}</label><textarea id="f-cr" name="reason" rows="3" required></textarea></div><button type="submit" class="reject">${L(lang, 'Batalkan', 'Cancel')}</button></form></details>`
  : ''}
<section aria-labelledby="h-hist"><h2 id="h-hist">${L(lang, 'Riwayat surat', 'Letter history')}</h2><ol class="timeline">${events.map((e) => html`<li><time datetime="${e.at}">${ctx.clock.local(office.office, e.at)}</time> · <strong>${e.type}</strong> · ${e.actor_name}</li>`)}</ol></section>`;
    return send(reply, page({ lang, title: `${l.title} ${l.number ?? ''}`, path, body }));
  });

  app.get('/petugas/surat/:id/pdf', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const l = await findLetter(ctx.database.db, req.staff!.officeId, (req.params as { id: string }).id);
    if (!l) return reply.code(404).type('text/plain; charset=utf-8').send('Tidak ditemukan / Not found');
    return sendPdf(reply, l, true);
  });

  for (const [suffix, action] of [
    ['cabut', 'revoke'],
    ['batal', 'cancel'],
    ['nomori', 'number'],
  ] as const)
    app.post(`/petugas/surat/:id/${suffix}`, { schema: { hide: true } }, async (req, reply) => {
      if (!requireStaffPage(req, reply)) return reply;
      const lang = pickLang(req.query);
      const { id } = req.params as { id: string };
      const b = (req.body ?? {}) as { reason?: string; replacedBy?: string };
      const actor = actorOf(req, ctx);
      const path = `/petugas/surat/${id}`;
      let problems: Problem[] = [];
      if (action === 'revoke') {
        const r = await revokeLetter(ctx, id, b, actor);
        if (!r.ok) problems = r.problems;
      } else if (action === 'cancel') {
        const r = await cancelLetter(ctx, id, b, actor);
        if (!r.ok) problems = r.problems;
      } else {
        const r = await numberLetters(ctx, [id], actor);
        if (!r.ok) problems = r.problems;
        else if (!r.value[0]?.ok) problems = [r.value[0] as Problem];
      }
      if (problems.length) return redirectWith(reply, lang, path, 'error', problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' '));
      return redirectWith(reply, lang, path, 'ok', L(lang, 'Tersimpan', 'Saved'));
    });
}
