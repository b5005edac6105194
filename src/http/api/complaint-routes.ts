/**
 * Complaints (pengaduan): the JSON API, the public pages (complaint form per office, tracking by
 * receipt number and code, published summaries) and the staff pages under /petugas/pengaduan.
 * Routes are thin: the use cases in src/usecases/complaints decide. Every value shown in HTML goes
 * through the escaping `html` template; nothing the public sends is ever rendered as markup.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { publishedSummaries } from '../../db/complaints-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import {
  CHANNEL_LABELS,
  COMPLAINT_MODES,
  COMPLAINT_TYPES,
  MODE_LABELS,
  TYPE_LABELS,
  type ComplaintType,
  type FieldProblem,
} from '../../domain/complaints/index.js';
import type { Actor, Ctx } from '../../usecases/context.js';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { fileComplaint, type FileComplaintInput } from '../../usecases/complaints/file-complaint.js';
import { complaintSetup } from '../../usecases/complaints/office-complaints.js';
import { complaintDetailFor, complaintNotifications, listComplaintsFor, type ComplaintDetailDto } from '../../usecases/complaints/staff-complaints.js';
import { addComplaintInformation, complaintPublicStatus, findTrackedComplaint, giveComplaintFeedback, type PublicComplaintStatus } from '../../usecases/complaints/track-complaint.js';
import { addComplaintNote, publishComplaintSummary, transitionComplaint } from '../../usecases/complaints/work-complaint.js';
import { actorOf, requireStaffApi, requireStaffPage } from '../auth.js';
import { errorSchema, sendError } from '../errors.js';
import { pickLang, type Lang } from '../i18n.js';
import { html, multiline, type Raw } from '../pages/html.js';
import { page, withLang } from '../pages/layout.js';
import { staffNav } from '../pages/back-office-routes.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);
const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);
const pair = (lang: Lang, p: [string, string] | undefined, fallback: string) => (p ? p[lang === 'id' ? 0 : 1] : fallback);

/** Public intake limits: per client address, per minute. */
export const COMPLAINT_RATE = { max: 10, timeWindow: '1 minute' } as const;
const BODY_LIMIT = 64 * 1024;

const problemsReply = (reply: FastifyReply, status: number, problems: FieldProblem[]) =>
  reply.code(status).type('application/json; charset=utf-8').send({
    error: {
      code: status === 422 ? 'invalid' : (problems[0]?.code ?? 'error'),
      message: status === 422 ? `${problems.length} isian perlu diperbaiki` : (problems[0]?.message ?? 'Kesalahan'),
      messageEn: status === 422 ? `${problems.length} field(s) need fixing` : (problems[0]?.messageEn ?? 'Error'),
      problems,
    },
  });

const notTracked = (reply: FastifyReply) => sendError(reply, 404, 'complaint-not-found', 'Nomor pengaduan atau kode pelacakan tidak cocok', 'Complaint number or tracking code does not match');

const SLA_LABEL: Record<string, [string, string]> = {
  'on-time': ['Dalam batas waktu', 'On time'],
  'at-risk': ['Hampir terlambat', 'At risk'],
  late: ['Terlambat', 'Late'],
  met: ['Dijawab tepat waktu', 'Answered on time'],
  missed: ['Dijawab terlambat', 'Answered late'],
};
const SLA_CLASS: Record<string, string> = { 'on-time': 'on-time', 'at-risk': 'at-risk', late: 'late', met: 'on-time', missed: 'late' };
const slaBadge = (lang: Lang, s: string) => html`<span class="badge sla-${SLA_CLASS[s] ?? 'closed'}">${pair(lang, SLA_LABEL[s], s)}</span>`;

const problemSchema = { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } } } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;

/** "2026-03-20T09:00" typed in the office's zone → UTC ISO. */
function localInputToIso(value: string | undefined, timeZone: string): string | undefined {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value; // the use case explains the format
  try {
    return Temporal.PlainDateTime.from(value).toZonedDateTime(timeZone).toInstant().toString();
  } catch {
    return value;
  }
}

