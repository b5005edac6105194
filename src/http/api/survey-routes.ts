/**
 * The satisfaction survey (SKM) and its index (IKM): the JSON API, the public pages (the one-time
 * survey of an application, the kiosk form per office, the public IKM page per office) and the
 * staff pages under /petugas/survei (paper entry, XLSX import, report PDF, XLSX export).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { latestResponseDay } from '../../db/surveys-repo.js';
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { ELEMENTS, GRADE_TABLE } from '../../domain/survey/index.js';
import { elementBarSvg } from '../../render/charts.js';
import { renderIkmReportPdf } from '../../render/ikm-report-pdf.js';
import type { Actor, Ctx } from '../../usecases/context.js';
import { PUBLIC_ACTOR, nowOf } from '../../usecases/context.js';
import { ikmByService, ikmFor, ikmTrend, type IkmDto } from '../../usecases/surveys/compute-ikm.js';
import { issueKioskNonce, KIOSK_MIN_SECONDS } from '../../usecases/surveys/kiosk.js';
import { namedPeriod, parsePeriod, type Period } from '../../usecases/surveys/periods.js';
import { PROFILE_FIELDS, QUESTIONS } from '../../usecases/surveys/questionnaire.js';
import { ikmReportData, saveFollowup } from '../../usecases/surveys/report-data.js';
import type { ResponseProblem } from '../../usecases/surveys/response-input.js';
import { submitSurveyBatch } from '../../usecases/surveys/submit-batch.js';
import { submitSurveyResponse, surveyAnswered, type SurveyInput } from '../../usecases/surveys/submit-response.js';
import { canEnterSurveys, canReadSurveys } from '../../usecases/surveys/survey-roles.js';
import { findSurveyApplication } from '../../usecases/surveys/survey-link.js';
import { exportResponsesXlsx, parseSurveyXlsx, surveyTemplateXlsx } from '../../usecases/surveys/survey-xlsx.js';
import { actorOf, requireStaffApi, requireStaffPage } from '../auth.js';
import { errorSchema, errorSchemaWith, sendError } from '../errors.js';
import { pickLang, type Lang } from '../i18n.js';
import { html, raw, type Raw } from '../pages/html.js';
import { page, withLang } from '../pages/layout.js';
import { staffNav } from '../pages/back-office-routes.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);
const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);
const dec = (lang: Lang, n: number, d = 2) => (lang === 'id' ? n.toFixed(d).replace('.', ',') : n.toFixed(d));

/** Kiosk and link responses per client address: enough for a busy counter, too few for stuffing. */
export const SURVEY_RATE = { max: 20, timeWindow: '10 minutes' } as const;

const anyObject = { type: 'object', additionalProperties: true } as const;
/** Problems of a batch carry the row they come from. */
const rowProblemsSchema = errorSchemaWith({ row: { type: 'integer' } });

const ikmSchema = {
  type: 'object',
  properties: {
    office: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } },
    service: { type: ['object', 'null'], properties: { slug: { type: 'string' }, title: { type: 'string' } } },
    period: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, label: { type: 'string' }, labelEn: { type: 'string' } } },
    ikm: { type: ['number', 'null'] },
    index: { type: ['number', 'null'] },
    grade: { type: ['string', 'null'] },
    gradeLabel: { type: ['string', 'null'] },
    gradeLabelEn: { type: ['string', 'null'] },
    respondents: { type: 'integer' },
    population: { type: 'integer' },
    minimumSample: { type: 'integer' },
    sufficient: { type: 'boolean' },
    shortfall: { type: 'integer' },
    noData: { type: 'boolean' },
    message: { type: ['string', 'null'] },
    messageEn: { type: ['string', 'null'] },
    elements: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, nameEn: { type: 'string' }, nrr: { type: ['number', 'null'] }, weighted: { type: ['number', 'null'] }, answered: { type: 'integer' }, total: { type: 'integer' } } },
    },
    warnings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } } } },
    method: { type: 'object', properties: { weighting: { type: 'string' }, weightingEn: { type: 'string' }, sample: { type: 'string' }, sampleEn: { type: 'string' } } },
  },
} as const;

const periodQuery = {
  type: 'object',
  properties: {
    from: { type: 'string', description: 'YYYY-MM-DD (tanggal lokal kantor)' },
    to: { type: 'string', description: 'YYYY-MM-DD, inklusif' },
    period: { type: 'string', description: 'alternatif: 2026, 2026-S1, 2026-Q2, 2026-03' },
    service: { type: 'string' },
  },
} as const;

const rowProblemsReply = (reply: FastifyReply, status: number, problems: ResponseProblem[]) =>
  reply.code(status).type('application/json; charset=utf-8').send({
    error: {
      // One problem that is not about a row or a particular answer: its own code (e.g. kiosk-too-fast).
      code: status === 422 && !(problems.length === 1 && problems[0]!.row === undefined && !problems[0]!.field.startsWith('answers.')) ? 'invalid' : (problems[0]?.code ?? 'error'),
      message: status === 422 ? `${new Set(problems.map((p) => p.row ?? 0)).size > 1 || problems[0]?.row ? `${new Set(problems.map((p) => p.row)).size} baris tidak sah; tidak ada yang disimpan` : `${problems.length} isian perlu diperbaiki`}` : (problems[0]?.message ?? 'Kesalahan'),
      messageEn: status === 422 ? `${problems[0]?.row ? `${new Set(problems.map((p) => p.row)).size} invalid row(s); nothing was saved` : `${problems.length} field(s) need fixing`}` : (problems[0]?.messageEn ?? 'Error'),
      problems,
    },
  });

function stringFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Survey form fields → the use case's input. */
function formToSurvey(f: Record<string, string>): SurveyInput {
  const answers: Record<string, string> = {};
  for (const e of ELEMENTS) if (f[e.code]) answers[e.code] = f[e.code]!;
  const respondent: Record<string, string> = {};
  for (const p of PROFILE_FIELDS) if (f[p.key]) respondent[p.key] = f[p.key]!;
  return { answers, respondent: Object.keys(respondent).length ? respondent : undefined, suggestion: f.suggestion || undefined, service: f.service || undefined, application: f.application || undefined, date: f.date || undefined };
}

export function surveyRoutes(app: FastifyInstance, ctx: Ctx): void {
  const resolveScope = (reply: FastifyReply, slug: string, q: { from?: string; to?: string; period?: string; service?: string }): { office: StoredOffice; period: Period; service?: StoredService } | null => {
    const office = ctx.catalogue.office(slug);
    if (!office) {
      sendError(reply, 404, 'office-not-found', `Kantor "${slug}" tidak ditemukan`, `Office "${slug}" not found`);
      return null;
    }
    const p = parsePeriod(q);
    if (!p.ok) {
      sendError(reply, 422, p.error.code, p.error.message, p.error.messageEn);
      return null;
    }
    let service: StoredService | undefined;
    if (q.service) {
      service = office.services.find((s) => s.service.slug === q.service);
      if (!service) {
        sendError(reply, 404, 'service-not-found', `Layanan "${q.service}" tidak ditemukan di ${slug}`, `Service "${q.service}" not found in ${slug}`);
        return null;
      }
    }
    return { office, period: p.value, service };
  };

  const staffOffice = (req: FastifyRequest) => ctx.catalogue.list().find((o) => o.id === req.staff!.officeId)!;

  // ───────────────────────────── JSON API ─────────────────────────────
  app.get(
    '/api/v1/offices/:slug/ikm',
    {
      schema: {
        tags: ['survey'],
        summary: 'IKM kantor atau layanan untuk suatu periode / IKM of an office or service for a period (public, no personal data)',
        description:
          'PermenPANRB 14/2017: NRR per unsur, bobot tepat 1/9, × 25, dibulatkan hanya di akhir; mutu A–D. population = permohonan kantor/layanan yang selesai dalam periode; minimumSample = Krejcie & Morgan (dibulatkan ke terdekat seperti tabel). Periode tanpa kuesioner: 200 dengan noData=true, ikm/grade/nrr null dan message (bukan pembagian dengan nol).',
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        querystring: periodQuery,
        response: { 200: ikmSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const s = resolveScope(reply, (req.params as { slug: string }).slug, req.query as never);
      if (!s) return reply;
      return ikmFor(ctx, s.office, s.period, s.service);
    },
  );

  app.get(
    '/api/v1/offices/:slug/ikm/services',
    {
      schema: {
        tags: ['survey'],
        summary: 'IKM kantor dan setiap layanan / IKM of the office and each service (public)',
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        querystring: periodQuery,
        response: { 200: { type: 'object', properties: { office: ikmSchema, services: { type: 'array', items: ikmSchema } } }, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const s = resolveScope(reply, (req.params as { slug: string }).slug, req.query as never);
      if (!s) return reply;
      const r = await ikmByService(ctx, s.office, s.period);
      return { office: r.office, services: r.services };
    },
  );

  app.get(
    '/api/v1/offices/:slug/ikm/chart.svg',
    {
      schema: { tags: ['survey'], summary: 'Grafik NRR per unsur (SVG) / NRR per element chart (SVG)', params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] }, querystring: periodQuery },
    },
    async (req, reply) => {
      const s = resolveScope(reply, (req.params as { slug: string }).slug, req.query as never);
      if (!s) return reply;
      const ikm = await ikmFor(ctx, s.office, s.period, s.service);
      return reply.type('image/svg+xml; charset=utf-8').send(elementBarSvg(ikm.elements, { title: `NRR per unsur — ${s.period.label}` }));
    },
  );

  app.get('/api/v1/survey-questionnaire', { schema: { tags: ['survey'], summary: 'Kuesioner SKM: unsur, pilihan jawaban, profil / The SKM questionnaire', response: { 200: anyObject } } }, async () => ({
    elements: ELEMENTS.map((e) => ({ code: e.code, name: e.name, nameEn: e.nameEn, question: QUESTIONS[e.code][0], questionEn: QUESTIONS[e.code][1], options: e.options })),
    respondent: PROFILE_FIELDS.map((f) => ({ key: f.key, label: f.label, labelEn: f.labelEn, options: f.options })),
    grades: GRADE_TABLE,
  }));

  app.post(
    '/api/v1/offices/:slug/kiosk-sessions',
    {
      config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
      schema: {
        tags: ['survey'],
        summary: 'Formulir kios baru (nonce sekali pakai) / A new kiosk form (single-use nonce)',
        description: `Nonce berlaku untuk satu jawaban, paling cepat ${KIOSK_MIN_SECONDS} detik setelah diterbitkan.`,
        params: { type: 'object', properties: { slug: { type: 'string' } }, required: ['slug'] },
        response: { 201: { type: 'object', properties: { kioskNonce: { type: 'string' }, notBefore: { type: 'string' }, expiresAt: { type: 'string' } } }, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const office = ctx.catalogue.office((req.params as { slug: string }).slug);
      if (!office) return sendError(reply, 404, 'office-not-found', 'Kantor tidak ditemukan', 'Office not found');
      const n = await issueKioskNonce(ctx, office.id);
      return reply.code(201).send({ kioskNonce: n.nonce, notBefore: n.notBefore, expiresAt: n.expiresAt });
    },
  );

  app.post(
    '/api/v1/surveys',
    {
      bodyLimit: 32 * 1024,
      config: { rateLimit: SURVEY_RATE },
      schema: {
        tags: ['survey'],
        summary: 'Kirim satu kuesioner SKM / Send one SKM questionnaire',
        description:
          'Publik: application (nomor registrasi) + token dari tautan survei (satu jawaban per permohonan), atau office + kioskNonce (formulir kios). Petugas admin/surveyor (token/cookie): kuesioner kertas, boleh date dan jawaban kosong per unsur. answers: { U1..U9: 1..4 }; daring wajib kesembilannya.',
        body: {
          type: 'object',
          required: ['answers'],
          properties: {
            office: { type: 'string' },
            service: { type: 'string' },
            application: { type: 'string' },
            token: { type: 'string' },
            kioskNonce: { type: 'string' },
            answers: { type: 'object', additionalProperties: true },
            respondent: { type: 'object', additionalProperties: true },
            suggestion: { type: 'string' },
            date: { type: 'string' },
          },
        },
        response: { 201: { type: 'object', properties: { id: { type: 'string' }, source: { type: 'string' }, respondedOn: { type: 'string' } } }, 403: rowProblemsSchema, 404: rowProblemsSchema, 409: rowProblemsSchema, 422: rowProblemsSchema },
      },
    },
    async (req, reply) => {
      if (req.staff && !requireStaffApi(req, reply)) return reply;
      const r = await submitSurveyResponse(ctx, req.body as SurveyInput, req.staff ? actorOf(req, ctx) : PUBLIC_ACTOR);
      if (!r.ok) return rowProblemsReply(reply, r.status, r.problems);
      return reply.code(201).send(r.value);
    },
  );

  app.post(
    '/api/v1/surveys/batch',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['survey'],
        summary: 'Kuesioner kertas sekaligus (admin/surveyor) / Paper questionnaires in bulk (all or nothing)',
        description: 'Semua atau tidak sama sekali: bila ada baris tidak sah, tidak ada yang disimpan dan 422 menyebut setiap baris (row mulai 1).',
        body: {
          type: 'object',
          required: ['office', 'responses'],
          properties: { office: { type: 'string' }, service: { type: 'string' }, responses: { type: 'array', items: { type: 'object', additionalProperties: true } } },
        },
        response: { 201: { type: 'object', properties: { batchId: { type: 'string' }, inserted: { type: 'integer' } } }, 401: errorSchema, 403: rowProblemsSchema, 404: rowProblemsSchema, 409: rowProblemsSchema, 422: rowProblemsSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const body = req.body as { office: string; service?: string; responses: unknown[] };
      const r = await submitSurveyBatch(ctx, actorOf(req, ctx), { ...body, source: 'paper' });
      if (!r.ok) return rowProblemsReply(reply, r.status, r.problems);
      return reply.code(201).send({ batchId: r.value.batchId, inserted: r.value.inserted });
    },
  );

  const importXlsx = async (req: FastifyRequest, actor: Actor, office: StoredOffice, fields: Record<string, string>, buf: Buffer | null) => {
    if (!buf) return { ok: false as const, status: 422 as const, problems: [{ field: 'file', code: 'file-required', message: 'Unggah berkas XLSX', messageEn: 'Upload an XLSX file' }] };
    const parsed = await parseSurveyXlsx(buf, office);
    if (parsed.problems.length) return { ok: false as const, status: 422 as const, problems: parsed.problems };
    return submitSurveyBatch(ctx, actor, { office: office.office.slug, service: fields.service || undefined, responses: parsed.responses, rowNumbers: parsed.rowNumbers, source: 'import' });
  };

  const readMultipart = async (req: FastifyRequest): Promise<{ fields: Record<string, string>; file: Buffer | null; tooLarge: boolean }> => {
    const fields: Record<string, string> = {};
    let file: Buffer | null = null;
    let tooLarge = false;
    if (!req.isMultipart()) return { fields: stringFields(req.body), file, tooLarge };
    for await (const part of req.parts({ limits: { files: 1, fileSize: 5 * 1024 * 1024 } })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const buf = await part.toBuffer().catch(() => null);
      if (!buf) tooLarge = true;
      else if (buf.length) file = buf;
    }
    return { fields, file, tooLarge };
  };

  app.post(
    '/api/v1/surveys/import',
    {
      schema: {
        tags: ['survey'],
        summary: 'Impor kuesioner kertas dari XLSX (admin/surveyor) / Import paper questionnaires from XLSX',
        description: 'multipart/form-data: file (XLSX, kolom seperti /api/v1/surveys/template.xlsx), service (opsional). Semua atau tidak sama sekali; 422 menyebut nomor baris lembar kerja.',
        consumes: ['multipart/form-data'],
        response: { 201: { type: 'object', properties: { batchId: { type: 'string' }, inserted: { type: 'integer' } } }, 401: errorSchema, 403: rowProblemsSchema, 413: errorSchema, 415: errorSchema, 422: rowProblemsSchema },
      },
    },
    async (req, reply) => {
      if (!req.staff) return sendError(reply, 401, 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');
      if (!req.isMultipart()) return sendError(reply, 415, 'multipart-required', 'Kirim berkas sebagai multipart/form-data', 'Send the file as multipart/form-data');
      const m = await readMultipart(req);
      if (req.authKind === 'cookie' && (req.headers['x-csrf-token'] ?? m.fields._csrf) !== req.csrfToken) return sendError(reply, 403, 'csrf', 'Token formulir tidak sah; muat ulang halaman', 'Invalid form token; reload the page');
      if (m.tooLarge) return sendError(reply, 413, 'file-too-large', 'Berkas terlalu besar (maksimal 5 MB)', 'File too large (at most 5 MB)');
      const r = await importXlsx(req, actorOf(req, ctx), staffOffice(req), m.fields, m.file);
      if (!r.ok) return rowProblemsReply(reply, r.status, r.problems);
      return reply.code(201).send({ batchId: r.value.batchId, inserted: r.value.inserted });
    },
  );

  app.get('/api/v1/surveys/template.xlsx', { schema: { tags: ['survey'], summary: 'Templat XLSX kuesioner kertas / XLSX template for paper questionnaires' } }, async (_req, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="templat-skm.xlsx"')
      .send(await surveyTemplateXlsx()),
  );

  const staffScope = (req: FastifyRequest, reply: FastifyReply) => {
    if (!requireStaffApi(req, reply)) return null;
    const actor = actorOf(req, ctx);
    if (!canReadSurveys(actor)) {
      sendError(reply, 403, 'role-required', 'Peran Anda tidak dapat membuka data SKM', 'Your role cannot open SKM data');
      return null;
    }
    const s = resolveScope(reply, staffOffice(req).office.slug, req.query as never);
    return s ? { ...s, actor } : null;
  };

  app.get(
    '/api/v1/surveys/export.xlsx',
    { schema: { tags: ['survey'], summary: 'Ekspor jawaban mentah periode ke XLSX (petugas) / Export raw responses of a period to XLSX (staff)', querystring: periodQuery, response: { 401: errorSchema, 403: errorSchema, 422: errorSchema } } },
    async (req, reply) => {
      const s = staffScope(req, reply);
      if (!s) return reply;
      const name = `skm-${s.office.office.slug}-${s.period.from}-${s.period.to}${s.service ? `-${s.service.service.slug}` : ''}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(exportResponsesXlsx(ctx, s.office, s.period, s.service?.id ?? null));
    },
  );

  app.get(
    '/api/v1/surveys/report.pdf',
    { schema: { tags: ['survey'], summary: 'Laporan IKM untuk dicetak (PDF, petugas) / Printable IKM report (PDF, staff)', querystring: periodQuery, response: { 401: errorSchema, 403: errorSchema, 422: errorSchema } } },
    async (req, reply) => {
      const s = staffScope(req, reply);
      if (!s) return reply;
      const pdf = await renderIkmReportPdf(await ikmReportData(ctx, s.office, s.period, s.service));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="laporan-skm-${s.office.office.slug}-${s.period.from}-${s.period.to}.pdf"`)
        .send(pdf);
    },
  );

  app.put(
    '/api/v1/surveys/follow-up',
    {
      schema: {
        tags: ['survey'],
        summary: 'Rencana tindak lanjut hasil SKM untuk periode (petugas) / Follow-up plan for a period (staff)',
        body: { type: 'object', required: ['text'], properties: { from: { type: 'string' }, to: { type: 'string' }, period: { type: 'string' }, service: { type: 'string' }, text: { type: 'string' } } },
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, 401: errorSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      if (!requireStaffApi(req, reply)) return reply;
      const body = req.body as { from?: string; to?: string; period?: string; service?: string; text: string };
      const s = resolveScope(reply, staffOffice(req).office.slug, body);
      if (!s) return reply;
      const r = await saveFollowup(ctx, actorOf(req, ctx), s.office, s.period, s.service, body.text);
      if (!r.ok) return sendError(reply, r.status, r.error.code, r.error.message, r.error.messageEn);
      return { ok: true };
    },
  );

  // ───────────────────────────── Survey forms (HTML) ─────────────────────────────
  const surveyForm = (lang: Lang, opts: { action: string; hidden: Record<string, string>; requireAll: boolean; office?: StoredOffice; staff?: boolean; kiosk?: boolean; values?: Record<string, string>; problems?: ResponseProblem[] }) => {
    const v = opts.values ?? {};
    const problems = opts.problems ?? [];
    const err = (field: string) => {
      const p = problems.find((x) => x.field === field);
      return p ? html`<p class="field-error">${lang === 'id' ? p.message : p.messageEn}</p>` : '';
    };
    return html`${problems.length ? html`<div class="error-summary" role="alert"><h2>${L(lang, 'Periksa kembali isian berikut', 'Please check the following')}</h2><ul>${problems.map((p) => html`<li>${p.row ? `${L(lang, 'Baris', 'Row')} ${p.row}: ` : ''}${lang === 'id' ? p.message : p.messageEn}</li>`)}</ul></div>` : ''}
<form method="post" action="${opts.action}" class="intake">
${Object.entries(opts.hidden).map(([k, val]) => html`<input type="hidden" name="${k}" value="${val}">`)}
${opts.staff
  ? html`<div class="field"><label for="f-date">${L(lang, 'Tanggal kuesioner diisi', 'Date the questionnaire was filled')}</label><input id="f-date" name="date" type="date" value="${v.date ?? ''}">${err('date')}</div>
<div class="field"><label for="f-app">${L(lang, 'Nomor registrasi permohonan (bila ada)', 'Application number (if any)')}</label><input id="f-app" name="application" value="${v.application ?? ''}" autocapitalize="characters">${err('application')}</div>`
  : ''}
${(opts.staff || opts.kiosk) && opts.office
  ? html`<div class="field"><label for="f-svc">${L(lang, 'Layanan yang diterima', 'The service received')}</label><select id="f-svc" name="service"><option value="">${L(lang, '— tidak disebut —', '— not given —')}</option>${opts.office.services.map((s) => html`<option value="${s.service.slug}"${v.service === s.service.slug ? html` selected` : ''}>${s.service.no}. ${s.service.title}</option>`)}</select>${err('service')}</div>`
  : ''}
${ELEMENTS.map(
  (e, i) => html`<fieldset${problems.some((p) => p.field === `answers.${e.code}`) ? html` aria-invalid="true"` : ''}><legend>${i + 1}. ${QUESTIONS[e.code][lang === 'id' ? 0 : 1]} <span class="meta">(${e.code} ${lang === 'id' ? e.name : e.nameEn})</span></legend>
${e.options.map((o) => html`<div class="check"><input type="radio" id="f-${e.code}-${o.score}" name="${e.code}" value="${o.score}"${opts.requireAll ? html` required` : ''}${v[e.code] === String(o.score) ? html` checked` : ''}><label for="f-${e.code}-${o.score}">${lang === 'id' ? o.label : o.labelEn}</label></div>`)}
${err(`answers.${e.code}`)}</fieldset>`,
)}
<fieldset><legend>${L(lang, 'Tentang Anda (boleh dikosongkan)', 'About you (optional)')}</legend>
${PROFILE_FIELDS.map(
  (f) => html`<div class="field"><label for="f-${f.key}">${lang === 'id' ? f.label : f.labelEn}</label><select id="f-${f.key}" name="${f.key}"><option value="">${L(lang, '— tidak diisi —', '— not given —')}</option>${f.options.map((o) => html`<option value="${o.id}"${v[f.key] === o.id ? html` selected` : ''}>${lang === 'id' ? o.label : o.labelEn}</option>`)}</select>${err(`respondent.${f.key}`)}</div>`,
)}
</fieldset>
<div class="field"><label for="f-sugg">${L(lang, 'Saran dan masukan', 'Suggestions')}</label><textarea id="f-sugg" name="suggestion" rows="3" maxlength="2000">${v.suggestion ?? ''}</textarea>${err('suggestion')}</div>
<button type="submit" class="primary">${L(lang, 'Kirim survei', 'Send survey')}</button>
</form>`;
  };

  const thanks = (lang: Lang, title: string, body: Raw, path: string) => page({ lang, title, path, body: html`<h1>${title}</h1>${body}` });

  app.get('/survei/:number/:token', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const { number, token } = req.params as { number: string; token: string };
    const path = `/survei/${number}/${token}`;
    const appRow = await findSurveyApplication(ctx, number, token);
    if (!appRow) return send(reply, thanks(lang, L(lang, 'Tautan survei tidak sah', 'Invalid survey link'), html`<p>${L(lang, 'Periksa kembali tautan atau pindai ulang kode QR.', 'Check the link or scan the QR code again.')}</p>`, path), 404);
    const office = ctx.catalogue.list().find((o) => o.id === appRow.office_id)!;
    const svc = office.services.find((s) => s.id === appRow.service_id);
    if (await surveyAnswered(ctx, appRow.id)) return send(reply, thanks(lang, L(lang, 'Survei sudah diisi', 'Survey already answered'), html`<p data-testid="survey-done">${L(lang, 'Terima kasih, survei untuk permohonan ini sudah diisi.', 'Thank you, the survey for this application has been answered.')}</p>`, path));
    if (appRow.status !== 'completed') return send(reply, thanks(lang, L(lang, 'Survei belum dibuka', 'Survey not open yet'), html`<p>${L(lang, 'Survei dapat diisi setelah layanan selesai.', 'The survey opens once the service is completed.')}</p>`, path), 409);
    return send(
      reply,
      page({
        lang,
        title: L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey'),
        path,
        body: html`<h1>${L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey')}</h1>
<p>${office.office.name} · ${svc?.service.title ?? ''} · ${appRow.registration_number}</p>
<p class="meta">${L(lang, 'Survei tanpa nama, satu kali untuk permohonan ini. Jawaban Anda dipakai untuk menghitung Indeks Kepuasan Masyarakat (PermenPANRB 14/2017).', 'Anonymous, once for this application. Your answers are used to compute the satisfaction index (PermenPANRB 14/2017).')}</p>
${surveyForm(lang, { action: withLang(path, lang), hidden: {}, requireAll: true })}`,
      }),
    );
  });

  app.post('/survei/:number/:token', { schema: { hide: true }, bodyLimit: 32 * 1024, config: { rateLimit: SURVEY_RATE } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const { number, token } = req.params as { number: string; token: string };
    const path = `/survei/${number}/${token}`;
    const f = stringFields(req.body);
    const r = await submitSurveyResponse(ctx, { ...formToSurvey(f), service: undefined, date: undefined, application: number, token }, PUBLIC_ACTOR);
    if (!r.ok) {
      if (r.status === 422)
        return send(reply, page({ lang, title: L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey'), path, body: html`<h1>${L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey')}</h1>${surveyForm(lang, { action: withLang(path, lang), hidden: {}, requireAll: true, values: f, problems: r.problems })}` }), 422);
      return send(reply, thanks(lang, L(lang, 'Survei tidak dapat disimpan', 'The survey could not be saved'), html`<p>${lang === 'id' ? r.problems[0]!.message : r.problems[0]!.messageEn}</p>`, path), r.status);
    }
    return send(reply, thanks(lang, L(lang, 'Terima kasih', 'Thank you'), html`<p data-testid="survey-thanks">${L(lang, 'Jawaban Anda sudah tersimpan. Terima kasih telah membantu kami memperbaiki pelayanan.', 'Your answers are saved. Thank you for helping us improve the service.')}</p>`, path), 201);
  });

  const kioskPage = async (lang: Lang, office: StoredOffice, values?: Record<string, string>, problems?: ResponseProblem[]) => {
    const n = await issueKioskNonce(ctx, office.id);
    const path = `/kantor/${office.office.slug}/survei`;
    return page({
      lang,
      title: L(lang, `Survei Kepuasan Masyarakat — ${office.office.name}`, `Satisfaction survey — ${office.office.name}`),
      path,
      breadcrumbs: [
        { href: '/', label: L(lang, 'Beranda', 'Home') },
        { href: `/kantor/${office.office.slug}`, label: office.office.name },
      ],
      body: html`<h1>${L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey')}</h1>
<p>${office.office.name}. ${L(lang, 'Tanpa nama. Satu formulir untuk satu responden.', 'Anonymous. One form per respondent.')}</p>
${surveyForm(lang, { action: withLang(path, lang), hidden: { kioskNonce: n.nonce }, requireAll: true, office, kiosk: true, values, problems })}`,
    });
  };

  app.get('/kantor/:slug/survei', { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const office = ctx.catalogue.office((req.params as { slug: string }).slug);
    if (!office) return reply.callNotFound();
    return send(reply, await kioskPage(lang, office));
  });

  app.post('/kantor/:slug/survei', { schema: { hide: true }, bodyLimit: 32 * 1024, config: { rateLimit: SURVEY_RATE } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const office = ctx.catalogue.office((req.params as { slug: string }).slug);
    if (!office) return reply.callNotFound();
    const f = stringFields(req.body);
    const r = await submitSurveyResponse(ctx, { ...formToSurvey(f), application: undefined, date: undefined, office: office.office.slug, kioskNonce: f.kioskNonce ?? '' }, PUBLIC_ACTOR);
    if (!r.ok) return send(reply, await kioskPage(lang, office, f, r.problems), r.status);
    return send(
      reply,
      thanks(lang, L(lang, 'Terima kasih', 'Thank you'), html`<p data-testid="survey-thanks">${L(lang, 'Jawaban Anda sudah tersimpan.', 'Your answers are saved.')}</p><p><a class="button" href="${withLang(`/kantor/${office.office.slug}/survei`, lang)}">${L(lang, 'Responden berikutnya', 'Next respondent')}</a></p>`, `/kantor/${office.office.slug}/survei`),
      201,
    );
  });

  // ───────────────────────────── Public IKM page ─────────────────────────────
  const noteBlock = (lang: Lang, ikm: IkmDto) => html`<aside class="notice" aria-label="${L(lang, 'Cara menghitung', 'How it is computed')}"><p>${lang === 'id' ? ikm.method.weighting : ikm.method.weightingEn}</p><p>${lang === 'id' ? ikm.method.sample : ikm.method.sampleEn}</p></aside>`;
  const gradeText = (lang: Lang, d: IkmDto) => (d.ikm === null ? '—' : `${dec(lang, d.ikm)} (${d.grade}, ${lang === 'id' ? d.gradeLabel : d.gradeLabelEn})`);
  const sampleText = (lang: Lang, d: IkmDto) => (d.sufficient ? L(lang, 'memadai', 'sufficient') : L(lang, `belum memadai (kurang ${d.shortfall})`, `not sufficient (${d.shortfall} short)`));

  const ikmBody = (lang: Lang, office: StoredOffice, r: Awaited<ReturnType<typeof ikmByService>>, periodLinks: Raw) => {
    const o = r.office;
    return html`<h1>${L(lang, 'Indeks Kepuasan Masyarakat (IKM)', 'Community satisfaction index (IKM)')}</h1>
<p>${office.office.name} · <strong>${lang === 'id' ? o.period.label : o.period.labelEn}</strong></p>
${periodLinks}
${o.noData
  ? html`<p class="notice" data-testid="ikm-no-data">${lang === 'id' ? o.message : o.messageEn}</p>`
  : html`<div class="receipt"><p>IKM <strong class="big" data-testid="ikm">${dec(lang, o.ikm!)}</strong> · ${L(lang, 'Mutu', 'Grade')} <strong data-testid="grade">${o.grade}</strong> (${lang === 'id' ? o.gradeLabel : o.gradeLabelEn})</p>
<p>${L(lang, 'Responden', 'Respondents')}: ${o.respondents} · ${L(lang, 'Permohonan selesai (populasi)', 'Completed applications (population)')}: ${o.population} · ${L(lang, 'Sampel minimum', 'Minimum sample')}: ${o.minimumSample} (${sampleText(lang, o)})</p></div>
<figure><div class="flow" aria-hidden="true">${raw(elementBarSvg(o.elements, { lang }))}</div><figcaption>${L(lang, 'Nilai rata-rata (NRR) per unsur, skala 1–4; angka pada tabel di bawah.', 'Mean score (NRR) per element, 1–4 scale; figures in the table below.')}</figcaption></figure>`}
<h2>${L(lang, 'IKM per layanan', 'IKM per service')}</h2>
${r.services.length
  ? html`<div class="table-wrap"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Responden', 'Respondents')}</th><th scope="col">IKM (${L(lang, 'mutu', 'grade')})</th><th scope="col">${L(lang, 'Sampel', 'Sample')}</th></tr></thead><tbody>${r.services.map(
      (s) => html`<tr><td>${s.service?.title ?? ''}</td><td>${s.respondents}</td><td>${gradeText(lang, s)}</td><td>${s.respondents}/${s.minimumSample} · ${sampleText(lang, s)}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Belum ada layanan dengan responden pada periode ini.', 'No service has respondents in this period yet.')}</p>`}
${!o.noData
  ? html`<h2>${L(lang, 'Nilai per unsur', 'Score per element')}</h2><div class="table-wrap"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Unsur', 'Element')}</th><th scope="col">NRR</th><th scope="col">${L(lang, 'Menjawab', 'Answered')}</th></tr></thead><tbody>${o.elements.map((e) => html`<tr><td>${e.code} ${lang === 'id' ? e.name : e.nameEn}</td><td>${e.nrr === null ? '—' : dec(lang, e.nrr, 3)}</td><td>${e.answered}</td></tr>`)}</tbody></table></div>`
  : ''}
${noteBlock(lang, o)}
<p><a href="${withLang(`/kantor/${office.office.slug}/survei`, lang)}">${L(lang, 'Isi survei di kantor (kios)', 'Fill the survey at the office (kiosk)')}</a> · <a href="${withLang(`/kantor/${office.office.slug}/pengaduan`, lang)}">${L(lang, 'Pengaduan dan saran', 'Complaints and suggestions')}</a></p>`;
  };

  app.get('/kantor/:slug/ikm', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const office = ctx.catalogue.office((req.params as { slug: string }).slug);
    if (!office) return reply.callNotFound();
    const q = req.query as { periode?: string; from?: string; to?: string };
    const thisYear = ctx.clock.localDate(office.office, nowOf(ctx).toISOString()).slice(0, 4);
    let period: Period | null = null;
    if (q.periode || (q.from && q.to)) {
      const p = parsePeriod({ period: q.periode, from: q.from, to: q.to });
      if (!p.ok) return send(reply, page({ lang, title: 'IKM', path: `/kantor/${office.office.slug}/ikm`, body: html`<h1>IKM</h1><p class="error-summary" role="alert">${lang === 'id' ? p.error.message : p.error.messageEn}</p>` }), 422);
      period = p.value;
    } else {
      // The latest IKM: this year, or the latest year that has responses.
      const latest = await latestResponseDay(ctx.database.db, office.id);
      period = namedPeriod(latest && latest.slice(0, 4) < thisYear ? latest.slice(0, 4) : thisYear)!;
    }
    const r = await ikmByService(ctx, office, period);
    const y = Number(period.from.slice(0, 4));
    const links = html`<nav aria-label="${L(lang, 'Pilih periode', 'Choose a period')}" class="filters">${[`${y - 1}`, `${y}`, `${y}-S1`, `${y}-S2`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`].map((p) => html`<a href="${withLang(`/kantor/${office.office.slug}/ikm?periode=${p}`, lang)}">${lang === 'id' ? namedPeriod(p)!.label : namedPeriod(p)!.labelEn}</a>`)}</nav>`;
    return send(
      reply,
      page({
        lang,
        title: L(lang, `IKM — ${office.office.name}`, `IKM — ${office.office.name}`),
        path: `/kantor/${office.office.slug}/ikm`,
        breadcrumbs: [
          { href: '/', label: L(lang, 'Beranda', 'Home') },
          { href: `/kantor/${office.office.slug}`, label: office.office.name },
        ],
        body: ikmBody(lang, office, r, links),
      }),
    );
  });

  // ───────────────────────────── Staff pages ─────────────────────────────
  const staffPeriod = (req: FastifyRequest, office: StoredOffice): Period => {
    const q = req.query as { periode?: string; from?: string; to?: string };
    const p = parsePeriod({ period: q.periode, from: q.from, to: q.to });
    if (p.ok) return p.value;
    return namedPeriod(ctx.clock.localDate(office.office, nowOf(ctx).toISOString()).slice(0, 4))!;
  };

  const staffSurveyPage = async (req: FastifyRequest, lang: Lang, message?: Raw, problems?: ResponseProblem[], values?: Record<string, string>) => {
    const office = staffOffice(req);
    const actor = actorOf(req, ctx);
    const period = staffPeriod(req, office);
    const canRead = canReadSurveys(actor);
    const canEnter = canEnterSurveys(actor);
    const qs = `from=${period.from}&to=${period.to}`;
    const r = canRead ? await ikmByService(ctx, office, period) : null;
    const trend = canRead ? await ikmTrend(ctx, office, period) : [];
    const csrf = req.csrfToken ?? '';
    return page({
      lang,
      title: L(lang, 'Survei Kepuasan Masyarakat', 'Satisfaction survey'),
      path: '/petugas/survei',
      body: html`${staffNav(lang, req)}<h1>${L(lang, 'Survei Kepuasan Masyarakat (SKM)', 'Satisfaction survey (SKM)')}</h1>
${message ? html`<div class="notice" role="status">${message}</div>` : ''}
${!canRead && !canEnter ? html`<p>${L(lang, 'Peran Anda tidak dapat membuka data SKM.', 'Your role cannot open SKM data.')}</p>` : ''}
<form method="get" action="/petugas/survei" class="filters">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label for="f-from">${L(lang, 'Dari', 'From')}</label><input id="f-from" type="date" name="from" value="${period.from}">
<label for="f-to">${L(lang, 'Sampai', 'To')}</label><input id="f-to" type="date" name="to" value="${period.to}">
<button type="submit">${L(lang, 'Tampilkan', 'Show')}</button></form>
${r
  ? html`<h2>${lang === 'id' ? period.label : period.labelEn}</h2>
${r.office.noData ? html`<p class="notice">${lang === 'id' ? r.office.message : r.office.messageEn}</p>` : html`<p>IKM <strong class="big" data-testid="staff-ikm">${dec(lang, r.office.ikm!)}</strong> · ${r.office.grade} (${r.office.gradeLabel}) · ${L(lang, 'responden', 'respondents')} ${r.office.respondents} · ${L(lang, 'populasi', 'population')} ${r.office.population} · ${L(lang, 'sampel minimum', 'minimum sample')} ${r.office.minimumSample} (${sampleText(lang, r.office)})</p>`}
${r.services.length ? html`<div class="table-wrap"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Responden', 'Respondents')}</th><th scope="col">${L(lang, 'Populasi', 'Population')}</th><th scope="col">IKM</th><th scope="col">${L(lang, 'Sampel', 'Sample')}</th></tr></thead><tbody>${r.services.map((s) => html`<tr><td>${s.service?.title ?? ''}</td><td>${s.respondents}</td><td>${s.population}</td><td>${gradeText(lang, s)}</td><td>${s.minimumSample} · ${sampleText(lang, s)}</td></tr>`)}</tbody></table></div>` : ''}
${trend.length > 1 ? html`<p class="meta">${L(lang, 'Tren', 'Trend')}: ${trend.map((t) => `${lang === 'id' ? t.label : t.labelEn} ${t.ikm === null ? '—' : dec(lang, t.ikm)}`).join(' · ')}</p>` : ''}
${noteBlock(lang, r.office)}
<p><a class="button" href="/api/v1/surveys/report.pdf?${qs}">${L(lang, 'Laporan IKM (PDF)', 'IKM report (PDF)')}</a> <a class="button" href="/api/v1/surveys/export.xlsx?${qs}">${L(lang, 'Ekspor jawaban (XLSX)', 'Export responses (XLSX)')}</a></p>
<section aria-labelledby="h-fu"><h2 id="h-fu">${L(lang, 'Rencana tindak lanjut periode ini', "This period's follow-up plan")}</h2>
<form method="post" action="${withLang(`/petugas/survei/tindak-lanjut?${qs}`, lang)}" class="intake"><input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="f-fu">${L(lang, 'Rencana tindak lanjut (dicetak pada laporan)', 'Follow-up plan (printed in the report)')}</label><textarea id="f-fu" name="text" rows="4"></textarea></div><button type="submit">${L(lang, 'Simpan', 'Save')}</button></form></section>`
  : ''}
${canEnter
  ? html`<section aria-labelledby="h-paper"><h2 id="h-paper">${L(lang, 'Masukkan kuesioner kertas', 'Enter a paper questionnaire')}</h2>
${surveyForm(lang, { action: withLang('/petugas/survei/isi', lang), hidden: { _csrf: csrf }, requireAll: false, office, staff: true, values, problems })}</section>
<section aria-labelledby="h-imp"><h2 id="h-imp">${L(lang, 'Impor dari XLSX', 'Import from XLSX')}</h2>
<p><a href="/api/v1/surveys/template.xlsx">${L(lang, 'Unduh templat XLSX', 'Download the XLSX template')}</a>. ${L(lang, 'Semua atau tidak sama sekali: bila ada baris yang salah, tidak ada yang disimpan dan setiap baris yang salah disebutkan.', 'All or nothing: if any row is wrong, nothing is saved and every wrong row is listed.')}</p>
<form method="post" action="${withLang('/petugas/survei/impor', lang)}" enctype="multipart/form-data" class="intake"><input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="f-file">${L(lang, 'Berkas XLSX', 'XLSX file')}</label><input id="f-file" type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
<button type="submit">${L(lang, 'Impor', 'Import')}</button></form></section>`
  : ''}`,
    });
  };

  app.get('/petugas/survei', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const q = req.query as { ok?: string; n?: string; date?: string };
    const n = /^\d{1,6}$/.test(q.n ?? '') ? q.n! : '';
    const date = /^\d{4}-\d{2}-\d{2}$/.test(q.date ?? '') ? q.date! : '';
    const messages: Record<string, string> = {
      saved: L(lang, `Kuesioner tersimpan (tanggal ${date}).`, `Questionnaire saved (dated ${date}).`),
      imported: L(lang, `${n} kuesioner diimpor.`, `${n} questionnaires imported.`),
      followup: L(lang, 'Rencana tindak lanjut tersimpan.', 'Follow-up plan saved.'),
    };
    const msg = q.ok ? messages[q.ok] : undefined;
    return send(reply, await staffSurveyPage(req, lang, msg ? html`${msg}` : undefined));
  });

  app.post('/petugas/survei/isi', { schema: { hide: true }, bodyLimit: 32 * 1024 }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const f = stringFields(req.body);
    const r = await submitSurveyResponse(ctx, { ...formToSurvey(f), office: staffOffice(req).office.slug }, actorOf(req, ctx));
    if (!r.ok) return send(reply, await staffSurveyPage(req, lang, undefined, r.problems, f), r.status);
    return reply.redirect(withLang(`/petugas/survei?ok=saved&date=${r.value.respondedOn}`, lang), 303);
  });

  app.post('/petugas/survei/impor', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    if (!req.staff) return reply.redirect('/masuk?next=/petugas/survei', 303);
    const m = await readMultipart(req);
    if (m.fields._csrf !== req.csrfToken) return send(reply, 'Token formulir tidak sah / invalid form token', 403);
    const r = m.tooLarge
      ? { ok: false as const, status: 413 as const, problems: [{ field: 'file', code: 'file-too-large', message: 'Berkas terlalu besar (maksimal 5 MB)', messageEn: 'File too large (at most 5 MB)' }] }
      : await importXlsx(req, actorOf(req, ctx), staffOffice(req), m.fields, m.file);
    if (!r.ok) return send(reply, await staffSurveyPage(req, lang, html`${L(lang, 'Impor dibatalkan; tidak ada yang disimpan.', 'Import cancelled; nothing was saved.')}`, r.problems), r.status);
    return reply.redirect(withLang(`/petugas/survei?ok=imported&n=${r.value.inserted}`, lang), 303);
  });

  app.post('/petugas/survei/tindak-lanjut', { schema: { hide: true }, bodyLimit: 64 * 1024 }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = staffOffice(req);
    const period = staffPeriod(req, office);
    const r = await saveFollowup(ctx, actorOf(req, ctx), office, period, undefined, (req.body as { text?: string }).text);
    if (!r.ok) return send(reply, await staffSurveyPage(req, lang, html`${lang === 'id' ? r.error.message : r.error.messageEn}`), r.status);
    return reply.redirect(withLang(`/petugas/survei?from=${period.from}&to=${period.to}&ok=followup`, lang), 303);
  });
}
