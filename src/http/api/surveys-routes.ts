/**
 * The satisfaction survey (SKM) and its index (IKM) as JSON: the public IKM of an office and its
 * services, the questionnaire, kiosk forms and responses, and for staff paper entry, XLSX import
 * and export, the printable report and the follow-up plan. Thin: parse, call one use case, answer.
 */
import type { Permission } from '../../domain/staff/permissions.js';
import { z } from 'zod';
import { elementBarSvg } from '../../render/charts.js';
import { renderIkmReportPdf } from '../../render/ikm-report-pdf.js';
import { PUBLIC_ACTOR, type Ctx } from '../../usecases/context.js';
import { ikmFor } from '../../usecases/surveys/compute-ikm.js';
import { ikmByService } from '../../usecases/surveys/compute-ikm-by-service.js';
import { describeQuestionnaire } from '../../usecases/surveys/describe-questionnaire.js';
import { exportResponsesXlsx } from '../../usecases/surveys/export-responses-xlsx.js';
import { findIkmScope } from '../../usecases/surveys/find-ikm-scope.js';
import { findSurveyDataScope } from '../../usecases/surveys/find-survey-data-scope.js';
import { importSurveyXlsx } from '../../usecases/surveys/import-survey-xlsx.js';
import { issueKioskNonce } from '../../usecases/surveys/issue-kiosk-nonce.js';
import { KIOSK_MIN_SECONDS } from '../../usecases/surveys/kiosk-nonce.js';
import { ikmReportData } from '../../usecases/surveys/report-data.js';
import { saveFollowup } from '../../usecases/surveys/save-followup.js';
import { submitSurveyBatch } from '../../usecases/surveys/submit-batch.js';
import { submitSurveyResponse } from '../../usecases/surveys/submit-response.js';
import { surveyTemplateXlsx } from '../../usecases/surveys/survey-sheet.js';
import { csrfValid, officerOf, refuseCsrf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { readSurveyXlsxUpload } from '../pages/surveys-xlsx-upload.js';
import { sendError, sendFailure } from '../reply.js';
import { errors, slugParams } from './schemas.js';
import { batchBody, batchSchema, followupBody, ikmSchema, kioskNonceSchema, periodQuery, questionnaireSchema, recordedSchema, surveyBody, SURVEY_RATE } from './surveys-schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A file answer: sent as bytes or a stream, never serialised. */
const file = (kind: string) => z.unknown().describe(kind);

export function surveysRoutes(app: ZodApp, ctx: Ctx): void {
  const open = { access: 'public' } as const;
  const staff = (may: Permission) => ({ access: 'staff', may }) as const;
  const tags = ['survey'];

  app.get(
    '/api/v1/offices/:slug/ikm',
    {
      config: open,
      schema: {
        tags,
        summary: 'IKM kantor atau layanan untuk suatu periode / IKM of an office or service for a period (public, no personal data)',
        description:
          'PermenPANRB 14/2017: NRR per unsur, bobot tepat 1/9, × 25, dibulatkan hanya di akhir; mutu A–D. population = permohonan kantor/layanan yang selesai dalam periode; minimumSample = Krejcie & Morgan (dibulatkan ke terdekat seperti tabel). Periode tanpa kuesioner: 200 dengan noData=true, ikm/grade/nrr null dan message (bukan pembagian dengan nol).',
        params: slugParams,
        querystring: periodQuery,
        response: { 200: ikmSchema, ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const s = findIkmScope(ctx, req.params.slug, req.query);
      if (!s.ok) return sendFailure(reply, s.error);
      return ikmFor(ctx, s.value.office, s.value.period, s.value.service);
    },
  );

  app.get(
    '/api/v1/offices/:slug/ikm/services',
    {
      config: open,
      schema: {
        tags,
        summary: 'IKM kantor dan setiap layanan / IKM of the office and each service (public)',
        params: slugParams,
        querystring: periodQuery,
        response: { 200: z.object({ office: ikmSchema, services: z.array(ikmSchema) }), ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const s = findIkmScope(ctx, req.params.slug, req.query);
      if (!s.ok) return sendFailure(reply, s.error);
      return ikmByService(ctx, s.value.office, s.value.period);
    },
  );

  app.get(
    '/api/v1/offices/:slug/ikm/chart.svg',
    {
      config: open,
      schema: { tags, summary: 'Grafik NRR per unsur (SVG) / NRR per element chart (SVG)', params: slugParams, querystring: periodQuery, produces: ['image/svg+xml'] },
    },
    async (req, reply) => {
      const s = findIkmScope(ctx, req.params.slug, req.query);
      if (!s.ok) return sendFailure(reply, s.error);
      const ikm = await ikmFor(ctx, s.value.office, s.value.period, s.value.service);
      return reply.type('image/svg+xml; charset=utf-8').send(elementBarSvg(ikm.elements, { title: `NRR per unsur — ${s.value.period.label}` }));
    },
  );

  app.get(
    '/api/v1/survey-questionnaire',
    { config: open, schema: { tags, summary: 'Kuesioner SKM: unsur, pilihan jawaban, profil / The SKM questionnaire', response: { 200: questionnaireSchema } } },
    async () => describeQuestionnaire(),
  );

  app.post(
    '/api/v1/offices/:slug/kiosk-sessions',
    {
      config: { ...open, rateLimit: { max: 30, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Formulir kios baru (nonce sekali pakai) / A new kiosk form (single-use nonce)',
        description: `Nonce berlaku untuk satu jawaban, paling cepat ${KIOSK_MIN_SECONDS} detik setelah diterbitkan.`,
        params: slugParams,
        response: { 201: kioskNonceSchema, ...errors(404) },
      },
    },
    async (req, reply) => {
      const office = ctx.catalogue.findOffice(req.params.slug);
      if (!office.ok) return sendFailure(reply, office.error);
      const n = await issueKioskNonce(ctx, office.value);
      return reply.code(201).send({ kioskNonce: n.nonce, notBefore: n.notBefore, expiresAt: n.expiresAt });
    },
  );

  app.post(
    '/api/v1/surveys',
    {
      bodyLimit: 32 * 1024,
      config: { ...open, rateLimit: SURVEY_RATE },
      schema: {
        tags,
        summary: 'Kirim satu kuesioner SKM / Send one SKM questionnaire',
        description:
          'Publik: application (nomor registrasi) + token dari tautan survei (satu jawaban per permohonan), atau office + kioskNonce (formulir kios). Petugas admin/surveyor (token/cookie): kuesioner kertas, boleh date dan jawaban kosong per unsur. answers: { U1..U9: 1..4 }; daring wajib kesembilannya.',
        body: surveyBody,
        response: { 201: recordedSchema, ...errors(403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      // Signed-in staff enter paper questionnaires; anyone else answers as the public.
      const r = await submitSurveyResponse(ctx, req.body, req.officer?.actor ?? PUBLIC_ACTOR);
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send(r.value);
    },
  );

  app.post(
    '/api/v1/surveys/batch',
    {
      bodyLimit: 8 * 1024 * 1024,
      config: staff('surveys.enter'),
      schema: {
        tags,
        summary: 'Kuesioner kertas sekaligus (admin/surveyor) / Paper questionnaires in bulk (all or nothing)',
        description: 'Semua atau tidak sama sekali: bila ada baris tidak sah, tidak ada yang disimpan dan 422 menyebut setiap baris (row mulai 1).',
        body: batchBody,
        response: { 201: batchSchema, ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await submitSurveyBatch(ctx, officerOf(req).actor, { office: req.body.office, service: req.body.service, responses: req.body.responses, source: 'paper' });
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send(r.value);
    },
  );

  app.post(
    '/api/v1/surveys/import',
    {
      config: staff('surveys.enter'),
      schema: {
        tags,
        summary: 'Impor kuesioner kertas dari XLSX (admin/surveyor) / Import paper questionnaires from XLSX',
        description: 'multipart/form-data: file (XLSX, kolom seperti /api/v1/surveys/template.xlsx), service (opsional). Semua atau tidak sama sekali; 422 menyebut nomor baris lembar kerja.',
        consumes: ['multipart/form-data'],
        response: { 201: batchSchema, ...errors(401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) return sendError(reply, 415, 'multipart-required', 'Kirim berkas sebagai multipart/form-data', 'Send the file as multipart/form-data');
      const upload = await readSurveyXlsxUpload(req);
      const header = req.headers['x-csrf-token'];
      if (!csrfValid(req, typeof header === 'string' ? header : upload.fields._csrf)) return refuseCsrf(req, reply);
      const { actor, office } = officerOf(req);
      const r = await importSurveyXlsx(ctx, actor, office, { file: upload.file, tooLarge: upload.tooLarge, service: upload.fields.service });
      if (!r.ok) return sendFailure(reply, r.error);
      return reply.code(201).send(r.value);
    },
  );

  app.get(
    '/api/v1/surveys/template.xlsx',
    { config: open, schema: { tags, summary: 'Templat XLSX kuesioner kertas / XLSX template for paper questionnaires', produces: [XLSX] } },
    async (_req, reply) => reply.type(XLSX).header('content-disposition', 'attachment; filename="templat-skm.xlsx"').send(await surveyTemplateXlsx()),
  );

  app.get(
    '/api/v1/surveys/export.xlsx',
    {
      config: staff('surveys.read'),
      schema: { tags, summary: 'Ekspor jawaban mentah periode ke XLSX (petugas) / Export raw responses of a period to XLSX (staff)', querystring: periodQuery, produces: [XLSX], response: { 200: file('XLSX'), ...errors(401, 403, 404, 422) } },
    },
    async (req, reply) => {
      const { actor, office } = officerOf(req);
      const s = findSurveyDataScope(ctx, actor, office, req.query);
      if (!s.ok) return sendFailure(reply, s.error);
      const { period, service } = s.value;
      const name = `skm-${office.office.slug}-${period.from}-${period.to}${service ? `-${service.service.slug}` : ''}.xlsx`;
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(exportResponsesXlsx(ctx, office, period, service?.id ?? null));
    },
  );

  app.get(
    '/api/v1/surveys/report.pdf',
    {
      config: staff('surveys.read'),
      schema: { tags, summary: 'Laporan IKM untuk dicetak (PDF, petugas) / Printable IKM report (PDF, staff)', querystring: periodQuery, produces: ['application/pdf'], response: { 200: file('PDF'), ...errors(401, 403, 404, 422) } },
    },
    async (req, reply) => {
      const { actor, office } = officerOf(req);
      const s = findSurveyDataScope(ctx, actor, office, req.query);
      if (!s.ok) return sendFailure(reply, s.error);
      const { period, service } = s.value;
      const pdf = await renderIkmReportPdf(await ikmReportData(ctx, office, period, service));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="laporan-skm-${office.office.slug}-${period.from}-${period.to}.pdf"`).send(pdf);
    },
  );

  app.put(
    '/api/v1/surveys/follow-up',
    {
      config: staff('surveys.plan'),
      schema: {
        tags,
        summary: 'Rencana tindak lanjut hasil SKM untuk periode (petugas) / Follow-up plan for a period (staff)',
        body: followupBody,
        response: { 200: z.object({ ok: z.boolean() }), ...errors(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const { actor, office } = officerOf(req);
      const s = findIkmScope(ctx, office.office.slug, req.body);
      if (!s.ok) return sendFailure(reply, s.error);
      const r = await saveFollowup(ctx, actor, s.value.office, s.value.period, s.value.service, req.body.text);
      if (!r.ok) return sendFailure(reply, r.error);
      return { ok: true };
    },
  );
}