export function complaintRoutes(app: FastifyInstance, ctx: Ctx): void {
  // ───────────────────────────── JSON API ─────────────────────────────
  app.post(
    '/api/v1/complaints',
    {
      bodyLimit: BODY_LIMIT,
      config: { rateLimit: COMPLAINT_RATE },
      schema: {
        tags: ['complaints'],
        summary: 'Sampaikan pengaduan / File a complaint (public without account, or staff from any channel)',
        description:
          'Publik: channel "website" (bawaan). Petugas (token/cookie): saluran yang ditetapkan keputusan kantor, "website" dan "lapor" (wajib externalRef = nomor pelacakan LAPOR!). mode: named | anonymous (tanpa identitas; complainant tidak boleh dikirim) | confidential. Idempotency-Key membuat kiriman ulang mengembalikan pengaduan yang sama.',
        headers: { type: 'object', properties: { 'idempotency-key': { type: 'string' } } },
        body: {
          type: 'object',
          required: ['office', 'mode', 'text'],
          properties: {
            office: { type: 'string' },
            channel: { type: 'string' },
            type: { type: 'string', enum: [...COMPLAINT_TYPES] },
            mode: { type: 'string', enum: [...COMPLAINT_MODES] },
            text: { type: 'string' },
            service: { type: 'string' },
            application: { type: 'string' },
            complainant: { type: 'object', properties: { name: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' } } },
            externalRef: { type: 'string' },
            receivedAt: { type: 'string', description: 'Petugas saja: waktu diterima (ISO 8601 dengan zona)' },
          },
        },
        response: {
          201: { type: 'object', properties: { receiptNumber: { type: 'string' }, trackingCode: { type: 'string' }, dueAt: { type: 'string' }, dueAtLocal: { type: 'string' } } },
          404: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      if (req.staff && !requireStaffApi(req, reply)) return reply;
      const body = (req.body ?? {}) as FileComplaintInput;
      const r = await fileComplaint(ctx, { ...body, idempotencyKey: req.headers['idempotency-key'] as string | undefined }, actorOf(req, ctx));
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return reply.code(201).send({ receiptNumber: r.value.receiptNumber, trackingCode: r.value.trackingCode, dueAt: r.value.dueAt, dueAtLocal: r.value.dueAtLocal });
    },
  );

  app.get(
    '/api/v1/complaints/:receiptNumber/status',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['complaints'],
        summary: 'Lacak pengaduan / Track a complaint (no identity is ever shown)',
        params: { type: 'object', properties: { receiptNumber: { type: 'string' } }, required: ['receiptNumber'] },
        querystring: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
        response: { 200: anyObject, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { receiptNumber } = req.params as { receiptNumber: string };
      const found = await findTrackedComplaint(ctx, receiptNumber, (req.query as { code: string }).code);
      if (!found) return notTracked(reply);
      return complaintPublicStatus(ctx, found);
    },
  );

  app.post(
    '/api/v1/complaints/:receiptNumber/information',
    {
      bodyLimit: BODY_LIMIT,
      config: { rateLimit: COMPLAINT_RATE },
      schema: {
        tags: ['complaints'],
        summary: 'Tambah informasi (pelapor) / Add information (complainant)',
        params: { type: 'object', properties: { receiptNumber: { type: 'string' } }, required: ['receiptNumber'] },
        body: { type: 'object', required: ['code', 'text'], properties: { code: { type: 'string' }, text: { type: 'string' } } },
        response: { 200: anyObject, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const { receiptNumber } = req.params as { receiptNumber: string };
      const body = req.body as { code: string; text: string };
      const found = await findTrackedComplaint(ctx, receiptNumber, body.code);
      if (!found) return notTracked(reply);
      const r = await addComplaintInformation(ctx, found, body.text);
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    },
  );

  app.post(
    '/api/v1/complaints/:receiptNumber/feedback',
    {
      bodyLimit: BODY_LIMIT,
      config: { rateLimit: COMPLAINT_RATE },
      schema: {
        tags: ['complaints'],
        summary: 'Apakah jawaban menyelesaikan masalah? (pelapor) / Did the answer resolve it? (complainant)',
        description: 'resolved=true menutup pengaduan; resolved=false (dengan comment) membukanya kembali dengan janji waktu baru.',
        params: { type: 'object', properties: { receiptNumber: { type: 'string' } }, required: ['receiptNumber'] },
        body: { type: 'object', required: ['code', 'resolved'], properties: { code: { type: 'string' }, resolved: { type: 'boolean' }, comment: { type: 'string' } } },
        response: { 200: anyObject, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const { receiptNumber } = req.params as { receiptNumber: string };
      const body = req.body as { code: string; resolved: boolean; comment?: string };
      const found = await findTrackedComplaint(ctx, receiptNumber, body.code);
      if (!found) return notTracked(reply);
      const r = await giveComplaintFeedback(ctx, found, body);
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    },
  );

  app.get(
    '/api/v1/offices/:slug/complaint-setup',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Saluran, jenis, tahap dan janji tanggapan pengaduan kantor / An office’s complaint channels, types, stages and response promise',
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        response: { 200: anyObject, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const office = ctx.catalogue.office((req.params as { slug: string }).slug);
      if (!office) return sendError(reply, 404, 'office-not-found', 'Kantor tidak ditemukan', 'Office not found');
      const s = complaintSetup(office);
      return {
        office: office.office.slug,
        channels: s.channels.map((k) => ({ kind: k, label: CHANNEL_LABELS[k][0], decree: office.office.complaints.channels.filter((c) => c.kind === k).map((c) => ({ label: c.label, value: c.value ?? null })) })),
        types: COMPLAINT_TYPES.map((t) => ({ id: t, label: TYPE_LABELS[t][0], labelEn: TYPE_LABELS[t][1] })),
        modes: COMPLAINT_MODES.map((m) => ({ id: m, label: MODE_LABELS[m][0], labelEn: MODE_LABELS[m][1] })),
        stages: s.stages.map((x) => ({ id: x.id, label: x.label, labelEn: x.labelEn, kind: x.kind, routing: x.routing })),
        responsePromise: { ...s.promise.sla, source: s.promise.source, text: s.promise.text, textEn: s.promise.textEn },
      };
    },
  );

  app.get(
    '/api/v1/offices/:slug/complaints/published',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Ringkasan pengaduan yang dipublikasikan (anonim) / Published anonymised complaint summaries',
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200 } } },
        response: { 200: anyObject, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const office = ctx.catalogue.office((req.params as { slug: string }).slug);
      if (!office) return sendError(reply, 404, 'office-not-found', 'Kantor tidak ditemukan', 'Office not found');
      return { office: office.office.slug, items: await publishedItems(office, (req.query as { limit?: number }).limit ?? 50) };
    },
  );

  const publishedItems = async (office: StoredOffice, limit: number) => {
    const { stages } = complaintSetup(office);
    const rows = await publishedSummaries(ctx.database.db, office.id, limit);
    return rows.map((r) => {
      const svc = r.service_id ? office.services.find((s) => s.id === r.service_id) : undefined;
      const st = stages.find((s) => s.id === r.stage);
      return {
        type: r.type,
        typeLabel: TYPE_LABELS[r.type as ComplaintType]?.[0] ?? r.type,
        service: svc ? { slug: svc.service.slug, title: svc.service.title } : null,
        stage: st?.label ?? r.stage,
        receivedOn: ctx.clock.localDate(office.office, r.received_at),
        answeredOn: r.answered_at ? ctx.clock.localDate(office.office, r.answered_at) : null,
        resolved: r.resolved === null ? null : r.resolved === 1,
        summary: r.public_summary,
        publishedOn: ctx.clock.localDate(office.office, r.published_at!),
      };
    });
  };

  // Staff API
  const staffActor = (req: FastifyRequest, reply: FastifyReply): Actor | null => (requireStaffApi(req, reply) ? actorOf(req, ctx) : null);

  app.get(
    '/api/v1/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Daftar pengaduan kantor (petugas) / The office’s complaints (staff)',
        description: 'Pengaduan rahasia hanya tampil untuk pengelola pengaduan dan Kepala Dinas; identitasnya tidak pernah tampil di daftar.',
        querystring: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'answered', 'closed'] }, stage: { type: 'string' }, slaState: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 500 }, offset: { type: 'integer', minimum: 0 } } },
        response: { 200: anyObject, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req, reply);
      if (!actor) return reply;
      const r = await listComplaintsFor(ctx, actor, req.query as { status?: string; stage?: string; slaState?: string; limit?: number; offset?: number });
      if (!r.ok) return sendError(reply, r.status, r.error.code, r.error.message, r.error.messageEn);
      return r.value;
    },
  );

  app.get(
    '/api/v1/complaints/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Rincian pengaduan (petugas) / Complaint detail (staff)',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        response: { 200: anyObject, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req, reply);
      if (!actor) return reply;
      const d = await complaintDetailFor(ctx, actor, (req.params as { id: string }).id);
      if (!d) return sendError(reply, 404, 'complaint-not-found', 'Pengaduan tidak ditemukan', 'Complaint not found');
      return d;
    },
  );

  app.post(
    '/api/v1/complaints/:id/transitions',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['complaints'],
        summary: 'Pindahkan tahap / jawab / bukan kewenangan / gabungkan / tutup (petugas) / Move a complaint (staff)',
        description:
          'to: id tahap tujuan (lihat complaint-setup). dijawab → answer wajib; tahap terakhir sebelum dijawab (routing) → unit dan coordination (internal|external); bukan-kewenangan → referral; digabung → mergeInto (nomor pengaduan sebelumnya). version wajib (409 bila pengaduan berubah).',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        body: {
          type: 'object',
          required: ['to', 'version'],
          properties: {
            to: { type: 'string' },
            version: { type: 'integer' },
            note: { type: 'string' },
            answer: { type: 'string' },
            unit: { type: 'string' },
            coordination: { type: 'string', enum: ['internal', 'external'] },
            referral: { type: 'string' },
            mergeInto: { type: 'string' },
          },
        },
        response: { 200: anyObject, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req, reply);
      if (!actor) return reply;
      const r = await transitionComplaint(ctx, actor, (req.params as { id: string }).id, req.body as never);
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    },
  );

  app.post(
    '/api/v1/complaints/:id/notes',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['complaints'],
        summary: 'Catatan internal (petugas) / Internal note (staff)',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        body: { type: 'object', required: ['note'], properties: { note: { type: 'string' } } },
        response: { 200: anyObject, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req, reply);
      if (!actor) return reply;
      const r = await addComplaintNote(ctx, actor, (req.params as { id: string }).id, (req.body as { note: string }).note);
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    },
  );

  app.post(
    '/api/v1/complaints/:id/summary',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['complaints'],
        summary: 'Publikasikan / tarik ringkasan anonim (petugas) / Publish or withdraw the anonymised summary (staff)',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        body: { type: 'object', properties: { summary: { type: 'string' }, publish: { type: 'boolean' } } },
        response: { 200: anyObject, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req, reply);
      if (!actor) return reply;
      const r = await publishComplaintSummary(ctx, actor, (req.params as { id: string }).id, req.body as { summary?: string; publish?: boolean });
      if (!r.ok) return problemsReply(reply, r.status, r.problems);
      return r.value;
    },
  );

  app.get(
    '/api/v1/complaint-notifications',
    { schema: { tags: ['complaints'], summary: 'Peringatan janji waktu dan eskalasi untuk peran saya / SLA warnings and escalations for my roles', response: { 200: { type: 'array', items: anyObject }, 401: errorSchema } } },
    async (req, reply) => {
      const actor = staffActor(req, reply);
      if (!actor) return reply;
      return complaintNotifications(ctx, actor);
    },
  );

  // ───────────────────────────── Public pages ─────────────────────────────
  const channelList = (lang: Lang, office: StoredOffice) =>
    html`<ul>${office.office.complaints.channels.map((c) => html`<li>${c.label}${c.value ? html`: <strong>${c.value}</strong>` : ''}</li>`)}<li>SP4N-LAPOR!: <a href="https://www.lapor.go.id">www.lapor.go.id</a></li></ul>`;

  interface FormState {
    values: Record<string, string>;
    problems: FieldProblem[];
  }

  const fieldError = (state: FormState, ...fields: string[]) => {
    const p = state.problems.find((x) => fields.includes(x.field));
    return p ? html`<p class="field-error" id="err-${fields[0]!.replace(/\W/g, '-')}">${p.message}</p>` : '';
  };
  const invalid = (state: FormState, ...fields: string[]) => (state.problems.some((x) => fields.includes(x.field)) ? html` aria-invalid="true" aria-describedby="err-${fields[0]!.replace(/\W/g, '-')}"` : '');

  const complaintFormBody = (lang: Lang, office: StoredOffice, state: FormState, opts: { action: string; staff: boolean; csrf?: string }) => {
    const v = state.values;
    const setup = complaintSetup(office);
    const checked = (name: string, value: string, dflt = false) => ((v[name] ?? (dflt ? value : '')) === value ? html` checked` : '');
    return html`${state.problems.length
      ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${L(lang, 'Periksa kembali isian berikut', 'Please check the following')}</h2><ul>${state.problems.map((p) => html`<li>${lang === 'id' ? p.message : p.messageEn}</li>`)}</ul></div>`
      : ''}
