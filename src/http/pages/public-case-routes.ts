/** Public pages for cases: apply online, the receipt, tracking, resubmitting and withdrawing. */
import type { FastifyInstance } from 'fastify';
import { findTracked, publicStatus, resubmitFile, withdraw } from '../../usecases/case-actions.js';
import type { Ctx } from '../../usecases/context.js';
import { PUBLIC_ACTOR } from '../../usecases/context.js';
import { submitApplication } from '../../usecases/submit-application.js';
import { actorOf } from '../auth.js';
import { pickLang, type Lang } from '../i18n.js';
import { html } from './html.js';
import { formToIntake, intakeForm, type FormState } from './intake-form.js';
import { page, withLang } from './layout.js';
import { readIntakeForm } from './multipart-form.js';
import { letterLinksFor } from './letter-tracking.js';
import { surveyLinkFor } from './survey-tracking.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

export function publicCasePages(app: FastifyInstance, ctx: Ctx): void {
  const applyPage = (lang: Lang, officeSlug: string, serviceSlug: string, state: FormState) => {
    const found = ctx.catalogue.service(officeSlug, serviceSlug)!;
    const svc = found.service.service;
    const path = `/kantor/${officeSlug}/layanan/${serviceSlug}/ajukan`;
    return page({
      lang,
      title: L(lang, `Ajukan: ${svc.title}`, `Apply: ${svc.title}`),
      path,
      breadcrumbs: [
        { href: '/', label: L(lang, 'Beranda', 'Home') },
        { href: `/kantor/${officeSlug}`, label: found.office.office.name },
        { href: `/kantor/${officeSlug}/layanan/${serviceSlug}`, label: svc.title },
      ],
      body: html`<h1>${L(lang, 'Ajukan permohonan', 'Apply')}: ${svc.title}</h1>
${!svc.openForApplications ? html`<p class="notice">${L(lang, 'Layanan ini belum dibuka untuk permohonan.', 'This service is not open for applications.')}</p>` : intakeForm(lang, svc, state, { action: withLang(path, lang), staff: false, regionName: found.office.office.region.name })}`,
    });
  };

  app.get('/kantor/:slug/layanan/:service/ajukan', { schema: { hide: true } }, async (req, reply) => {
    const { slug, service } = req.params as { slug: string; service: string };
    const lang = pickLang(req.query);
    if (!ctx.catalogue.service(slug, service)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').send(applyPage(lang, slug, service, { values: {}, problems: [] }));
  });

  app.post('/kantor/:slug/layanan/:service/ajukan', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { slug, service } = req.params as { slug: string; service: string };
    const lang = pickLang(req.query);
    if (!ctx.catalogue.service(slug, service)) return reply.callNotFound();
    const form = await readIntakeForm(req, ctx);
    const intake = formToIntake(form.fields, form.uploads);
    const r = form.problems.length
      ? { ok: false as const, status: 422 as const, problems: form.problems }
      : await submitApplication(ctx, { office: slug, service, ...intake, channel: 'online', idempotencyKey: form.fields._idem || undefined } as never, PUBLIC_ACTOR);
    if (!r.ok) return reply.code(r.status).type('text/html; charset=utf-8').send(applyPage(lang, slug, service, { values: form.fields, problems: r.problems }));
    return reply.type('text/html; charset=utf-8').send(receiptPage(lang, r.value.registrationNumber, r.value.trackingCode, r.value.dueAtLocal));
  });

  const receiptPage = (lang: Lang, number: string, code: string, dueLocal: string | null) =>
    page({
      lang,
      title: L(lang, 'Tanda terima permohonan', 'Application receipt'),
      path: '/lacak',
      body: html`<h1>${L(lang, 'Permohonan diterima', 'Application received')}</h1>
<div class="receipt">
<p>${L(lang, 'Nomor registrasi', 'Registration number')}: <strong class="big" data-testid="registration-number">${number}</strong></p>
<p>${L(lang, 'Kode pelacakan', 'Tracking code')}: <strong class="big" data-testid="tracking-code">${code}</strong></p>
<p>${dueLocal ? html`${L(lang, 'Batas waktu penyelesaian', 'Due')}: ${dueLocal}` : L(lang, 'Batas waktu mulai dihitung setelah berkas dinyatakan lengkap oleh petugas.', 'The time limit starts once an officer declares the file complete.')}</p>
<p class="meta">${L(lang, 'Simpan nomor dan kode ini. Keduanya diperlukan untuk melacak permohonan; kode tidak dapat ditampilkan lagi tanpa datang ke loket.', 'Keep both: you need them to track your application.')}</p>
</div>
<p><a class="button" href="${withLang(`/lacak/${number}?code=${code}`, lang)}">${L(lang, 'Lacak permohonan', 'Track application')}</a></p>`,
    });

  app.get('/lacak', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const q = req.query as { nomor?: string; code?: string };
    if (q.nomor && q.code) return reply.redirect(withLang(`/lacak/${encodeURIComponent(q.nomor.trim().toUpperCase())}?code=${encodeURIComponent(q.code.trim().toUpperCase())}`, lang), 303);
    return reply.type('text/html; charset=utf-8').send(
      page({
        lang,
        title: L(lang, 'Lacak permohonan', 'Track an application'),
        path: '/lacak',
        body: html`<h1>${L(lang, 'Lacak permohonan', 'Track an application')}</h1>
<form method="get" action="/lacak" class="intake">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div class="field"><label for="f-nomor">${L(lang, 'Nomor registrasi', 'Registration number')}</label><input id="f-nomor" name="nomor" required placeholder="JMB-2026-000123"></div>
<div class="field"><label for="f-code">${L(lang, 'Kode pelacakan', 'Tracking code')}</label><input id="f-code" name="code" required autocomplete="off"></div>
<button type="submit" class="primary">${L(lang, 'Lacak', 'Track')}</button></form>`,
      }),
    );
  });

  app.get('/lacak/:number', { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const lang = pickLang(req.query);
    const { number } = req.params as { number: string };
    const { code = '' } = req.query as { code?: string };
    const found = await findTracked(ctx, number, code);
    if (!found)
      return reply.code(404).type('text/html; charset=utf-8').send(
        page({ lang, title: L(lang, 'Tidak ditemukan', 'Not found'), path: '/lacak', body: html`<h1>${L(lang, 'Nomor registrasi atau kode pelacakan tidak cocok', 'Registration number or tracking code does not match')}</h1><p><a href="${withLang('/lacak', lang)}">${L(lang, 'Coba lagi', 'Try again')}</a></p>` }),
      );
    const s = await publicStatus(ctx, found);
    const self = `/lacak/${number}`;
    const extras = html`${await letterLinksFor(ctx, found, code, lang)}${await surveyLinkFor(ctx, found, code, lang)}`;
    return reply.type('text/html; charset=utf-8').send(
      page({
        lang,
        title: `${L(lang, 'Permohonan', 'Application')} ${s.registrationNumber}`,
        path: self,
        body: html`<h1>${L(lang, 'Permohonan', 'Application')} ${s.registrationNumber}</h1>
<dl class="facts">
<div><dt>${L(lang, 'Layanan', 'Service')}</dt><dd>${s.service.title}<br><span class="meta">${s.office}</span></dd></div>
<div><dt>${L(lang, 'Status', 'Status')}</dt><dd data-testid="status">${lang === 'id' ? s.statusLabel : s.statusLabelEn}</dd></div>
<div><dt>${L(lang, 'Batas waktu', 'Due')}</dt><dd>${s.dueAtLocal ?? '—'}</dd></div>
</dl>
${s.currentStep ? html`<p>${L(lang, 'Tahap saat ini', 'Current step')}: <strong>${s.currentStep.label}</strong></p>` : ''}
${s.reason ? html`<div class="notice" role="status"><strong>${L(lang, 'Catatan petugas', "Officer's note")}:</strong> ${s.reason}</div>` : ''}
${s.mustDo ? html`<p data-testid="must-do">${lang === 'id' ? s.mustDo : s.mustDoEn}</p>` : ''}
${extras}
${s.status === 'waiting-applicant'
  ? html`<form method="post" action="${withLang(`${self}/kirim-ulang`, lang)}"><input type="hidden" name="code" value="${code}"><div class="field"><label for="f-note">${L(lang, 'Keterangan untuk petugas', 'Note for the officer')}</label><input id="f-note" name="note"></div><button type="submit" class="primary">${L(lang, 'Berkas sudah saya lengkapi', 'I have completed my file')}</button></form>`
  : ''}
${s.canWithdraw
  ? html`<form method="post" action="${withLang(`${self}/batal`, lang)}" class="secondary-form"><input type="hidden" name="code" value="${code}"><div class="field"><label for="f-reason">${L(lang, 'Alasan pembatalan', 'Reason for withdrawing')}</label><input id="f-reason" name="reason"></div><button type="submit">${L(lang, 'Batalkan permohonan', 'Withdraw application')}</button></form>`
  : ''}`,
      }),
    );
  });

  for (const [suffix, action] of [
    ['kirim-ulang', 'resubmit'],
    ['batal', 'withdraw'],
  ] as const)
    app.post(`/lacak/:number/${suffix}`, { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
      const lang = pickLang(req.query);
      const { number } = req.params as { number: string };
      const body = (req.body ?? {}) as { code?: string; note?: string; reason?: string };
      const found = await findTracked(ctx, number, body.code ?? '');
      if (!found) return reply.code(404).send('Not found');
      const actor = req.staff ? actorOf(req, ctx) : { ...PUBLIC_ACTOR, name: 'Pemohon' };
      if (action === 'resubmit') await resubmitFile(ctx, found, actor, body.note);
      else await withdraw(ctx, found, actor, body.reason);
      return reply.redirect(withLang(`/lacak/${number}?code=${encodeURIComponent(body.code ?? '')}`, lang), 303);
    });
}
