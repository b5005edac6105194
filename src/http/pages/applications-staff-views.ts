/** Views of the back office's case pages: the queue, a case, the supervisor's table. Pure: (shell, data) → HTML. */
import type { StoredService } from '../../db/standards-repo.js';
import { stepById } from '../../domain/procedure/engine.js';
import type { QueueItem } from '../../usecases/applications/task-queue.js';
import type { CaseFile, StageState } from '../../usecases/applications/read-case-file.js';
import type { OpenCasesRow } from '../../usecases/applications/supervise-open-cases.js';
import { L, slaLabel } from '../i18n.js';
import { flash, slaBadge } from './components.js';
import { html, multiline } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { recheckOf, registryRecheckView, siksngField } from './registry-case-views.js';
import { signStepFields, waitingForSignature } from './letters-sign-step-views.js';
import type { Problem } from '../../domain/errors.js';
import type { LetterToSign } from '../../usecases/letters/case-letters-to-sign.js';

export interface QueuePageData {
  officeName: string;
  roles: string[];
  notifications: { application_id: string; message: string }[];
  filter: { sla?: string; service?: string };
  services: StoredService[];
  items: QueueItem[];
}

export function queuePage(shell: StaffShell, d: QueuePageData): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Antrean saya', 'My queue'),
    path: '/petugas',
    body: html`<h1>${L(lang, 'Antrean saya', 'My queue')}</h1>
<p class="meta">${d.officeName} · ${L(lang, 'peran', 'roles')}: ${d.roles.join(', ')}</p>
${d.notifications.length ? html`<section aria-labelledby="h-notif" class="notice"><h2 id="h-notif">${L(lang, 'Pemberitahuan', 'Notifications')}</h2><ul>${d.notifications.map((n) => html`<li><a href="${withLang(`/petugas/berkas/${n.application_id}`, lang)}">${n.message}</a></li>`)}</ul></section>` : ''}
<form method="get" action="/petugas" class="filters"><label for="f-sla">${L(lang, 'Status waktu', 'SLA state')}</label><select id="f-sla" name="sla"><option value="">${L(lang, 'Semua', 'All')}</option>${['late', 'at-risk', 'on-time', 'not-started'].map((s) => html`<option value="${s}"${d.filter.sla === s ? html` selected` : ''}>${slaLabel(lang, s)}</option>`)}</select>
<label for="f-svc">${L(lang, 'Layanan', 'Service')}</label><select id="f-svc" name="service"><option value="">${L(lang, 'Semua', 'All')}</option>${d.services.map((s) => html`<option value="${s.id}"${d.filter.service === s.id ? html` selected` : ''}>${s.service.no}. ${s.service.title}</option>`)}</select>
<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap"><table class="queue"><caption>${d.items.length} ${L(lang, 'tugas terbuka', 'open tasks')}</caption><thead><tr><th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tahap', 'Step')}</th><th scope="col">${L(lang, 'Pemohon', 'Applicant')}</th><th scope="col">${L(lang, 'Batas waktu', 'Due')}</th><th scope="col">SLA</th></tr></thead><tbody>${d.items.map(
      (r) =>
        html`<tr><td><a href="${withLang(`/petugas/berkas/${r.applicationId}`, lang)}">${r.registrationNumber}</a></td><td>${r.service.no}. ${r.service.title}</td><td>${r.step.label}</td><td>${r.applicantName}</td><td>${r.dueAtLocal ?? '—'}</td><td>${slaBadge(lang, r.slaState)}</td></tr>`,
    )}</tbody></table></div>`,
  });
}

export function caseNotFoundPage(shell: StaffShell): string {
  return staffPage(shell, { title: '404', path: '/petugas', body: html`<h1>${L(shell.lang, 'Berkas tidak ditemukan', 'Case not found')}</h1>` });
}

const STAGE_STATE: Record<StageState, [string, string]> = {
  'finished-late': ['selesai terlambat', 'finished late'],
  'finished-on-time': ['selesai tepat waktu', 'finished on time'],
  'running-late': ['berjalan, melewati batas', 'running, past its limit'],
  running: ['berjalan', 'running'],
};

/** The signing step's letters and refusal, and who a case waiting for a signature waits for (letters-sign-step-views.ts). */
export interface CaseSigning {
  letters: LetterToSign[];
  error?: Problem;
  signers: string;
}