<form method="post" action="${opts.action}" class="intake" novalidate>
${opts.csrf !== undefined ? html`<input type="hidden" name="_csrf" value="${opts.csrf}">` : ''}
<input type="hidden" name="_idem" value="${v._idem ?? randomBytes(12).toString('hex')}">
<div style="position:absolute;left:-10000px" aria-hidden="true"><label for="f-hp">${L(lang, 'Jangan diisi', 'Leave empty')}</label><input id="f-hp" name="website_url" tabindex="-1" autocomplete="off"></div>
${opts.staff
  ? html`<fieldset><legend>${L(lang, 'Saluran', 'Channel')}</legend>
<div class="field"><label for="f-channel">${L(lang, 'Diterima melalui', 'Received through')}</label><select id="f-channel" name="channel"${invalid(state, 'channel')}>${setup.channels.map((k) => html`<option value="${k}"${v.channel === k ? html` selected` : ''}>${pair(lang, CHANNEL_LABELS[k], k)}</option>`)}</select>${fieldError(state, 'channel')}</div>
<div class="field"><label for="f-ext">${L(lang, 'Nomor pelacakan LAPOR! / rujukan luar (wajib untuk SP4N-LAPOR!)', 'LAPOR! tracking id / outside reference (required for SP4N-LAPOR!)')}</label><input id="f-ext" name="externalRef" value="${v.externalRef ?? ''}" maxlength="64"${invalid(state, 'externalRef')}>${fieldError(state, 'externalRef')}</div>
<div class="field"><label for="f-recv">${L(lang, 'Waktu diterima (kosong = sekarang)', 'Time received (empty = now)')}</label><input id="f-recv" name="receivedAt" type="datetime-local" value="${v.receivedAt ?? ''}"${invalid(state, 'receivedAt')}>${fieldError(state, 'receivedAt')}</div>
</fieldset>`
  : ''}
<fieldset><legend>${L(lang, 'Jenis laporan', 'Kind of report')}</legend>
${COMPLAINT_TYPES.map((t) => html`<div class="check"><input type="radio" id="f-type-${t}" name="type" value="${t}"${checked('type', t, t === 'pengaduan')}><label for="f-type-${t}">${pair(lang, TYPE_LABELS[t], t)}</label></div>`)}
${fieldError(state, 'type')}</fieldset>
<div class="field"><label for="f-text">${L(lang, 'Isi laporan', 'Your report')}</label><p class="help" id="h-text">${L(lang, 'Ceritakan apa yang terjadi, kapan dan di mana (10–5.000 karakter).', 'Say what happened, when and where (10–5,000 characters).')}</p><textarea id="f-text" name="text" rows="6" maxlength="5000" required aria-describedby="h-text"${invalid(state, 'text')}>${v.text ?? ''}</textarea>${fieldError(state, 'text')}</div>
<div class="field"><label for="f-svc">${L(lang, 'Layanan yang dimaksud (bila ada)', 'The service concerned (if any)')}</label><select id="f-svc" name="service"${invalid(state, 'service')}><option value="">${L(lang, '— tidak terkait layanan tertentu —', '— no particular service —')}</option>${office.services.map((s) => html`<option value="${s.service.slug}"${v.service === s.service.slug ? html` selected` : ''}>${s.service.no}. ${s.service.title}</option>`)}</select>${fieldError(state, 'service')}</div>
<div class="field"><label for="f-app">${L(lang, 'Nomor registrasi permohonan (bila ada)', 'Application registration number (if any)')}</label><input id="f-app" name="application" value="${v.application ?? ''}" placeholder="JMB-2026-000123" autocapitalize="characters"${invalid(state, 'application')}>${fieldError(state, 'application')}</div>
<fieldset><legend>${L(lang, 'Identitas pelapor', 'Your identity')}</legend>
${COMPLAINT_MODES.map((m) => html`<div class="check"><input type="radio" id="f-mode-${m}" name="mode" value="${m}"${checked('mode', m, m === 'named')}><label for="f-mode-${m}">${pair(lang, MODE_LABELS[m], m)}</label></div>`)}
${fieldError(state, 'mode')}
<p class="help">${L(lang, 'Bila memilih anonim, isian di bawah ini diabaikan dan tidak disimpan; laporan tetap dapat dilacak dengan nomor dan kode pelacakan.', 'If you choose anonymous, the fields below are ignored and not stored; you can still follow your report with its number and tracking code.')}</p>
<div class="field"><label for="f-name">${L(lang, 'Nama', 'Name')}</label><input id="f-name" name="name" autocomplete="name" maxlength="100" value="${v.name ?? ''}"${invalid(state, 'complainant.name', 'complainant')}>${fieldError(state, 'complainant.name', 'complainant')}</div>
<div class="field"><label for="f-phone">${L(lang, 'Nomor HP (boleh kosong)', 'Mobile number (optional)')}</label><input id="f-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="24" value="${v.phone ?? ''}"${invalid(state, 'complainant.phone')}>${fieldError(state, 'complainant.phone')}</div>
<div class="field"><label for="f-email">${L(lang, 'Email (boleh kosong)', 'E-mail (optional)')}</label><input id="f-email" name="email" type="email" autocomplete="email" maxlength="254" value="${v.email ?? ''}"${invalid(state, 'complainant.email')}>${fieldError(state, 'complainant.email')}</div>
</fieldset>
<button type="submit" class="primary">${L(lang, 'Kirim laporan', 'Send report')}</button>
</form>`;
  };

  /** Form fields → the use case's input. Anonymous drops whatever identity was typed. */
  const formToComplaint = (office: StoredOffice, f: Record<string, string>, staff: boolean): FileComplaintInput => {
    const anonymous = f.mode === 'anonymous';
    const identity = { name: f.name?.trim() || undefined, phone: f.phone?.trim() || undefined, email: f.email?.trim() || undefined };
    return {
      office: office.office.slug,
      channel: staff ? f.channel : 'website',
      type: f.type || undefined,
      mode: f.mode || undefined,
      text: f.text,
      service: f.service || undefined,
      application: f.application?.trim() || undefined,
      complainant: anonymous || !Object.values(identity).some(Boolean) ? undefined : identity,
      externalRef: staff ? f.externalRef?.trim() || undefined : undefined,
      receivedAt: staff ? localInputToIso(f.receivedAt, office.office.timezone) : undefined,
      idempotencyKey: /^[a-f0-9]{24}$/.test(f._idem ?? '') ? `form-${f._idem}` : undefined,
    };
  };

  const publicFormPage = (lang: Lang, office: StoredOffice, state: FormState) => {
    const setup = complaintSetup(office);
    const path = `/kantor/${office.office.slug}/pengaduan`;
    return page({
      lang,
      title: L(lang, `Pengaduan dan saran — ${office.office.name}`, `Complaints and suggestions — ${office.office.name}`),
      path,
      breadcrumbs: [
        { href: '/', label: L(lang, 'Beranda', 'Home') },
        { href: `/kantor/${office.office.slug}`, label: office.office.name },
      ],
      body: html`<h1>${L(lang, 'Sampaikan pengaduan, saran atau permintaan informasi', 'Send a complaint, suggestion or request for information')}</h1>
