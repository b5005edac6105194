/** Views of the back office's case pages: a case, the supervisor's table (the queue: applications-search-views.ts). Pure: (shell, data) → HTML. */
import { maskKk, maskNik } from '../../domain/identity/index.js';
import { MASK, SPECIFIC_PERSONAL_INPUTS, roleMay } from '../../domain/staff/permissions.js';
import { disasterCaseLink } from './logistics-views.js';
import { stepById } from '../../domain/procedure/engine.js';
import type { CaseFile, StageState } from '../../usecases/applications/read-case-file.js';
import type { OpenCasesRow } from '../../usecases/applications/supervise-open-cases.js';
import type { Problem } from '../../domain/errors.js';
import { STATUS_LABEL } from '../../domain/applications/status.js';
import { letterStatusName } from '../../domain/letters/status.js';
import type { TimelineEntry } from '../../usecases/applications/case-timeline.js';
import { formatDate, initiatorName, L, slaLabel, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs, slaBadge } from './components.js';
import { channelName } from './applications-intake-views.js';
import { html, multiline, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { recheckOf, registryAtSubmissionView, registryRecheckView, siksngField } from './registry-case-views.js';
import { signStepFields, waitingForSignature } from './letters-sign-step-views.js';
import { recordReadsSection } from './audit-views.js';
import type { LetterToSign } from '../../usecases/letters/case-letters-to-sign.js';
import { messageEntry, withMessages } from './notifications-views.js';
import { callsSection } from './calls-views.js';

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
  /** The certified-signature provider configured on the server, if any (the sign step then offers it). */
  provider?: string | null;
}

/** Every event type of a case's history, in words (an unknown type shows as itself). */
const EVENT_NAME: Record<string, [string, string]> = {
  submitted: ['Permohonan diajukan', 'Application filed'],
  'step-completed': ['Tahap selesai', 'Step completed'],
  returned: ['Dikembalikan ke pemohon', 'Returned to the applicant'],
  'file-resubmitted': ['Berkas dilengkapi', 'File completed'],
  'closed:completed': ['Selesai', 'Completed'],
  'closed:rejected': ['Ditolak', 'Rejected'],
  'closed:withdrawn': ['Dibatalkan', 'Withdrawn'],
  'letter-signed': ['Surat ditandatangani', 'Letter signed'],
  'letter-revoked': ['Surat dicabut', 'Letter revoked'],
  'registry-proposal': ['Usulan DTKS', 'Registry proposal'],
  'registry-confirmed': ['Terkonfirmasi di DTKS', 'Confirmed in the registry'],
  'sla:at-risk': ['Mendekati batas waktu', 'Nearing its time limit'],
  'sla:late': ['Melewati batas waktu', 'Past its time limit'],
  'due:calendar': ['Batas waktu disesuaikan dengan jadwal kantor', "Due time moved with the office's calendar"],
  'emergency:first-response': ['Respon awal Tim Reaksi Cepat', 'First response by the rapid-response team'],
  'emergency:escalated': ['Respon awal dieskalasi', 'First response escalated'],
  'emergency:merged': ['Laporan ganda, digabung ke laporan lain', 'Duplicate report, merged into another'],
  'emergency:merged-from': ['Laporan ganda digabung ke sini', 'A duplicate report merged here'],
  'notify-changed': ['Pemohon mengubah pilihan kabar', 'The applicant changed how they are told'],
  'call:tersambung': ['Panggilan telepon: tersambung', 'Phone call: connected'],
  'call:tidak-diangkat': ['Panggilan telepon: tidak diangkat', 'Phone call: not answered'],
  'call:nomor-salah': ['Panggilan telepon: nomor salah', 'Phone call: wrong number'],
};
const eventName = (lang: Lang, type: string) => (EVENT_NAME[type] ? L(lang, ...EVENT_NAME[type]!) : type.replace(/[:-]/g, ' '));

