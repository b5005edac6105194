/** Call tasks in staff pages (pure): the list of calls a role owes with the office's figures, and a case's calls with the outcome form. */
import { CALL_OUTCOME_LABEL, CALL_OUTCOMES, type CallFigures } from '../../domain/calls/calls.js';
import type { CaseCall, OpenCall } from '../../usecases/calls/call-queue.js';
import { L, when, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

const outcomeName = (lang: Lang, o: string | null) => (o && o in CALL_OUTCOME_LABEL ? L(lang, ...CALL_OUTCOME_LABEL[o as keyof typeof CALL_OUTCOME_LABEL]) : (o ?? ''));

/** A wait in words: minutes, hours or days, whichever reads best. */
export function waited(lang: Lang, minutes: number): string {
  if (minutes < 60) return L(lang, `${minutes} menit`, `${minutes} min`);
  if (minutes < 48 * 60) return L(lang, `${Math.floor(minutes / 60)} jam ${minutes % 60} menit`, `${Math.floor(minutes / 60)} h ${minutes % 60} min`);
  return L(lang, `${Math.floor(minutes / 1440)} hari`, `${Math.floor(minutes / 1440)} days`);
}

function figuresLine(lang: Lang, f: CallFigures & { days: number }): Raw {
  const m = (x: number | null) => (x === null ? '—' : waited(lang, Math.round(x)));
  return html`<p class="meta" data-testid="call-figures">${L(
    lang,
    `${f.days} hari terakhir: ${f.opened} panggilan dijanjikan, ${f.connected} tersambung; median waktu sampai panggilan pertama ${m(f.medianToFirstAttempt)}, sampai tersambung ${m(f.medianToConnected)}.`,
    `Last ${f.days} days: ${f.opened} calls promised, ${f.connected} connected; median time to the first attempt ${m(f.medianToFirstAttempt)}, to connecting ${m(f.medianToConnected)}.`,
  )}</p>`;
}

export function callsPage(shell: StaffShell, calls: OpenCall[], figures: CallFigures & { days: number }): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Panggilan telepon', 'Phone calls'),
    path: '/petugas/panggilan',
    body: html`<h1>${L(lang, 'Panggilan telepon yang dijanjikan', 'Phone calls promised')}</h1>
<p>${L(lang, 'Standar pelayanan menjanjikan pemohon dihubungi lewat telepon pada saat tertentu. Panggilan yang belum tersambung, yang terlama di atas:', 'The service standard promises to phone the applicant at a given moment. Calls not yet connected, oldest first:')}</p>
${figuresLine(lang, figures)}
${calls.length
  ? html`<div class="table-wrap" tabindex="0"><table class="queue stack" data-testid="call-list"><thead><tr><th scope="col">${L(lang, 'Berkas', 'Case')}</th><th scope="col">${L(lang, 'Janji', 'Promise')}</th><th scope="col">${L(lang, 'Sejak', 'Since')}</th><th scope="col">${L(lang, 'Menunggu', 'Waiting')}</th><th scope="col">${L(lang, 'Percobaan', 'Attempts')}</th></tr></thead><tbody>${calls.map(
      (c) => html`<tr><td data-label="${L(lang, 'Berkas', 'Case')}"><a href="${withLang(`/petugas/berkas/${c.applicationId}`, lang)}#h-calls">${c.registrationNumber}</a><br><span class="meta">${c.serviceTitle}</span></td><td data-label="${L(lang, 'Janji', 'Promise')}">«${c.promise}»</td><td data-label="${L(lang, 'Sejak', 'Since')}">${when(lang, c.dueFromLocal)}</td><td data-label="${L(lang, 'Menunggu', 'Waiting')}"><strong>${waited(lang, c.minutesWaiting)}</strong></td><td data-label="${L(lang, 'Percobaan', 'Attempts')}">${c.attempts}${c.lastOutcome ? html` (${outcomeName(lang, c.lastOutcome)})` : ''}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p data-testid="no-calls">${L(lang, 'Tidak ada panggilan yang menunggu.', 'No calls waiting.')}</p>`}`,
  });
}

/**
 * A case's promised calls on its staff page: the promise in the decree's words, since when it is
 * owed, each attempt's outcome, and, while open, the form to record a call (one tap per outcome).
 */
export function callsSection(shell: StaffShell, calls: readonly CaseCall[], opts: { canRecord: boolean; phone: string | null; roleNames?: Record<string, string> }): Raw {
  const { lang } = shell;
  if (calls.length === 0) return html``;
  return html`<section aria-labelledby="h-calls"><h2 id="h-calls">${L(lang, 'Panggilan telepon yang dijanjikan', 'Phone calls promised')}</h2>
${calls.map((c) => {
  const state =
    c.status === 'done'
      ? L(lang, `Tersambung ${when(lang, c.doneLocal)} (percobaan ke-${c.attempts})`, `Connected ${when(lang, c.doneLocal)} (attempt ${c.attempts})`)
      : c.attempts
        ? L(lang, `Belum tersambung: ${c.attempts} percobaan, terakhir ${outcomeName(lang, c.last_outcome)} ${when(lang, c.lastLocal)}`, `Not yet connected: ${c.attempts} attempts, last ${outcomeName(lang, c.last_outcome)} ${when(lang, c.lastLocal)}`)
        : L(lang, 'Belum dihubungi', 'Not called yet');
  return html`<div class="call" data-testid="call-task"><p>«${c.promise}»<br><span class="meta">${L(lang, 'Sejak', 'Since')} ${when(lang, c.dueFromLocal)} · ${L(lang, 'oleh', 'by')} ${opts.roleNames?.[c.role] ?? c.role}</span></p>
<p data-testid="call-state"><strong>${state}</strong></p>
${c.status === 'open' && opts.canRecord
  ? html`<form method="post" action="${withLang(`/petugas/panggilan/${c.id}`, lang)}" class="intake">${csrfField(shell)}
${opts.phone ? html`<p>${L(lang, 'Nomor pemohon', "Applicant's number")}: <a href="tel:${opts.phone.replace(/[^0-9+]/g, '')}">${opts.phone}</a></p>` : html`<p class="meta">${L(lang, 'Tidak ada nomor telepon pada berkas.', 'No phone number on the file.')}</p>`}
<div class="field"><label for="f-call-note-${c.id}">${L(lang, 'Catatan (tidak wajib)', 'Note (optional)')}</label><input id="f-call-note-${c.id}" name="note" maxlength="2000"></div>
<div class="outcomes">${CALL_OUTCOMES.map((o) => html`<button type="submit" name="outcome" value="${o}"${o === 'tersambung' ? html` class="primary"` : ''}>${outcomeName(lang, o)}</button>`)}</div></form>`
  : ''}</div>`;
})}</section>`;
}