<p>${office.office.name}. ${L(lang, 'Tanpa akun. Anda langsung mendapat nomor pengaduan dan kode pelacakan.', 'No account needed. You get a complaint number and tracking code at once.')}</p>
<div class="notice"><strong>${L(lang, 'Janji tanggapan', 'Response promise')}:</strong> ${lang === 'id' ? setup.promise.text : setup.promise.textEn}</div>
<details><summary>${L(lang, 'Saluran pengaduan lain', 'Other complaint channels')}</summary>${channelList(lang, office)}</details>
${complaintFormBody(lang, office, state, { action: withLang(path, lang), staff: false })}
<p><a href="${withLang('/pengaduan', lang)}">${L(lang, 'Lacak pengaduan yang sudah dikirim', 'Track a complaint you sent')}</a> · <a href="${withLang(`${path}/publik`, lang)}">${L(lang, 'Ringkasan pengaduan yang telah ditangani', 'Summaries of handled complaints')}</a></p>`,
    });
  };

  const receiptPage = (lang: Lang, office: StoredOffice, r: { receiptNumber: string; trackingCode: string; dueAtLocal: string }) =>
    page({
      lang,
      title: L(lang, 'Tanda terima pengaduan', 'Complaint receipt'),
      path: '/pengaduan',
      body: html`<h1>${L(lang, 'Laporan diterima', 'Report received')}</h1>
<div class="receipt" role="status">
<p>${L(lang, 'Nomor pengaduan', 'Complaint number')}: <strong class="big" data-testid="receipt-number">${r.receiptNumber}</strong></p>
<p>${L(lang, 'Kode pelacakan', 'Tracking code')}: <strong class="big" data-testid="tracking-code">${r.trackingCode}</strong></p>
<p>${L(lang, 'Ditanggapi paling lambat', 'To be answered by')}: <strong data-testid="due">${r.dueAtLocal}</strong></p>
<p class="meta">${L(lang, 'Simpan nomor dan kode ini: keduanya diperlukan untuk melihat jawaban dan menambahkan informasi. Kode tidak dapat ditampilkan lagi.', 'Keep the number and the code: you need both to read the answer and add information. The code cannot be shown again.')} ${office.office.name}.</p>
</div>
<p><a class="button" href="${withLang(`/pengaduan/${r.receiptNumber}?code=${r.trackingCode}`, lang)}">${L(lang, 'Lacak pengaduan', 'Track complaint')}</a></p>`,
    });

  app.get('/kantor/:slug/pengaduan', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const office = ctx.catalogue.office((req.params as { slug: string }).slug);
    if (!office) return reply.callNotFound();
    return send(reply, publicFormPage(lang, office, { values: {}, problems: [] }));
  });

  app.post('/kantor/:slug/pengaduan', { schema: { hide: true }, bodyLimit: BODY_LIMIT, config: { rateLimit: COMPLAINT_RATE } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const office = ctx.catalogue.office((req.params as { slug: string }).slug);
    if (!office) return reply.callNotFound();
    const f = stringFields(req.body);
    if (f.website_url) {
      // The honeypot: people never see this field; automated form fillers do.
      return send(reply, publicFormPage(lang, office, { values: f, problems: [{ field: 'form', code: 'rejected', message: 'Laporan tidak dapat diterima; coba lagi', messageEn: 'The report could not be accepted; try again' }] }), 422);
    }
    const r = await fileComplaint(ctx, formToComplaint(office, f, false), PUBLIC_ACTOR);
    if (!r.ok) return send(reply, publicFormPage(lang, office, { values: f, problems: r.problems }), r.status);
    return send(reply, receiptPage(lang, office, r.value), 201);
  });

  app.get('/kantor/:slug/pengaduan/publik', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const office = ctx.catalogue.office((req.params as { slug: string }).slug);
    if (!office) return reply.callNotFound();
    const items = await publishedItems(office, 100);
    return send(
      reply,
      page({
        lang,
        title: L(lang, `Ringkasan pengaduan — ${office.office.name}`, `Complaint summaries — ${office.office.name}`),
        path: `/kantor/${office.office.slug}/pengaduan/publik`,
        breadcrumbs: [
          { href: '/', label: L(lang, 'Beranda', 'Home') },
          { href: `/kantor/${office.office.slug}`, label: office.office.name },
        ],
        body: html`<h1>${L(lang, 'Ringkasan pengaduan yang telah ditangani', 'Summaries of handled complaints')}</h1>