/** What an event did to the clock, in words, with the due time in the office's zone. */
function clockEffect(lang: Lang, e: TimelineEntry): Raw | '' {
  const fx = e.slaEffect;
  if (!fx) return '';
  const due = e.dueLocal ? html` ${L(lang, 'Batas waktu', 'Due')}: ${when(lang, e.dueLocal)}.` : '';
  const waitingOn = typeof fx.waitingOn === 'string' ? (fx.waitingOn === 'applicant' ? L(lang, 'pemohon', 'the applicant') : fx.waitingOn) : '';
  const words: Record<string, [string, string]> = {
    started: ['Jam layanan mulai berjalan.', 'The service clock started.'],
    resumed: ['Jam layanan berjalan lagi.', 'The service clock runs again.'],
    paused: [`Jam layanan dijeda (menunggu ${waitingOn}).`, `The service clock is paused (waiting on ${waitingOn}).`],
    stopped: ['Jam layanan berhenti.', 'The service clock stopped.'],
    'waits-for-complete-file': ['Jam layanan mulai setelah berkas dinyatakan lengkap.', 'The clock starts once the file is declared complete.'],
  };
  const clock = typeof fx.clock === 'string' && words[fx.clock] ? L(lang, ...words[fx.clock]!) : '';
  const state = typeof fx.state === 'string' ? slaLabel(lang, fx.state) : '';
  return clock || state || due ? html`<br><span class="meta">${clock}${state}${due}</span>` : '';
}

/** The data an officer recorded at a step (visit report, coordinates, references), in words. */
function stepData(lang: Lang, data: Record<string, unknown>): Raw | '' {
  const items: Raw[] = [];
  if (typeof data.report === 'string' && data.report) items.push(html`<div><dt>${L(lang, 'Laporan kunjungan', 'Visit report')}</dt><dd>${multiline(data.report)}</dd></div>`);
  const c = data.coordinates as { lat?: unknown; lng?: unknown } | undefined;
  if (c && typeof c.lat === 'number' && typeof c.lng === 'number')
    items.push(
      html`<div><dt>${L(lang, 'Koordinat', 'Coordinates')}</dt><dd>${c.lat.toFixed(6)}, ${c.lng.toFixed(6)} · <a href="https://www.openstreetmap.org/?mlat=${c.lat}&amp;mlon=${c.lng}#map=17/${c.lat}/${c.lng}" rel="noopener" target="_blank">${L(lang, 'lihat di peta', 'view on a map')}</a></dd></div>`,
    );
  if (typeof data.reference === 'string' && data.reference) items.push(html`<div><dt>${L(lang, 'Nomor/rujukan', 'Reference')}</dt><dd>${data.reference}</dd></div>`);
  if (typeof data.siksngReference === 'string' && data.siksngReference) items.push(html`<div><dt>${L(lang, 'Rujukan SIKS-NG', 'SIKS-NG reference')}</dt><dd>${data.siksngReference}</dd></div>`);
  if (typeof data.number === 'string' && data.number) items.push(html`<div><dt>${L(lang, 'Nomor surat', 'Letter number')}</dt><dd>${data.number}</dd></div>`);
  return items.length ? html`<dl class="step-data">${items}</dl>` : '';
}

