/** The staff back office (server-rendered): sign-in, queue, case page, counter intake, supervision. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, existsSync } from 'node:fs';
import { attachmentsOf, findApplication, openCasesByStep, openTaskFor, queue } from '../../db/applications-repo.js';
import { stepById } from '../../domain/procedure/engine.js';
import { maskNik } from '../../domain/identity/index.js';
import { resubmitFile } from '../../usecases/case-actions.js';
import { serviceOfCase } from '../../usecases/case-service.js';
import { completeTask } from '../../usecases/complete-task.js';
import { nowOf, type Ctx } from '../../usecases/context.js';
import { notificationsFor, sweepSla } from '../../usecases/sla-sweep.js';
import { uploadPath } from '../../usecases/store-upload.js';
import { submitApplication } from '../../usecases/submit-application.js';
import type { StageRecord } from '../../usecases/sla-clock.js';
import { timelineOf } from '../../usecases/timeline.js';
import { actorOf, requireStaffPage } from '../auth.js';
import { pickLang, type Lang } from '../i18n.js';
import { html, multiline, type Raw } from './html.js';
import { formToIntake, intakeForm } from './intake-form.js';
import { page, withLang } from './layout.js';
import { readIntakeForm } from './multipart-form.js';
import { recheckOf, registryRecheckView, siksngField } from './registry-case-view.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);
const SLA_LABEL: Record<string, [string, string]> = {
  'on-time': ['Tepat waktu', 'On time'],
  'at-risk': ['Hampir terlambat', 'At risk'],
  late: ['Terlambat', 'Late'],
  paused: ['Jeda', 'Paused'],
  'not-started': ['Belum mulai', 'Not started'],
  closed: ['Selesai', 'Closed'],
};
const slaBadge = (lang: Lang, s: string) => html`<span class="badge sla-${s}">${(SLA_LABEL[s] ?? [s, s])[lang === 'id' ? 0 : 1]}</span>`;

export function staffNav(lang: Lang, req: FastifyRequest): Raw {
  return html`<nav class="staff-nav" aria-label="${L(lang, 'Menu petugas', 'Staff menu')}"><a href="${withLang('/petugas', lang)}">${L(lang, 'Antrean saya', 'My queue')}</a>
<a href="${withLang('/petugas/daftar-baru', lang)}">${L(lang, 'Daftarkan permohonan', 'Register application')}</a>
<a href="${withLang('/petugas/supervisi', lang)}">${L(lang, 'Supervisi', 'Supervision')}</a>
<a href="${withLang('/petugas/surat', lang)}">${L(lang, 'Surat', 'Letters')}</a>
<a href="${withLang('/petugas/registri', lang)}">${L(lang, 'Registri DTKS', 'DTKS registry')}</a>
<a href="${withLang('/petugas/pengaduan', lang)}">${L(lang, 'Pengaduan', 'Complaints')}</a>
<a href="${withLang('/petugas/survei', lang)}">${L(lang, 'Survei (SKM)', 'Survey (SKM)')}</a>
<form method="post" action="/keluar" class="inline"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}"><button type="submit">${L(lang, 'Keluar', 'Sign out')}</button></form>
<span class="meta">${req.staff?.displayName ?? ''}</span></nav>`;
}

export function backOfficePages(app: FastifyInstance, ctx: Ctx): void {
  const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);
  const officeOf = (req: FastifyRequest) => ctx.catalogue.list().find((o) => o.id === req.staff!.officeId)!;

  app.get('/petugas', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const q = req.query as { sla?: string; service?: string };
    const office = officeOf(req);
    await sweepSla(ctx, office.id);
    const services = new Map(office.services.map((s) => [s.id, s]));
    const rows = await queue(ctx.database.db, office.id, req.staff!.roles, { limit: 200, slaState: q.sla || undefined, serviceId: q.service || undefined });
    const notes = await notificationsFor(ctx, office.id, req.staff!.roles);
    const items: Raw[] = [];
    for (const r of rows) {
      const svc = await serviceOfCase(ctx, r.service_version_id);
      const step = stepById(svc.procedure!, r.step_id);
      items.push(html`<tr><td><a href="${withLang(`/petugas/berkas/${r.application_id}`, lang)}">${r.registration_number}</a></td><td>${svc.no}. ${svc.title}</td><td>${step?.label ?? r.step_id}</td><td>${r.applicant_name}</td><td>${r.due_at ? ctx.clock.local(office.office, r.due_at) : '—'}</td><td>${slaBadge(lang, r.sla_state)}</td></tr>`);
    }
    return send(
      reply,
      page({
        lang,
        title: L(lang, 'Antrean saya', 'My queue'),
        path: '/petugas',
        body: html`${staffNav(lang, req)}<h1>${L(lang, 'Antrean saya', 'My queue')}</h1>
<p class="meta">${office.office.name} · ${L(lang, 'peran', 'roles')}: ${req.staff!.roles.join(', ')}</p>
${notes.length ? html`<section aria-labelledby="h-notif" class="notice"><h2 id="h-notif">${L(lang, 'Pemberitahuan', 'Notifications')}</h2><ul>${notes.map((n) => html`<li><a href="${withLang(`/petugas/berkas/${n.application_id}`, lang)}">${n.message}</a></li>`)}</ul></section>` : ''}
<form method="get" action="/petugas" class="filters"><label for="f-sla">${L(lang, 'Status waktu', 'SLA state')}</label><select id="f-sla" name="sla"><option value="">${L(lang, 'Semua', 'All')}</option>${['late', 'at-risk', 'on-time', 'not-started'].map((s) => html`<option value="${s}"${q.sla === s ? html` selected` : ''}>${(SLA_LABEL[s] ?? [s])[lang === 'id' ? 0 : 1]!}</option>`)}</select>
<label for="f-svc">${L(lang, 'Layanan', 'Service')}</label><select id="f-svc" name="service"><option value="">${L(lang, 'Semua', 'All')}</option>${[...services.values()].map((s) => html`<option value="${s.id}"${q.service === s.id ? html` selected` : ''}>${s.service.no}. ${s.service.title}</option>`)}</select>
<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap"><table class="queue"><caption>${rows.length} ${L(lang, 'tugas terbuka', 'open tasks')}</caption><thead><tr><th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tahap', 'Step')}</th><th scope="col">${L(lang, 'Pemohon', 'Applicant')}</th><th scope="col">${L(lang, 'Batas waktu', 'Due')}</th><th scope="col">SLA</th></tr></thead><tbody>${items}</tbody></table></div>`,
      }),
    );
  });

  app.get('/petugas/berkas/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = officeOf(req);
    const app_ = await findApplication(ctx.database.db, office.id, (req.params as { id: string }).id);
    if (!app_) return send(reply, page({ lang, title: '404', path: '/petugas', body: html`${staffNav(lang, req)}<h1>${L(lang, 'Berkas tidak ditemukan', 'Case not found')}</h1>` }), 404);
    const svc = await serviceOfCase(ctx, app_.service_version_id);
    const task = await openTaskFor(ctx.database.db, app_.id);
    const step = task ? stepById(svc.procedure!, task.step_id) : undefined;
    const mine = !!task && task.status === 'open' && req.staff!.roles.includes(task.role);
    const applicant = JSON.parse(app_.applicant) as Record<string, unknown> & { reporter?: Record<string, string> | null };
    const attachments = await attachmentsOf(ctx.database.db, app_.id);
    const timeline = await timelineOf(ctx, app_);
    const eligibility = JSON.parse(app_.eligibility) as { results: { id: string; message: string; verdict: string }[] };
    const error = (req.query as { error?: string }).error;
    const stages = JSON.parse(app_.stages) as StageRecord[];
    const nowIso = nowOf(ctx).toISOString();
    const recheckView = (data: Record<string, unknown>) => {
      const r = recheckOf(data);
      return r ? registryRecheckView(lang, r, req.staff!.roles) : '';
    };
    const body = html`${staffNav(lang, req)}<h1>${app_.registration_number} · ${svc.title}</h1>
${error ? html`<div class="error-summary" role="alert"><p>${error}</p></div>` : ''}
<dl class="facts"><div><dt>Status</dt><dd>${app_.status} ${slaBadge(lang, app_.sla_state)}</dd></div><div><dt>${L(lang, 'Batas waktu', 'Due')}</dt><dd>${app_.due_at ? ctx.clock.local(office.office, app_.due_at) : '—'}</dd></div><div><dt>${L(lang, 'Tahap', 'Step')}</dt><dd>${step?.label ?? app_.end_id ?? '—'}</dd></div></dl>
<section aria-labelledby="h-app"><h2 id="h-app">${L(lang, 'Pemohon', 'Applicant')}</h2><ul>
<li>${L(lang, 'Nama', 'Name')}: ${String(applicant.name ?? '')}</li>
<li>NIK: ${applicant.nik ? String(applicant.nik) : '—'}</li>
${applicant.phone ? html`<li>${L(lang, 'Telepon', 'Phone')}: ${String(applicant.phone)}</li>` : ''}
${applicant.address ? html`<li>${L(lang, 'Alamat', 'Address')}: ${String(applicant.address)}</li>` : ''}
${applicant.reporter ? html`<li>${L(lang, 'Pelapor', 'Reporter')}: ${Object.values(applicant.reporter).join(' · ')}</li>` : ''}
<li>${L(lang, 'Pengaju / saluran', 'Initiator / channel')}: ${app_.initiator} / ${app_.channel}</li></ul></section>
<section aria-labelledby="h-req"><h2 id="h-req">${L(lang, 'Persyaratan', 'Requirements')}</h2><ul class="checklist-done">${svc.requirements.map((r) => {
      const a = attachments.find((x) => x.requirement_id === r.id);
      return html`<li>${a ? '☑' : '☐'} ${r.label}${a?.upload_id ? html` — <a href="/petugas/unggahan/${a.upload_id}">${L(lang, 'lihat berkas', 'view file')} (${a.mime ?? ''})</a>` : a?.shown_to ? html` — ${L(lang, 'diperlihatkan', 'shown')}` : ''}</li>`;
    })}</ul>
${eligibility.results.length ? html`<h3>${L(lang, 'Kelayakan', 'Eligibility')}</h3><ul>${eligibility.results.map((e) => html`<li>${e.verdict === 'pass' ? '✓' : e.verdict === 'fail' ? '✗' : '?'} ${e.message}${e.verdict === 'unknown' ? html` <span class="meta">(${L(lang, 'periksa manual', 'check manually')})</span>` : ''}</li>`)}</ul>` : ''}</section>
${mine && step
  ? html`<section aria-labelledby="h-act"><h2 id="h-act">${L(lang, 'Tindak lanjut', 'Action')}: ${step.label}</h2>
<form method="post" action="${withLang(`/petugas/tugas/${task!.id}`, lang)}" class="intake"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}"><input type="hidden" name="version" value="${app_.version}">
<div class="field"><label for="f-note">${L(lang, 'Catatan / alasan', 'Note / reason')}</label><textarea id="f-note" name="note" rows="3"></textarea></div>
${step.kind === 'field-visit' ? html`<div class="field"><label for="f-report">${L(lang, 'Laporan kunjungan', 'Visit report')}</label><textarea id="f-report" name="data.report" rows="4"></textarea></div><div class="field"><label for="f-lat">${L(lang, 'Lintang', 'Latitude')}</label><input id="f-lat" name="data.lat" inputmode="decimal"></div><div class="field"><label for="f-lng">${L(lang, 'Bujur', 'Longitude')}</label><input id="f-lng" name="data.lng" inputmode="decimal"></div>` : ''}
${step.kind === 'external' ? html`<div class="field"><label for="f-ref">${L(lang, `Nomor/rujukan dari ${step.external ?? 'instansi'}`, `Reference from ${step.external ?? 'the body'}`)}</label><input id="f-ref" name="data.reference"></div>` : ''}
${siksngField(lang, svc, step.id)}
${step.kind === 'sign' ? html`<div class="field"><label for="f-sign-password">${L(lang, 'Kata sandi (konfirmasi penandatanganan)', 'Password (signing confirmation)')}</label><input id="f-sign-password" name="data.password" type="password" autocomplete="current-password" aria-describedby="f-sign-password-help"><p id="f-sign-password-help" class="meta">${L(lang, 'Surat ditandatangani hanya bila kata sandi diisi; bila dikosongkan, surat menunggu tanda tangan di menu Surat.', 'The letter is signed only when the password is given; if left empty, it waits for signature under Letters.')}</p></div>` : ''}
<div class="outcomes">${step.outcomes.map((o) => html`<button type="submit" name="outcome" value="${o.id}" class="${o.kind === 'forward' ? 'primary' : o.kind}">${o.label}</button>`)}</div></form></section>`
  : app_.status === 'waiting-applicant' && req.staff!.roles.some((r) => r === 'front-office' || r === task?.role)
    ? html`<section><h2>${L(lang, 'Menunggu pemohon', 'Waiting for the applicant')}</h2><p>${app_.outcome_reason ?? ''}</p><form method="post" action="${withLang(`/petugas/berkas/${app_.id}/lengkap`, lang)}"><input type="hidden" name="_csrf" value="${req.csrfToken ?? ''}"><button type="submit" class="primary">${L(lang, 'Pemohon telah melengkapi berkas', 'The applicant completed the file')}</button></form></section>`
    : task
      ? html`<p class="meta">${L(lang, `Menunggu peran: ${task.role}`, `Waiting for role: ${task.role}`)}</p>`
      : ''}
${stages.length ? html`<section aria-labelledby="h-stages"><h2 id="h-stages">${L(lang, 'Tahapan dan batas waktunya', 'Stages and their time limits')}</h2><div class="table-wrap"><table><thead><tr><th scope="col">${L(lang, 'Tahapan', 'Stage')}</th><th scope="col">${L(lang, 'Mulai', 'Started')}</th><th scope="col">${L(lang, 'Batas waktu', 'Due')}</th><th scope="col">${L(lang, 'Selesai', 'Finished')}</th><th scope="col">${L(lang, 'Keadaan', 'State')}</th></tr></thead><tbody>${stages.map(
  (st) => html`<tr><td>${st.label}</td><td>${ctx.clock.local(office.office, st.startedAt)}</td><td>${st.dueAt ? ctx.clock.local(office.office, st.dueAt) : L(lang, 'tidak ditetapkan', 'not set')}</td><td>${st.finishedAt ? ctx.clock.local(office.office, st.finishedAt) : '—'}</td><td>${stageState(lang, st, nowIso)}</td></tr>`,
)}</tbody></table></div></section>` : ''}
<section aria-labelledby="h-tl"><h2 id="h-tl">${L(lang, 'Riwayat', 'Timeline')}</h2><ol class="timeline">${timeline.map(
      (e) => html`<li><time datetime="${e.at}">${e.atLocal}</time> · <strong>${e.type}</strong>${e.step ? ` · ${stepById(svc.procedure!, e.step)?.label ?? e.step}` : ''}${e.outcome ? ` → ${String(e.data.outcomeLabel ?? e.outcome)}` : ''} · ${e.actor}${e.note ? html`<br>${multiline(e.note)}` : ''}${e.slaEffect ? html`<br><span class="meta">SLA: ${JSON.stringify(e.slaEffect)}</span>` : ''}${recheckView(e.data)}</li>`,
    )}</ol></section>`;
    return send(reply, page({ lang, title: app_.registration_number, path: `/petugas/berkas/${app_.id}`, body }));
  });

  app.post('/petugas/tugas/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const body = (req.body ?? {}) as Record<string, string>;
    const data: Record<string, unknown> = {};
    if (body['data.report']) data.report = body['data.report'];
    if (body['data.reference']) data.reference = body['data.reference'];
    if (body['data.siksngReference']) data.siksngReference = body['data.siksngReference'];
    if (body['data.password']) data.password = body['data.password'];
    if (body['data.lat'] && body['data.lng']) data.coordinates = { lat: Number(body['data.lat']), lng: Number(body['data.lng']) };
    const { id } = req.params as { id: string };
    const r = await completeTask(ctx, { taskId: id, outcome: body.outcome ?? '', note: body.note, data, version: Number(body.version) }, actorOf(req, ctx));
    const task = await ctx.database.db.selectFrom('tasks').select('application_id').where('id', '=', id).where('office_id', '=', req.staff!.officeId).executeTakeFirst();
    if (!task) return reply.redirect(withLang('/petugas', lang), 303);
    if (!r.ok) {
      const msg = r.problems.map((p) => (lang === 'id' ? p.message : p.messageEn)).join(' ');
      return reply.redirect(withLang(`/petugas/berkas/${task.application_id}?error=${encodeURIComponent(msg)}`, lang), 303);
    }
    return reply.redirect(withLang('/petugas', lang), 303);
  });

  app.post('/petugas/berkas/:id/lengkap', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = officeOf(req);
    const app_ = await findApplication(ctx.database.db, office.id, (req.params as { id: string }).id);
    if (app_) await resubmitFile(ctx, app_, actorOf(req, ctx), L(lang, 'Dicatat di loket', 'Recorded at the counter'));
    return reply.redirect(withLang(`/petugas/berkas/${app_?.id ?? ''}`, lang), 303);
  });

  app.get('/petugas/daftar-baru', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = officeOf(req);
    const chosen = (req.query as { layanan?: string }).layanan;
    const found = chosen ? office.services.find((s) => s.service.slug === chosen) : undefined;
    const body = found
      ? html`${staffNav(lang, req)}<h1>${L(lang, 'Daftarkan', 'Register')}: ${found.service.title}</h1>${intakeForm(lang, found.service, { values: {}, problems: [] }, { action: withLang(`/petugas/daftar-baru?layanan=${found.service.slug}`, lang), staff: true, csrf: req.csrfToken ?? '', regionName: office.office.region.name })}`
      : html`${staffNav(lang, req)}<h1>${L(lang, 'Daftarkan permohonan di loket', 'Register an application at the counter')}</h1><ul class="cards">${office.services
          .filter((s) => s.service.openForApplications)
          .map((s) => html`<li><a href="${withLang(`/petugas/daftar-baru?layanan=${s.service.slug}`, lang)}">${s.service.no}. ${s.service.title}</a></li>`)}</ul>`;
    return send(reply, page({ lang, title: L(lang, 'Daftarkan permohonan', 'Register application'), path: '/petugas/daftar-baru', body }));
  });

  app.post('/petugas/daftar-baru', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLang(req.query);
    if (!req.staff) return reply.redirect('/masuk', 303);
    const office = officeOf(req);
    const chosen = (req.query as { layanan?: string }).layanan ?? '';
    const found = office.services.find((s) => s.service.slug === chosen);
    if (!found) return reply.redirect(withLang('/petugas/daftar-baru', lang), 303);
    const form = await readIntakeForm(req, ctx);
    if (form.fields._csrf !== req.csrfToken) return send(reply, 'Token formulir tidak sah / invalid form token', 403);
    const intake = formToIntake(form.fields, form.uploads);
    const r = form.problems.length
      ? { ok: false as const, status: 422 as const, problems: form.problems }
      : await submitApplication(ctx, { office: office.office.slug, service: chosen, ...intake } as never, actorOf(req, ctx));
    if (!r.ok)
      return send(
        reply,
        page({ lang, title: found.service.title, path: '/petugas/daftar-baru', body: html`${staffNav(lang, req)}<h1>${found.service.title}</h1>${intakeForm(lang, found.service, { values: form.fields, problems: r.problems }, { action: withLang(`/petugas/daftar-baru?layanan=${chosen}`, lang), staff: true, csrf: req.csrfToken ?? '', regionName: office.office.region.name })}` }),
        r.status,
      );
    return send(
      reply,
      page({
        lang,
        title: L(lang, 'Tanda terima', 'Receipt'),
        path: '/petugas/daftar-baru',
        body: html`${staffNav(lang, req)}<h1>${L(lang, 'Permohonan terdaftar', 'Application registered')}</h1><div class="receipt"><p>${L(lang, 'Nomor registrasi', 'Registration number')}: <strong class="big">${r.value.registrationNumber}</strong></p><p>${L(lang, 'Kode pelacakan', 'Tracking code')}: <strong class="big">${r.value.trackingCode}</strong></p><p>${r.value.dueAtLocal ?? ''}</p></div><p><a href="${withLang(`/petugas/berkas/${r.value.id}`, lang)}">${L(lang, 'Buka berkas', 'Open case')}</a> · <button type="button" onclick="window.print()">${L(lang, 'Cetak tanda terima', 'Print receipt')}</button></p>`,
      }),
    );
  });

  app.get('/petugas/supervisi', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const lang = pickLang(req.query);
    const office = officeOf(req);
    await sweepSla(ctx, office.id);
    const rows = await openCasesByStep(ctx.database.db, office.id);
    const svcById = new Map(office.services.map((s) => [s.id, s.service]));
    const users = new Map((await ctx.database.db.selectFrom('staff_users').select(['id', 'display_name']).where('office_id', '=', office.id).execute()).map((u) => [u.id, u.display_name]));
    return send(
      reply,
      page({
        lang,
        title: L(lang, 'Supervisi berkas terbuka', 'Open cases'),
        path: '/petugas/supervisi',
        body: html`${staffNav(lang, req)}<h1>${L(lang, 'Berkas terbuka per tahap dan petugas', 'Open cases by step and officer')}</h1>
<div class="table-wrap"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tahap', 'Step')}</th><th scope="col">${L(lang, 'Peran', 'Role')}</th><th scope="col">${L(lang, 'Petugas', 'Officer')}</th><th scope="col">SLA</th><th scope="col">${L(lang, 'Jumlah', 'Count')}</th><th scope="col">${L(lang, 'Tenggat terdekat', 'Earliest due')}</th></tr></thead><tbody>${rows.map((r) => {
          const svc = svcById.get(r.service_id);
          return html`<tr><td>${svc ? `${svc.no}. ${svc.title}` : r.service_id}</td><td>${svc?.procedure ? (stepById(svc.procedure, r.step_id)?.label ?? r.step_id) : r.step_id}</td><td>${r.role}</td><td>${r.claimed_by ? (users.get(r.claimed_by) ?? '—') : '—'}</td><td>${slaBadge(lang, r.sla_state)}</td><td>${Number(r.n)}</td><td>${r.oldest_due ? ctx.clock.local(office.office, String(r.oldest_due)) : '—'}</td></tr>`;
        })}</tbody></table></div>`,
      }),
    );
  });

  app.get('/petugas/unggahan/:id', { schema: { hide: true } }, async (req, reply) => {
    if (!requireStaffPage(req, reply)) return reply;
    const { id } = req.params as { id: string };
    // Only files attached to a case of the officer's own office.
    const row = await ctx.database.db
      .selectFrom('uploads')
      .innerJoin('attachments', 'attachments.upload_id', 'uploads.id')
      .innerJoin('applications', 'applications.id', 'attachments.application_id')
      .select(['uploads.sha256', 'uploads.mime'])
      .where('uploads.id', '=', id)
      .where('applications.office_id', '=', req.staff!.officeId)
      .executeTakeFirst();
    if (!row || !existsSync(uploadPath(ctx, row.sha256))) return reply.code(404).send('Not found');
    return reply.type(row.mime).header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(createReadStream(uploadPath(ctx, row.sha256)));
  });
}

export { maskNik };

/** A stage's state on the case page: finished on time or late, running, or running past its limit. */
function stageState(lang: Lang, st: StageRecord, now: string): string {
  const id = lang === 'id';
  if (st.finishedAt) return st.late ? (id ? 'selesai terlambat' : 'finished late') : id ? 'selesai tepat waktu' : 'finished on time';
  if (st.dueAt && now > st.dueAt) return id ? 'berjalan, melewati batas' : 'running, past its limit';
  return id ? 'berjalan' : 'running';
}