<p>${L(lang, 'Ringkasan ditulis petugas tanpa identitas pelapor (Perpres 76/2013: hasil penanganan pengaduan terbuka untuk publik). Pengaduan rahasia tidak dipublikasikan.', "Summaries are written by staff without the complainant's identity (Perpres 76/2013: results are public). Confidential complaints are never published.")}</p>
${items.length
  ? html`<ul class="cards">${items.map((i) => html`<li><p class="meta">${i.typeLabel} · ${L(lang, 'diterima', 'received')} ${i.receivedOn}${i.answeredOn ? html` · ${L(lang, 'dijawab', 'answered')} ${i.answeredOn}` : ''}${i.service ? html` · ${i.service.title}` : ''}</p><p>${multiline(i.summary ?? '')}</p>${i.resolved !== null ? html`<p class="meta">${i.resolved ? L(lang, 'Pelapor menyatakan masalah selesai', 'The complainant said it was resolved') : L(lang, 'Pelapor menyatakan masalah belum selesai', 'The complainant said it was not resolved')}</p>` : ''}</li>`)}</ul>`
  : html`<p>${L(lang, 'Belum ada ringkasan yang dipublikasikan.', 'No summary published yet.')}</p>`}
<p><a href="${withLang(`/kantor/${office.office.slug}/pengaduan`, lang)}">${L(lang, 'Sampaikan pengaduan', 'Send a complaint')}</a></p>`,
      }),
    );
  });

  app.get('/pengaduan', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const q = req.query as { nomor?: string; code?: string };
    if (q.nomor && q.code) return reply.redirect(withLang(`/pengaduan/${encodeURIComponent(q.nomor.trim().toUpperCase())}?code=${encodeURIComponent(q.code.trim().toUpperCase())}`, lang), 303);
    return send(
      reply,
      page({
        lang,
        title: L(lang, 'Lacak pengaduan', 'Track a complaint'),
        path: '/pengaduan',
        body: html`<h1>${L(lang, 'Lacak pengaduan', 'Track a complaint')}</h1>
<form method="get" action="/pengaduan" class="intake">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div class="field"><label for="f-nomor">${L(lang, 'Nomor pengaduan', 'Complaint number')}</label><input id="f-nomor" name="nomor" required placeholder="BJM-ADU-2026-000001" autocapitalize="characters"></div>
<div class="field"><label for="f-code">${L(lang, 'Kode pelacakan', 'Tracking code')}</label><input id="f-code" name="code" required autocomplete="off" autocapitalize="characters"></div>
<button type="submit" class="primary">${L(lang, 'Lacak', 'Track')}</button></form>`,
      }),
    );
  });

  const statusPage = (lang: Lang, s: PublicComplaintStatus, code: string, message?: Raw | string, problems: FieldProblem[] = []) => {
    const self = `/pengaduan/${s.receiptNumber}`;
    return page({
      lang,
      title: `${L(lang, 'Pengaduan', 'Complaint')} ${s.receiptNumber}`,
      path: self,
      body: html`<h1>${L(lang, 'Pengaduan', 'Complaint')} ${s.receiptNumber}</h1>
${message ? html`<div class="notice" role="status">${message}</div>` : ''}
${problems.length ? html`<div class="error-summary" role="alert"><ul>${problems.map((p) => html`<li>${lang === 'id' ? p.message : p.messageEn}</li>`)}</ul></div>` : ''}
<dl class="facts">
<div><dt>${L(lang, 'Tahap', 'Stage')}</dt><dd data-testid="stage">${lang === 'id' ? s.stage.label : s.stage.labelEn}</dd></div>
<div><dt>${L(lang, 'Diterima', 'Received')}</dt><dd>${s.receivedAtLocal}<br><span class="meta">${s.channelLabel}${s.externalRef ? ` · ${s.externalRef}` : ''}</span></dd></div>
<div><dt>${L(lang, 'Ditanggapi paling lambat', 'To be answered by')}</dt><dd>${s.dueAtLocal}<br>${slaBadge(lang, s.slaState)}</dd></div>
</dl>
<p class="meta">${s.office.name} · ${lang === 'id' ? s.typeLabel : s.typeLabelEn} · ${lang === 'id' ? s.modeLabel : s.modeLabelEn}${s.service ? html` · ${s.service.title}` : ''}${s.application ? html` · ${s.application}` : ''}</p>
<section aria-labelledby="h-text"><h2 id="h-text">${L(lang, 'Laporan Anda', 'Your report')}</h2><p>${multiline(s.text)}</p></section>
${s.answer
  ? html`<section aria-labelledby="h-answer"><h2 id="h-answer">${L(lang, 'Jawaban Dinas Sosial', "The office's answer")}</h2><div class="receipt" data-testid="answer"><p>${multiline(s.answer)}</p><p class="meta">${s.answeredAtLocal ?? ''}</p></div></section>`
  : ''}
${s.referral ? html`<section aria-labelledby="h-ref"><h2 id="h-ref">${L(lang, 'Bukan kewenangan Dinas Sosial: sampaikan ke', 'Not our authority: please contact')}</h2><p data-testid="referral">${multiline(s.referral)}</p></section>` : ''}
${s.mergedInto ? html`<p class="notice">${L(lang, `Laporan ini digabung dengan pengaduan ${s.mergedInto} yang menyangkut hal yang sama.`, `This report was merged with complaint ${s.mergedInto} about the same matter.`)}</p>` : ''}
${s.resolved !== null ? html`<p>${s.resolved ? L(lang, 'Anda menyatakan jawaban menyelesaikan masalah. Terima kasih.', 'You said the answer resolved the problem. Thank you.') : L(lang, 'Anda menyatakan masalah belum selesai; pengaduan ditindaklanjuti kembali.', 'You said the problem is not resolved; the complaint is being followed up again.')}</p>` : ''}
${s.canGiveFeedback
  ? html`<section aria-labelledby="h-fb"><h2 id="h-fb">${L(lang, 'Apakah jawaban ini menyelesaikan masalah Anda?', 'Did this answer resolve your problem?')}</h2>
<form method="post" action="${withLang(`${self}/tanggapan`, lang)}" class="intake"><input type="hidden" name="code" value="${code}">
<fieldset><legend>${L(lang, 'Tanggapan Anda', 'Your response')}</legend>
<div class="check"><input type="radio" id="f-res-yes" name="resolved" value="true" required><label for="f-res-yes">${L(lang, 'Ya, sudah selesai', 'Yes, it is resolved')}</label></div>
<div class="check"><input type="radio" id="f-res-no" name="resolved" value="false"><label for="f-res-no">${L(lang, 'Belum selesai', 'Not resolved')}</label></div></fieldset>
<div class="field"><label for="f-comment">${L(lang, 'Komentar (wajib bila belum selesai)', 'Comment (required if not resolved)')}</label><textarea id="f-comment" name="comment" rows="3" maxlength="2000"></textarea></div>
<button type="submit" class="primary">${L(lang, 'Kirim tanggapan', 'Send response')}</button></form></section>`
  : ''}
${s.canAddInformation
  ? html`<section aria-labelledby="h-add"><h2 id="h-add">${L(lang, 'Tambahkan informasi', 'Add information')}</h2>
<form method="post" action="${withLang(`${self}/informasi`, lang)}" class="intake"><input type="hidden" name="code" value="${code}">
<div class="field"><label for="f-info">${L(lang, 'Informasi tambahan untuk petugas', 'More information for the officer')}</label><textarea id="f-info" name="text" rows="3" maxlength="3000" required></textarea></div>
<button type="submit">${L(lang, 'Kirim informasi', 'Send information')}</button></form></section>`
  : ''}