/** An answer to one of the service's questions, in words. */
function answerText(lang: Lang, svc: CaseFile['service'], id: string, v: unknown): string {
  const input = svc.inputs.find((i) => i.id === id);
  if (v === true || v === 'true') return L(lang, 'Ya', 'Yes');
  if (v === false || v === 'false') return L(lang, 'Tidak', 'No');
  if (input?.type === 'choice') return input.options?.find((o) => o.value === v)?.label ?? String(v);
  if (input?.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(lang, v);
  return String(v);
}

/** A value this officer's roles may not see (domain/staff/permissions.ts): the mask, and why. */
const masked = (lang: Lang, why = L(lang, 'data pribadi spesifik', 'specific personal data')) => html`<span data-masked>${MASK}</span> <span class="meta">(${why})</span>`;

/** Who the case is for and how it came in: every intake field, labelled. */
function applicantSection(lang: Lang, f: CaseFile): Raw {
  const { app, service: svc } = f;
  const a = app.applicant;
  const row = (label: string, v: unknown) => (v === undefined || v === null || v === '' ? '' : html`<div><dt>${label}</dt><dd>${String(v)}</dd></div>`);
  // Contacts are masked for readers without applications.read-identity (the auditor, the survey officer).
  const contact = (label: string, v: unknown) => (v !== undefined && v !== null && v !== '' && !f.mayReadIdentity ? html`<div><dt>${label}</dt><dd>${masked(lang, L(lang, 'data pribadi', 'personal data'))}</dd></div>` : row(label, v));
  const reporter = a.reporter ?? null;
  const answers = app.answers ?? {};
  const answered = svc.inputs.filter((i) => answers[i.id] !== undefined && answers[i.id] !== '');
  const unknownAnswers = Object.keys(answers).filter((k) => !svc.inputs.some((i) => i.id === k));
  // Specific personal data (health, disability, children) only for roles that work this service.
  const hidden = (id: string) => !f.mayReadSpecific && SPECIFIC_PERSONAL_INPUTS.includes(id);
  return html`<section aria-labelledby="h-app"><h2 id="h-app">${L(lang, 'Pemohon', 'Applicant')}</h2><dl class="facts wide">
${row(L(lang, 'Nama', 'Name'), a.name)}${row('NIK', a.nik ? (f.mayReadIdentity ? a.nik : maskNik(String(a.nik))) : '—')}${row(L(lang, 'Nomor KK', 'Family card number'), a.kk && !f.mayReadIdentity ? maskKk(String(a.kk)) : a.kk)}${contact(L(lang, 'Telepon', 'Phone'), a.phone)}${contact('E-mail', a.email)}${contact(L(lang, 'Alamat', 'Address'), a.address)}
${a.residentOfRegion !== undefined ? row(L(lang, 'Berdomisili di wilayah', 'Lives in the region'), a.residentOfRegion ? L(lang, 'Ya', 'Yes') : L(lang, 'Tidak', 'No')) : ''}
${reporter ? row(L(lang, 'Pelapor / lembaga', 'Reporter / institution'), [reporter.name, reporter.role, reporter.phone].filter(Boolean).join(' · ')) : ''}
${row(L(lang, 'Pengaju', 'Initiator'), initiatorName(lang, app.initiator))}${row(L(lang, 'Saluran', 'Channel'), channelName(lang, app.channel))}${row(L(lang, 'Diajukan', 'Filed'), when(lang, f.submittedLocal))}
</dl>
${answered.length || unknownAnswers.length
  ? html`<h3>${L(lang, 'Jawaban pertanyaan layanan', 'Answers to the service questions')}</h3><dl class="facts wide" data-testid="answers">${answered.map(
      (i) => html`<div><dt>${i.label}</dt><dd>${hidden(i.id) ? masked(lang) : answerText(lang, svc, i.id, answers[i.id])}</dd></div>`,
    )}${unknownAnswers.map((k) => html`<div><dt>${k}</dt><dd>${hidden(k) ? masked(lang) : String(answers[k])}</dd></div>`)}</dl>`
  : ''}</section>`;
}

/** What the file holds against the service's requirements, with eligibility and registry verdicts. */
function requirementsSection(lang: Lang, f: CaseFile, roles: string[]): Raw {
  const { app, service: svc } = f;
  return html`<section aria-labelledby="h-req"><h2 id="h-req">${L(lang, 'Persyaratan', 'Requirements')}</h2><ul class="checklist-done">${svc.requirements.map((r) => {
    const rows = f.attachments.filter((x) => x.requirement_id === r.id);
    const files = rows.filter((x) => x.upload_id);
    const shown = rows.find((x) => x.shown_to);
    return html`<li>${rows.length ? '☑' : '☐'} ${r.label}${files.map((a, i) =>
      f.mayOpenUploads
        ? html` — <a href="/petugas/unggahan/${a.upload_id}">${L(lang, 'lihat berkas', 'view file')}${files.length > 1 ? ` ${i + 1}` : ''}</a> <span class="meta">(${a.original_name ?? a.mime ?? ''})</span>`
        : html` — ${masked(lang, L(lang, 'dokumen terlindungi', 'protected document'))}`,
    )}${shown ? html` — ${L(lang, `diperlihatkan kepada ${shown.shown_to}`, `shown to ${shown.shown_to}`)}` : ''}</li>`;
  })}</ul>
${app.eligibility.results.length ? html`<h3>${L(lang, 'Kelayakan', 'Eligibility')}</h3><ul>${app.eligibility.results.map((e) => html`<li>${e.verdict === 'pass' ? '✓' : e.verdict === 'fail' ? '✗' : '?'} ${e.message}${e.verdict === 'unknown' ? html` <span class="meta">(${L(lang, 'periksa manual', 'check manually')})</span>` : ''}</li>`)}</ul>` : ''}
${registryAtSubmissionView(lang, app.eligibility.registry, roles)}</section>`;
}

/** The case's letters, each linked to its page in the letters archive. */
function lettersSection(lang: Lang, f: CaseFile): Raw | '' {
  if (!f.letters.length) return '';
  return html`<section aria-labelledby="h-letters"><h2 id="h-letters">${L(lang, 'Surat', 'Letters')}</h2><ul>${f.letters.map(
    (l) => html`<li><a href="${withLang(`/petugas/surat/${l.id}`, lang)}">${l.title}${l.number ? ` ${l.number}` : ''}</a> · ${letterStatusName(l.status, lang)}</li>`,
  )}</ul></section>`;
}

/** What the officer may do now: the step form (what was typed comes back after a refusal), or why not. */
function actionSection(shell: StaffShell, f: CaseFile, form: StepFormState, signing: CaseSigning | undefined): Raw | '' {
  const { lang } = shell;
  const { app, service: svc, task, step } = f;
  const v = form.values;
  const err = (field: string) => fieldError(lang, form.problems, field);
  if (f.mine && step && task)
    return html`<section aria-labelledby="h-act"><h2 id="h-act">${L(lang, 'Tindak lanjut', 'Action')}: ${step.label}</h2>
${step.role ? html`<p class="meta">${L(lang, 'Dikerjakan oleh', 'Done by')}: ${f.roleNames[step.role] ?? step.role}</p>` : ''}
<form method="post" action="${withLang(`/petugas/tugas/${task.id}`, lang)}" class="intake">${csrfField(shell)}<input type="hidden" name="version" value="${app.version}">
${errorSummary(lang, form.problems)}
<div class="field"><label for="f-note">${L(lang, 'Catatan / alasan', 'Note / reason')}</label><textarea id="f-note" name="note" rows="3" maxlength="4000">${v.note ?? ''}</textarea><p class="help">${L(lang, 'Wajib diisi bila berkas dikembalikan atau ditolak: pemohon membaca catatan ini.', 'Required when the file is returned or refused: the applicant reads this note.')}</p>${err('note')}</div>
${step.kind === 'field-visit'
  ? html`<div class="field"><label for="f-report">${L(lang, 'Laporan kunjungan', 'Visit report')}</label><textarea id="f-report" name="data.report" rows="4" maxlength="4000"${invalidAttrs(form.problems, 'data.report')}>${v['data.report'] ?? ''}</textarea>${err('data.report')}</div>
<div class="coords"><div class="field"><label for="f-lat">${L(lang, 'Lintang', 'Latitude')}</label><input id="f-lat" name="data.lat" inputmode="decimal" value="${v['data.lat'] ?? ''}" placeholder="-1.6101"${invalidAttrs(form.problems, 'data.coordinates')}></div><div class="field"><label for="f-lng">${L(lang, 'Bujur', 'Longitude')}</label><input id="f-lng" name="data.lng" inputmode="decimal" value="${v['data.lng'] ?? ''}" placeholder="103.6131"></div></div>${err('data.coordinates')}`
  : ''}
${step.kind === 'external' ? html`<div class="field"><label for="f-ref">${L(lang, `Nomor/rujukan dari ${step.external ?? 'instansi'}`, `Reference from ${step.external ?? 'the body'}`)}</label><input id="f-ref" name="data.reference" value="${v['data.reference'] ?? ''}">${err('data.reference')}</div>` : ''}
${siksngField(lang, svc, step.id)}
${step.kind === 'sign' ? signStepFields(lang, signing?.letters ?? [], form.problems.find((p) => p.field === 'data.password') ?? signing?.error, { provider: signing?.provider ?? null, problems: form.problems, nik: v['data.nik'] ?? '' }) : ''}
<div class="outcomes">${step.outcomes.map((o) => html`<button type="submit" name="outcome" value="${o.id}" class="${o.kind === 'forward' ? 'primary' : o.kind}">${o.label}</button>`)}</div></form></section>`;
  if (f.mayRecordResubmission)
    return html`<section><h2>${L(lang, 'Menunggu pemohon', 'Waiting for the applicant')}</h2><p>${app.outcome_reason ?? ''}</p><form method="post" action="${withLang(`/petugas/berkas/${app.id}/lengkap`, lang)}">${csrfField(shell)}<button type="submit" class="primary">${L(lang, 'Pemohon telah melengkapi berkas', 'The applicant completed the file')}</button></form></section>`;
  if (task) return html`<p class="meta">${L(lang, `Menunggu: ${f.roleNames[task.role] ?? task.role}`, `Waiting for: ${f.roleNames[task.role] ?? task.role}`)}</p>`;
  return '';
}

/** What a refused step form shows again: the values typed and the problems, beside their fields. */
export interface StepFormState {
  values: Record<string, string>;
  problems: Problem[];
}

export interface CasePageOptions {
  roles: string[];
  /** A refusal of the last action that has no field (e.g. the case changed meanwhile). */
  error?: string;
  /** The step just completed and the outcome chosen, confirmed at the top of the page. */
  done?: { step: string; outcome: string };
  form?: StepFormState;
  signing?: CaseSigning;
}

export function casePage(shell: StaffShell, f: CaseFile, opts: CasePageOptions): string {
  const { lang } = shell;
  const { app, service: svc, step } = f;
  const form = opts.form ?? { values: {}, problems: [] };
  const recheck = (data: Record<string, unknown>) => {
    const r = recheckOf(data);
    return r ? registryRecheckView(lang, r, opts.roles) : '';
  };
  const status = STATUS_LABEL[app.status];
  const doneStep = opts.done ? stepById(svc.procedure!, opts.done.step) : undefined;
  const doneOutcome = doneStep?.outcomes.find((o) => o.id === opts.done!.outcome);
  const done = doneStep
    ? L(
        lang,
        `Tersimpan: tahap «${doneStep.label}» selesai${doneOutcome ? ` — ${doneOutcome.label}` : ''}. Status sekarang: ${status.id}${step ? `, tahap «${step.label}»` : ''}.`,
        `Saved: step “${doneStep.label}” done${doneOutcome ? ` — ${doneOutcome.label}` : ''}. Status now: ${status.en}${step ? `, step “${step.label}”` : ''}.`,
      )
    : undefined;
  const body = html`<h1>${app.registration_number} · ${svc.title}</h1>
${flash({ ok: done, error: opts.error })}
${app.status === 'waiting-signature' && opts.signing ? waitingForSignature(lang, opts.signing.letters, opts.signing.signers) : ''}
${opts.done ? html`<p class="no-print"><a href="${withLang('/petugas', lang)}">← ${L(lang, 'Kembali ke antrean', 'Back to the queue')}</a></p>` : ''}
<dl class="facts"><div><dt>Status</dt><dd data-testid="case-status">${L(lang, status.id, status.en)} ${slaBadge(lang, app.sla_state)}</dd></div><div><dt>${L(lang, 'Batas waktu', 'Due')}</dt><dd>${when(lang, f.dueLocal)}</dd></div><div><dt>${L(lang, 'Tahap', 'Step')}</dt><dd>${step?.label ?? (app.end_id ? (svc.procedure?.ends.find((e) => e.id === app.end_id)?.label ?? app.end_id) : '—')}</dd></div>${f.closedLocal ? html`<div><dt>${L(lang, 'Ditutup', 'Closed')}</dt><dd>${when(lang, f.closedLocal)}</dd></div>` : ''}</dl>
${disasterCaseLink(lang, svc.slug, app.id, opts.roles.some((r) => roleMay(r, 'logistics.distribute')))}
${actionSection(shell, f, form, opts.signing)}
${callsSection(shell, f.calls ?? [], { canRecord: (f.calls ?? []).some((c) => opts.roles.includes(c.role)), phone: f.mayReadIdentity && typeof f.app.applicant.phone === 'string' ? f.app.applicant.phone : null, roleNames: f.roleNames })}
${applicantSection(lang, f)}
${requirementsSection(lang, f, opts.roles)}
${lettersSection(lang, f)}
${f.stages.length ? html`<section aria-labelledby="h-stages"><h2 id="h-stages">${L(lang, 'Tahapan dan batas waktunya', 'Stages and their time limits')}</h2><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">${L(lang, 'Tahapan', 'Stage')}</th><th scope="col">${L(lang, 'Mulai', 'Started')}</th><th scope="col">${L(lang, 'Batas waktu', 'Due')}</th><th scope="col">${L(lang, 'Selesai', 'Finished')}</th><th scope="col">${L(lang, 'Keadaan', 'State')}</th></tr></thead><tbody>${f.stages.map(
    (st) => html`<tr><td>${st.label}</td><td>${when(lang, st.startedLocal)}</td><td>${st.dueLocal ? when(lang, st.dueLocal) : L(lang, 'tidak ditetapkan', 'not set')}</td><td>${when(lang, st.finishedLocal)}</td><td>${L(lang, ...STAGE_STATE[st.state])}</td></tr>`,
  )}</tbody></table></div></section>` : ''}
<section aria-labelledby="h-tl"><h2 id="h-tl">${L(lang, 'Riwayat', 'Timeline')}</h2><ol class="timeline">${withMessages(f.timeline, f.messages ?? [], (m) => messageEntry(lang, m), (e) =>
      html`<li><time datetime="${e.at}">${when(lang, e.atLocal)}</time> · <strong>${eventName(lang, e.type)}</strong>${e.step ? ` · ${stepById(svc.procedure!, e.step)?.label ?? e.step}` : ''}${e.outcome ? ` → ${String(e.data.outcomeLabel ?? e.outcome)}` : ''} · ${e.actor}${e.note ? html`<br>${multiline(e.note)}` : ''}${stepData(lang, e.data)}${clockEffect(lang, e)}${recheck(e.data)}</li>`,
  )}</ol></section>
${recordReadsSection(lang, f.reads)}`;
  return staffPage(shell, { title: app.registration_number, path: `/petugas/berkas/${app.id}`, body });
}

export function supervisionPage(shell: StaffShell, rows: OpenCasesRow[]): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Supervisi berkas terbuka', 'Open cases'),
    path: '/petugas/supervisi',
    body: html`<h1>${L(lang, 'Berkas terbuka per tahap dan petugas', 'Open cases by step and officer')}</h1>
<div class="table-wrap" tabindex="0"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Layanan', 'Service')}</th><th scope="col">${L(lang, 'Tahap', 'Step')}</th><th scope="col">${L(lang, 'Peran', 'Role')}</th><th scope="col">${L(lang, 'Petugas', 'Officer')}</th><th scope="col">SLA</th><th scope="col">${L(lang, 'Jumlah', 'Count')}</th><th scope="col">${L(lang, 'Tenggat terdekat', 'Earliest due')}</th></tr></thead><tbody>${rows.map(
      (r) => html`<tr><td>${r.service}</td><td>${r.step}</td><td>${r.role}</td><td>${r.officer ?? '—'}</td><td>${slaBadge(lang, r.slaState)}</td><td>${r.count}</td><td>${when(lang, r.earliestDueLocal)}</td></tr>`,
    )}</tbody></table></div>`,
  });
}