export function casePage(shell: StaffShell, f: CaseFile, opts: { error?: string; roles: string[]; signing?: CaseSigning }): string {
  const { lang } = shell;
  const { app, service: svc, task, step } = f;
  const applicant = app.applicant;
  const recheck = (data: Record<string, unknown>) => {
    const r = recheckOf(data);
    return r ? registryRecheckView(lang, r, opts.roles) : '';
  };
  const body = html`<h1>${app.registration_number} · ${svc.title}</h1>
${flash({ error: opts.error })}
${app.status === 'waiting-signature' && opts.signing ? waitingForSignature(lang, opts.signing.letters, opts.signing.signers) : ''}
<dl class="facts"><div><dt>Status</dt><dd>${app.status} ${slaBadge(lang, app.sla_state)}</dd></div><div><dt>${L(lang, 'Batas waktu', 'Due')}</dt><dd>${f.dueLocal ?? '—'}</dd></div><div><dt>${L(lang, 'Tahap', 'Step')}</dt><dd>${step?.label ?? app.end_id ?? '—'}</dd></div></dl>
<section aria-labelledby="h-app"><h2 id="h-app">${L(lang, 'Pemohon', 'Applicant')}</h2><ul>
<li>${L(lang, 'Nama', 'Name')}: ${String(applicant.name ?? '')}</li>
<li>NIK: ${applicant.nik ? String(applicant.nik) : '—'}</li>
${applicant.phone ? html`<li>${L(lang, 'Telepon', 'Phone')}: ${String(applicant.phone)}</li>` : ''}
${applicant.address ? html`<li>${L(lang, 'Alamat', 'Address')}: ${String(applicant.address)}</li>` : ''}
${applicant.reporter ? html`<li>${L(lang, 'Pelapor', 'Reporter')}: ${Object.values(applicant.reporter).join(' · ')}</li>` : ''}
<li>${L(lang, 'Pengaju / saluran', 'Initiator / channel')}: ${app.initiator} / ${app.channel}</li></ul></section>
<section aria-labelledby="h-req"><h2 id="h-req">${L(lang, 'Persyaratan', 'Requirements')}</h2><ul class="checklist-done">${svc.requirements.map((r) => {
    const a = f.attachments.find((x) => x.requirement_id === r.id);
    return html`<li>${a ? '☑' : '☐'} ${r.label}${a?.upload_id ? html` — <a href="/petugas/unggahan/${a.upload_id}">${L(lang, 'lihat berkas', 'view file')} (${a.mime ?? ''})</a>` : a?.shown_to ? html` — ${L(lang, 'diperlihatkan', 'shown')}` : ''}</li>`;
  })}</ul>
${app.eligibility.results.length ? html`<h3>${L(lang, 'Kelayakan', 'Eligibility')}</h3><ul>${app.eligibility.results.map((e) => html`<li>${e.verdict === 'pass' ? '✓' : e.verdict === 'fail' ? '✗' : '?'} ${e.message}${e.verdict === 'unknown' ? html` <span class="meta">(${L(lang, 'periksa manual', 'check manually')})</span>` : ''}</li>`)}</ul>` : ''}</section>
${f.mine && step && task
  ? html`<section aria-labelledby="h-act"><h2 id="h-act">${L(lang, 'Tindak lanjut', 'Action')}: ${step.label}</h2>
<form method="post" action="${withLang(`/petugas/tugas/${task.id}`, lang)}" class="intake">${csrfField(shell)}<input type="hidden" name="version" value="${app.version}">
<div class="field"><label for="f-note">${L(lang, 'Catatan / alasan', 'Note / reason')}</label><textarea id="f-note" name="note" rows="3"></textarea></div>
${step.kind === 'field-visit' ? html`<div class="field"><label for="f-report">${L(lang, 'Laporan kunjungan', 'Visit report')}</label><textarea id="f-report" name="data.report" rows="4"></textarea></div><div class="field"><label for="f-lat">${L(lang, 'Lintang', 'Latitude')}</label><input id="f-lat" name="data.lat" inputmode="decimal"></div><div class="field"><label for="f-lng">${L(lang, 'Bujur', 'Longitude')}</label><input id="f-lng" name="data.lng" inputmode="decimal"></div>` : ''}
${step.kind === 'external' ? html`<div class="field"><label for="f-ref">${L(lang, `Nomor/rujukan dari ${step.external ?? 'instansi'}`, `Reference from ${step.external ?? 'the body'}`)}</label><input id="f-ref" name="data.reference"></div>` : ''}
${siksngField(lang, svc, step.id)}
${step.kind === 'sign' ? signStepFields(lang, opts.signing?.letters ?? [], opts.signing?.error) : ''}
<div class="outcomes">${step.outcomes.map((o) => html`<button type="submit" name="outcome" value="${o.id}" class="${o.kind === 'forward' ? 'primary' : o.kind}">${o.label}</button>`)}</div></form></section>`
  : f.mayRecordResubmission
    ? html`<section><h2>${L(lang, 'Menunggu pemohon', 'Waiting for the applicant')}</h2><p>${app.outcome_reason ?? ''}</p><form method="post" action="${withLang(`/petugas/berkas/${app.id}/lengkap`, lang)}">${csrfField(shell)}<button type="submit" class="primary">${L(lang, 'Pemohon telah melengkapi berkas', 'The applicant completed the file')}</button></form></section>`
    : task
      ? html`<p class="meta">${L(lang, `Menunggu peran: ${task.role}`, `Waiting for role: ${task.role}`)}</p>`
      : ''}
${f.stages.length ? html`<section aria-labelledby="h-stages"><h2 id="h-stages">${L(lang, 'Tahapan dan batas waktunya', 'Stages and their time limits')}</h2><div class="table-wrap"><table><thead><tr><th scope="col">${L(lang, 'Tahapan', 'Stage')}</th><th scope="col">${L(lang, 'Mulai', 'Started')}</th><th scope="col">${L(lang, 'Batas waktu', 'Due')}</th><th scope="col">${L(lang, 'Selesai', 'Finished')}</th><th scope="col">${L(lang, 'Keadaan', 'State')}</th></tr></thead><tbody>${f.stages.map(
    (st) => html`<tr><td>${st.label}</td><td>${st.startedLocal}</td><td>${st.dueLocal ?? L(lang, 'tidak ditetapkan', 'not set')}</td><td>${st.finishedLocal ?? '—'}</td><td>${L(lang, ...STAGE_STATE[st.state])}</td></tr>`,
  )}</tbody></table></div></section>` : ''}
<section aria-labelledby="h-tl"><h2 id="h-tl">${L(lang, 'Riwayat', 'Timeline')}</h2><ol class="timeline">${f.timeline.map(
    (e) =>
      html`<li><time datetime="${e.at}">${e.atLocal}</time> · <strong>${e.type}</strong>${e.step ? ` · ${stepById(svc.procedure!, e.step)?.label ?? e.step}` : ''}${e.outcome ? ` → ${String(e.data.outcomeLabel ?? e.outcome)}` : ''} · ${e.actor}${e.note ? html`<br>${multiline(e.note)}` : ''}${e.slaEffect ? html`<br><span class="meta">SLA: ${JSON.stringify(e.slaEffect)}</span>` : ''}${recheck(e.data)}</li>`,
  )}</ol></section>`;
  return staffPage(shell, { title: app.registration_number, path: `/petugas/berkas/${app.id}`, body });
}

export function supervisionPage(shell: StaffShell, rows: OpenCasesRow[]): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Supervisi berkas terbuka', 'Open cases'),
    path: '/petugas/supervisi',
    body: html`<h1>${L(lang, 'Berkas terbuka per tahap dan petugas', 'Open cases by step and officer')}</h1>
<div class="table-wrap"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tahap', 'Step')}</th><th scope="col">${L(lang, 'Peran', 'Role')}</th><th scope="col">${L(lang, 'Petugas', 'Officer')}</th><th scope="col">SLA</th><th scope="col">${L(lang, 'Jumlah', 'Count')}</th><th scope="col">${L(lang, 'Tenggat terdekat', 'Earliest due')}</th></tr></thead><tbody>${rows.map(
      (r) => html`<tr><td>${r.service}</td><td>${r.step}</td><td>${r.role}</td><td>${r.officer ?? '—'}</td><td>${slaBadge(lang, r.slaState)}</td><td>${r.count}</td><td>${r.earliestDueLocal ?? '—'}</td></tr>`,
    )}</tbody></table></div>`,
  });
}