<section aria-labelledby="h-tl"><h2 id="h-tl">${L(lang, 'Riwayat', 'History')}</h2><ol class="timeline">${s.timeline.map(
        (e) => html`<li><time datetime="${e.at}">${e.atLocal}</time> · <strong>${lang === 'id' ? e.label : e.labelEn}</strong>${e.data.unit ? html` · ${String(e.data.unit)}` : ''}${e.text && e.type !== 'answered' ? html`<br>${multiline(e.text)}` : ''}</li>`,
      )}</ol></section>
<p class="meta">${lang === 'id' ? s.responsePromise.text : s.responsePromise.textEn}</p>`,
    });
  };

  const trackedNotFound = (reply: FastifyReply, lang: Lang) =>
    send(
      reply,
      page({ lang, title: L(lang, 'Tidak ditemukan', 'Not found'), path: '/pengaduan', body: html`<h1>${L(lang, 'Nomor pengaduan atau kode pelacakan tidak cocok', 'Complaint number or tracking code does not match')}</h1><p><a href="${withLang('/pengaduan', lang)}">${L(lang, 'Coba lagi', 'Try again')}</a></p>` }),
      404,
    );

  app.get('/pengaduan/:receipt', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const { receipt } = req.params as { receipt: string };
    const code = String((req.query as { code?: string }).code ?? '');
    const found = await findTrackedComplaint(ctx, receipt, code);
    if (!found) return trackedNotFound(reply, lang);
    const done = (req.query as { ok?: string }).ok;
    const msg = done === 'info' ? L(lang, 'Informasi tambahan terkirim.', 'Information sent.') : done === 'fb' ? L(lang, 'Tanggapan Anda tercatat.', 'Your response was recorded.') : undefined;
    return send(reply, statusPage(lang, await complaintPublicStatus(ctx, found), code.toUpperCase(), msg));
  });

  for (const [suffix, kind] of [
    ['informasi', 'info'],
    ['tanggapan', 'fb'],
  ] as const)
    app.post(`/pengaduan/:receipt/${suffix}`, { schema: { hide: true }, bodyLimit: BODY_LIMIT, config: { rateLimit: COMPLAINT_RATE } }, async (req, reply) => {
      const lang = pickLang(req.query);
      const { receipt } = req.params as { receipt: string };
      const f = stringFields(req.body);
      const found = await findTrackedComplaint(ctx, receipt, f.code ?? '');
      if (!found) return trackedNotFound(reply, lang);
      const r = kind === 'info' ? await addComplaintInformation(ctx, found, f.text) : await giveComplaintFeedback(ctx, found, { resolved: f.resolved, comment: f.comment });
      if (!r.ok) return send(reply, statusPage(lang, await complaintPublicStatus(ctx, found), (f.code ?? '').toUpperCase(), undefined, r.problems), r.status);
      return reply.redirect(withLang(`/pengaduan/${found.receipt_number}?code=${encodeURIComponent((f.code ?? '').toUpperCase())}&ok=${kind}`, lang), 303);
    });

  // ───────────────────────────── Staff pages ─────────────────────────────
  const officeOf = (req: FastifyRequest) => ctx.catalogue.list().find((o) => o.id === req.staff!.officeId)!;

  app.get('/petugas/pengaduan', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const actor = actorOf(req, ctx);
    const q = req.query as { status?: string; sla?: string };
    const status = ['open', 'answered', 'closed'].includes(q.status ?? '') ? q.status : undefined;
    const r = await listComplaintsFor(ctx, actor, { status, slaState: q.sla || undefined, limit: 200 });
    const notes = await complaintNotifications(ctx, actor);
    const head = html`${staffNav(lang, req)}<h1>${L(lang, 'Pengaduan', 'Complaints')}</h1><p><a class="button" href="${withLang('/petugas/pengaduan/baru', lang)}">${L(lang, 'Catat pengaduan dari saluran lain', 'Record a complaint from another channel')}</a></p>`;
    if (!r.ok) return send(reply, page({ lang, title: L(lang, 'Pengaduan', 'Complaints'), path: '/petugas/pengaduan', body: html`${head}<p>${lang === 'id' ? r.error.message : r.error.messageEn}</p>` }));
    const counts = r.value.counts;
    const n = (pred: (c: { status: string; slaState: string }) => boolean) => counts.filter(pred).reduce((a, c) => a + c.n, 0);
    const body = html`${head}
${notes.length ? html`<section aria-labelledby="h-notes"><h2 id="h-notes">${L(lang, 'Peringatan', 'Warnings')}</h2><ul>${notes.map((x) => html`<li><a href="${withLang(`/petugas/pengaduan/${x.complaint_id}`, lang)}">${x.receipt_number}</a>: ${x.message}</li>`)}</ul></section>` : ''}
<dl class="facts"><div><dt>${L(lang, 'Terbuka', 'Open')}</dt><dd data-testid="count-open">${n((c) => c.status === 'open')}</dd></div><div><dt>${L(lang, 'Terlambat', 'Late')}</dt><dd>${n((c) => c.status === 'open' && c.slaState === 'late')}</dd></div><div><dt>${L(lang, 'Dijawab tepat waktu / terlambat', 'Answered on time / late')}</dt><dd>${n((c) => c.slaState === 'met')} / ${n((c) => c.slaState === 'missed')}</dd></div></dl>
<form method="get" action="/petugas/pengaduan" class="filters">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label for="f-st">Status</label><select id="f-st" name="status"><option value="">${L(lang, 'Semua', 'All')}</option>${(['open', 'answered', 'closed'] as const).map((s) => html`<option value="${s}"${status === s ? html` selected` : ''}>${pair(lang, ({ open: ['Terbuka', 'Open'], answered: ['Dijawab', 'Answered'], closed: ['Selesai', 'Closed'] } as Record<string, [string, string]>)[s], s)}</option>`)}</select>
<label for="f-sla">SLA</label><select id="f-sla" name="sla"><option value="">${L(lang, 'Semua', 'All')}</option>${Object.keys(SLA_LABEL).map((s) => html`<option value="${s}"${q.sla === s ? html` selected` : ''}>${pair(lang, SLA_LABEL[s], s)}</option>`)}</select>
<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap"><table class="queue"><caption>${r.value.items.length} ${L(lang, 'pengaduan', 'complaints')}</caption><thead><tr><th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Jenis / saluran', 'Type / channel')}</th><th scope="col">${L(lang, 'Tahap', 'Stage')}</th><th scope="col">${L(lang, 'Pelapor', 'Complainant')}</th><th scope="col">${L(lang, 'Batas tanggapan', 'Answer by')}</th><th scope="col">SLA</th></tr></thead><tbody>${r.value.items.map(
      (c) => html`<tr><td><a href="${withLang(`/petugas/pengaduan/${c.id}`, lang)}">${c.receiptNumber}</a><br><span class="meta">${c.excerpt}</span></td><td>${c.typeLabel}<br><span class="meta">${c.channelLabel}${c.externalRef ? ` · ${c.externalRef}` : ''}</span></td><td>${lang === 'id' ? c.stage.label : c.stage.labelEn}</td><td>${c.mode === 'anonymous' ? L(lang, 'Anonim', 'Anonymous') : c.mode === 'confidential' ? L(lang, 'Rahasia', 'Confidential') : (c.complainantName ?? '—')}</td><td>${c.dueAtLocal}</td><td>${slaBadge(lang, c.slaState)}${c.escalated ? html` <span class="badge sla-late">${L(lang, 'Eskalasi', 'Escalated')}</span>` : ''}</td></tr>`,
    )}</tbody></table></div>`;
    return send(reply, page({ lang, title: L(lang, 'Pengaduan', 'Complaints'), path: '/petugas/pengaduan', body }));
  });

  const staffNewPage = (lang: Lang, req: FastifyRequest, office: StoredOffice, state: FormState) =>
    page({
      lang,
      title: L(lang, 'Catat pengaduan', 'Record a complaint'),
      path: '/petugas/pengaduan/baru',
      body: html`${staffNav(lang, req)}<h1>${L(lang, 'Catat pengaduan dari loket, kotak pengaduan, telepon, WhatsApp, email, Instagram atau SP4N-LAPOR!', 'Record a complaint from the counter, complaint box, phone, WhatsApp, e-mail, Instagram or SP4N-LAPOR!')}</h1>
${complaintFormBody(lang, office, state, { action: withLang('/petugas/pengaduan/baru', lang), staff: true, csrf: req.csrfToken ?? '' })}`,
    });

  app.get('/petugas/pengaduan/baru', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    return send(reply, staffNewPage(lang, req, officeOf(req), { values: {}, problems: [] }));
  });

  app.post('/petugas/pengaduan/baru', { schema: { hide: true }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = officeOf(req);
    const f = stringFields(req.body);
    const r = await fileComplaint(ctx, formToComplaint(office, f, true), actorOf(req, ctx));
    if (!r.ok) return send(reply, staffNewPage(lang, req, office, { values: f, problems: r.problems }), r.status);
    return send(
      reply,
      page({
        lang,
        title: L(lang, 'Tanda terima pengaduan', 'Complaint receipt'),
        path: '/petugas/pengaduan/baru',
        body: html`${staffNav(lang, req)}<h1>${L(lang, 'Pengaduan tercatat', 'Complaint recorded')}</h1><div class="receipt"><p>${L(lang, 'Nomor pengaduan', 'Complaint number')}: <strong class="big" data-testid="receipt-number">${r.value.receiptNumber}</strong></p><p>${L(lang, 'Kode pelacakan (berikan kepada pelapor)', 'Tracking code (give it to the complainant)')}: <strong class="big" data-testid="tracking-code">${r.value.trackingCode}</strong></p><p>${L(lang, 'Ditanggapi paling lambat', 'To be answered by')}: ${r.value.dueAtLocal}</p></div><p><a href="${withLang(`/petugas/pengaduan/${r.value.id}`, lang)}">${L(lang, 'Buka pengaduan', 'Open complaint')}</a> · <button type="button" onclick="window.print()">${L(lang, 'Cetak tanda terima', 'Print receipt')}</button></p>`,
      }),
      201,
    );
  });

  const detailPage = (lang: Lang, req: FastifyRequest, d: ComplaintDetailDto, error?: string) => {
    const csrf = html`<input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}"><input type="hidden" name="version" value="${d.version}">`;
    const action = (suffix: string) => withLang(`/petugas/pengaduan/${d.id}/${suffix}`, lang);
    const work = d.next.filter((s) => s.kind === 'work');
    const has = (kind: string) => d.next.some((s) => s.kind === kind);
    const nextId = (kind: string) => d.next.find((s) => s.kind === kind)?.id ?? '';
    const routing = work.find((s) => s.routing);
    return page({
      lang,
      title: d.receiptNumber,
      path: `/petugas/pengaduan/${d.id}`,
      body: html`${staffNav(lang, req)}<h1>${L(lang, 'Pengaduan', 'Complaint')} ${d.receiptNumber}</h1>
${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<dl class="facts"><div><dt>${L(lang, 'Tahap', 'Stage')}</dt><dd data-testid="stage">${lang === 'id' ? d.stage.label : d.stage.labelEn}</dd></div><div><dt>${L(lang, 'Batas tanggapan', 'Answer by')}</dt><dd>${d.dueAtLocal} ${slaBadge(lang, d.slaState)}${d.escalated ? html` <span class="badge sla-late">${L(lang, 'Eskalasi ke Kepala Dinas', 'Escalated to the head')}</span>` : ''}</dd></div><div><dt>${L(lang, 'Diterima', 'Received')}</dt><dd>${d.receivedAtLocal}<br><span class="meta">${d.channelLabel}${d.externalRef ? ` · ${d.externalRef}` : ''}</span></dd></div></dl>
<section aria-labelledby="h-who"><h2 id="h-who">${L(lang, 'Pelapor', 'Complainant')}</h2>
${d.mode === 'anonymous'
  ? html`<p>${L(lang, 'Anonim: tidak ada identitas yang disimpan.', 'Anonymous: no identity is stored.')}</p>`
  : d.complainant
    ? html`${d.mode === 'confidential' ? html`<p class="notice">${L(lang, 'RAHASIA: identitas hanya untuk pengelola pengaduan dan Kepala Dinas. Jangan diteruskan.', 'CONFIDENTIAL: identity only for the complaint officer and the head of office. Do not forward.')}</p>` : ''}<ul data-testid="identity"><li>${L(lang, 'Nama', 'Name')}: ${d.complainant.name ?? '—'}</li>${d.complainant.phone ? html`<li>${L(lang, 'Telepon', 'Phone')}: ${d.complainant.phone}</li>` : ''}${d.complainant.email ? html`<li>Email: ${d.complainant.email}</li>` : ''}</ul>`
    : html`<p>—</p>`}
</section>
<section aria-labelledby="h-text"><h2 id="h-text">${d.typeLabel}${d.service ? html` · ${d.service.title}` : ''}${d.application ? html` · ${d.application}` : ''}</h2><p>${multiline(d.text)}</p>
${d.routedTo ? html`<p class="meta">${L(lang, 'Diteruskan ke', 'Routed to')}: ${d.routedTo} (${d.coordination === 'external' ? L(lang, 'eksternal', 'external') : L(lang, 'internal', 'internal')})</p>` : ''}</section>
${d.answer ? html`<section aria-labelledby="h-ans"><h2 id="h-ans">${L(lang, 'Jawaban', 'Answer')}</h2><div class="receipt"><p>${multiline(d.answer)}</p><p class="meta">${d.answeredBy ?? ''} · ${d.answeredAtLocal ?? ''}</p></div>${d.resolved !== null ? html`<p>${d.resolved ? L(lang, 'Pelapor: masalah selesai.', 'Complainant: resolved.') : L(lang, 'Pelapor: belum selesai.', 'Complainant: not resolved.')}${d.feedback ? html` “${d.feedback}”` : ''}</p>` : ''}</section>` : ''}
${d.referral ? html`<p><strong>${L(lang, 'Bukan kewenangan; dirujuk ke', 'Not our authority; referred to')}:</strong> ${d.referral}</p>` : ''}
${d.mergedInto ? html`<p><strong>${L(lang, 'Digabung ke', 'Merged into')}:</strong> ${d.mergedInto}</p>` : ''}
${d.canWork && d.next.length
  ? html`<section aria-labelledby="h-act"><h2 id="h-act">${L(lang, 'Tindak lanjut', 'Action')}</h2>
${work.length
  ? html`<form method="post" action="${action('tahap')}" class="intake"><fieldset><legend>${L(lang, 'Pindahkan ke tahap', 'Move to stage')}</legend>${csrf}
<div class="field"><label for="f-to">${L(lang, 'Tahap', 'Stage')}</label><select id="f-to" name="to">${work.map((s) => html`<option value="${s.id}">${lang === 'id' ? s.label : s.labelEn}</option>`)}</select></div>
${routing ? html`<div class="field"><label for="f-unit">${L(lang, `Unit/instansi tujuan (wajib untuk "${routing.label}")`, `Unit/body (required for "${routing.labelEn}")`)}</label><input id="f-unit" name="unit" maxlength="200"></div>
<div class="field"><label for="f-coord">${L(lang, 'Koordinasi', 'Coordination')}</label><select id="f-coord" name="coordination"><option value="internal">${L(lang, 'Internal', 'Internal')}</option><option value="external">${L(lang, 'Eksternal', 'External')}</option></select></div>` : ''}
<div class="field"><label for="f-note1">${L(lang, 'Catatan internal (tidak tampil ke pelapor)', 'Internal note (not shown to the complainant)')}</label><textarea id="f-note1" name="note" rows="2"></textarea></div>
<button type="submit">${L(lang, 'Pindahkan', 'Move')}</button></fieldset></form>`
  : ''}
${has('answered')
  ? html`<form method="post" action="${action('tahap')}" class="intake"><fieldset><legend>${L(lang, 'Jawab secara tertulis', 'Answer in writing')}</legend>${csrf}<input type="hidden" name="to" value="${nextId('answered')}">
<div class="field"><label for="f-answer">${L(lang, 'Jawaban untuk pelapor', 'Answer to the complainant')}</label><textarea id="f-answer" name="answer" rows="5" maxlength="8000"></textarea></div>
<button type="submit" class="primary">${L(lang, 'Kirim jawaban', 'Send answer')}</button></fieldset></form>`
  : ''}
${has('closed') ? html`<form method="post" action="${action('tahap')}" class="inline">${csrf}<input type="hidden" name="to" value="${nextId('closed')}"><button type="submit">${L(lang, 'Tutup pengaduan', 'Close complaint')}</button></form>` : ''}
${has('not-our-authority')
  ? html`<details><summary>${L(lang, 'Bukan kewenangan Dinas Sosial', 'Not our authority')}</summary><form method="post" action="${action('tahap')}" class="intake">${csrf}<input type="hidden" name="to" value="${nextId('not-our-authority')}">
<div class="field"><label for="f-referral">${L(lang, 'Instansi yang berwenang dan cara menghubunginya', 'The competent body and how to reach it')}</label><textarea id="f-referral" name="referral" rows="3"></textarea></div><button type="submit">${L(lang, 'Simpan', 'Save')}</button></form></details>`
  : ''}
${has('merged')
  ? html`<details><summary>${L(lang, 'Gabungkan dengan pengaduan sebelumnya', 'Merge with an earlier complaint')}</summary><form method="post" action="${action('tahap')}" class="intake">${csrf}<input type="hidden" name="to" value="${nextId('merged')}">
<div class="field"><label for="f-merge">${L(lang, 'Nomor pengaduan sebelumnya', 'Earlier complaint number')}</label><input id="f-merge" name="mergeInto" autocapitalize="characters"></div><button type="submit">${L(lang, 'Gabungkan', 'Merge')}</button></form></details>`
  : ''}
</section>`
  : ''}
${d.canWork
  ? html`<section aria-labelledby="h-note"><h2 id="h-note">${L(lang, 'Catatan internal', 'Internal note')}</h2><form method="post" action="${action('catatan')}" class="intake">${csrf}<div class="field"><label for="f-note2">${L(lang, 'Catatan', 'Note')}</label><textarea id="f-note2" name="note" rows="2"></textarea></div><button type="submit">${L(lang, 'Simpan catatan', 'Save note')}</button></form></section>
${d.mode !== 'confidential' && d.status !== 'open'
  ? html`<section aria-labelledby="h-pub"><h2 id="h-pub">${L(lang, 'Ringkasan publik (tanpa identitas)', 'Public summary (no identity)')}</h2><form method="post" action="${action('ringkasan')}" class="intake">${csrf}<div class="field"><label for="f-summary">${L(lang, 'Ringkasan', 'Summary')}</label><textarea id="f-summary" name="summary" rows="3">${d.publicSummary ?? ''}</textarea></div><div class="check"><input type="checkbox" id="f-publish" name="publish" value="true"${d.published || !d.publicSummary ? html` checked` : ''}><label for="f-publish">${L(lang, 'Tampilkan di halaman publik', 'Show on the public page')}</label></div><button type="submit">${L(lang, 'Simpan ringkasan', 'Save summary')}</button></form></section>`
  : ''}`
  : ''}
<section aria-labelledby="h-tl"><h2 id="h-tl">${L(lang, 'Riwayat', 'Timeline')}</h2><ol class="timeline">${d.timeline.map(
        (e) => html`<li><time datetime="${e.at}">${e.atLocal}</time> · <strong>${lang === 'id' ? e.label : e.labelEn}</strong>${e.visibility === 'internal' ? html` <span class="meta">(${L(lang, 'internal', 'internal')})</span>` : ''} · ${e.actor}${e.text ? html`<br>${multiline(e.text)}` : ''}</li>`,
      )}</ol></section>`,
    });
  };

  app.get('/petugas/pengaduan/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const d = await complaintDetailFor(ctx, actorOf(req, ctx), (req.params as { id: string }).id);
    if (!d) return send(reply, page({ lang, title: '404', path: '/petugas/pengaduan', body: html`${staffNav(lang, req)}<h1>${L(lang, 'Pengaduan tidak ditemukan', 'Complaint not found')}</h1>` }), 404);
    return send(reply, detailPage(lang, req, d, (req.query as { error?: string }).error));
  });

  for (const suffix of ['tahap', 'catatan', 'ringkasan'] as const)
    app.post(`/petugas/pengaduan/:id/${suffix}`, { schema: { hide: true }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
      if (!requireStaffPage(req, reply)) return reply;
      const lang = pickLang(req.query);
      const actor = actorOf(req, ctx);
      const { id } = req.params as { id: string };
      const f = stringFields(req.body);
      const r =
        suffix === 'tahap'
          ? await transitionComplaint(ctx, actor, id, { to: f.to ?? '', version: f.version, note: f.note, answer: f.answer, unit: f.unit, coordination: f.coordination, referral: f.referral, mergeInto: f.mergeInto })
          : suffix === 'catatan'
            ? await addComplaintNote(ctx, actor, id, f.note)
            : await publishComplaintSummary(ctx, actor, id, { summary: f.summary, publish: f.publish === 'true' });
      if (!r.ok) {
        if (r.status === 404) return reply.redirect(withLang('/petugas/pengaduan', lang), 303);
        const msg = r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' ');
        return reply.redirect(withLang(`/petugas/pengaduan/${id}?error=${encodeURIComponent(msg)}`, lang), 303);
      }
      return reply.redirect(withLang(`/petugas/pengaduan/${id}`, lang), 303);
    });
}

/** A form body as strings only (anything else is dropped). */
function stringFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

