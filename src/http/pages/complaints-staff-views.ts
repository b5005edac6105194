/** The staff complaint pages: the office's list, recording a complaint from any channel, one complaint and its actions. Pure. */
import type { StoredOffice } from '../../db/standards-repo.js';
import { COMPLAINT_SLA_STATES, COMPLAINT_STATUSES, type ComplaintChannel, type ComplaintSlaState, type ComplaintStatus } from '../../domain/complaints/index.js';
import type { Outcome } from '../../domain/errors.js';
import type { FiledComplaint } from '../../usecases/complaints/file-complaint.js';
import type { ComplaintList } from '../../usecases/complaints/list-complaints.js';
import type { ComplaintDetailDto } from '../../usecases/complaints/show-complaint.js';
import type { RecordReads } from '../../usecases/audit/record-reads.js';
import { recordReadsSection } from './audit-views.js';
import { L, slaLabel, when, type Lang } from '../i18n.js';
import { flash, say, slaBadge } from './components.js';
import { html, multiline, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { complaintForm, type ComplaintFormState } from './complaints-views.js';
import { messageEntry, withMessages } from './notifications-views.js';

const STATUS_LABELS: Record<ComplaintStatus, [string, string]> = { open: ['Terbuka', 'Open'], answered: ['Dijawab', 'Answered'], closed: ['Selesai', 'Closed'] };

const listHead = (lang: Lang) =>
  html`<h1>${L(lang, 'Pengaduan', 'Complaints')}</h1><p><a class="button" href="${withLang('/petugas/pengaduan/baru', lang)}">${L(lang, 'Catat pengaduan dari saluran lain', 'Record a complaint from another channel')}</a></p>`;

export interface ComplaintListView {
  /** The list, or why this officer may not read it. */
  list: Outcome<ComplaintList>;
  notifications: readonly { complaint_id: string; receipt_number: string; message: string }[];
  filter: { status?: ComplaintStatus | undefined; sla?: ComplaintSlaState | undefined };
}

export function complaintListPage(shell: StaffShell, v: ComplaintListView): string {
  const { lang } = shell;
  const frame = (body: Raw) => staffPage(shell, { title: L(lang, 'Pengaduan', 'Complaints'), path: '/petugas/pengaduan', body });
  if (!v.list.ok) return frame(html`${listHead(lang)}<p>${v.list.error.problems.map((p) => say(lang, p)).join(' ')}</p>`);
  const { items, counts } = v.list.value;
  const n = (pred: (c: { status: string; slaState: string }) => boolean) => counts.filter(pred).reduce((a, c) => a + c.n, 0);
  const notes = v.notifications;
  return frame(html`${listHead(lang)}
${notes.length ? html`<section aria-labelledby="h-notes"><h2 id="h-notes">${L(lang, 'Peringatan', 'Warnings')}</h2><ul>${notes.map((x) => html`<li><a href="${withLang(`/petugas/pengaduan/${x.complaint_id}`, lang)}">${x.receipt_number}</a>: ${x.message}</li>`)}</ul></section>` : ''}
<dl class="facts"><div><dt>${L(lang, 'Terbuka', 'Open')}</dt><dd data-testid="count-open">${n((c) => c.status === 'open')}</dd></div><div><dt>${L(lang, 'Terlambat', 'Late')}</dt><dd>${n((c) => c.status === 'open' && c.slaState === 'late')}</dd></div><div><dt>${L(lang, 'Dijawab tepat waktu / terlambat', 'Answered on time / late')}</dt><dd>${n((c) => c.slaState === 'met')} / ${n((c) => c.slaState === 'missed')}</dd></div></dl>
<form method="get" action="/petugas/pengaduan" class="filters">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label for="f-st">Status</label><select id="f-st" name="status"><option value="">${L(lang, 'Semua', 'All')}</option>${COMPLAINT_STATUSES.map((s) => html`<option value="${s}"${v.filter.status === s ? html` selected` : ''}>${L(lang, ...STATUS_LABELS[s])}</option>`)}</select>
<label for="f-sla">SLA</label><select id="f-sla" name="sla"><option value="">${L(lang, 'Semua', 'All')}</option>${COMPLAINT_SLA_STATES.map((s) => html`<option value="${s}"${v.filter.sla === s ? html` selected` : ''}>${slaLabel(lang, s)}</option>`)}</select>
<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap" tabindex="0"><table class="queue"><caption>${items.length} ${L(lang, 'pengaduan', 'complaints')}</caption><thead><tr><th scope="col">${L(lang, 'Nomor', 'Number')}</th><th scope="col">${L(lang, 'Jenis / saluran', 'Type / channel')}</th><th scope="col">${L(lang, 'Tahap', 'Stage')}</th><th scope="col">${L(lang, 'Pelapor', 'Complainant')}</th><th scope="col">${L(lang, 'Batas tanggapan', 'Answer by')}</th><th scope="col">SLA</th></tr></thead><tbody>${items.map(
    (c) => html`<tr><td><a href="${withLang(`/petugas/pengaduan/${c.id}`, lang)}">${c.receiptNumber}</a><br><span class="meta">${c.excerpt}</span></td><td>${c.typeLabel}<br><span class="meta">${c.channelLabel}${c.externalRef ? ` · ${c.externalRef}` : ''}</span></td><td>${L(lang, c.stage.label, c.stage.labelEn)}</td><td>${c.mode === 'anonymous' ? L(lang, 'Anonim', 'Anonymous') : c.mode === 'confidential' ? L(lang, 'Rahasia', 'Confidential') : (c.complainantName ?? '—')}</td><td>${when(lang, c.dueAtLocal)}</td><td>${slaBadge(lang, c.slaState)}${c.escalated ? html` <span class="badge sla-late">${L(lang, 'Eskalasi', 'Escalated')}</span>` : ''}</td></tr>`,
  )}</tbody></table></div>`);
}

/** Recording a complaint that came in by another channel: the complaint form with the channel fields. */
export function recordComplaintPage(shell: StaffShell, o: { office: StoredOffice; channels: readonly ComplaintChannel[]; state: ComplaintFormState }): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Catat pengaduan', 'Record a complaint'),
    path: '/petugas/pengaduan/baru',
    body: html`<h1>${L(lang, 'Catat pengaduan dari loket, kotak pengaduan, telepon, WhatsApp, email, Instagram atau SP4N-LAPOR!', 'Record a complaint from the counter, complaint box, phone, WhatsApp, e-mail, Instagram or SP4N-LAPOR!')}</h1>
${complaintForm(lang, { office: o.office, state: o.state, action: withLang('/petugas/pengaduan/baru', lang), staff: { channels: o.channels, csrf: shell.csrf } })}`,
  });
}

/** The receipt of a recorded complaint: the tracking code is handed to the complainant. */
export function complaintRecordedPage(shell: StaffShell, r: FiledComplaint): string {
  const { lang } = shell;
  // The counter records complaints but does not read them (complaints.read).
  const mayOpen = !shell.allowed || shell.allowed.includes('complaints.read');
  return staffPage(shell, {
    title: L(lang, 'Tanda terima pengaduan', 'Complaint receipt'),
    path: '/petugas/pengaduan/baru',
    body: html`<h1>${L(lang, 'Pengaduan tercatat', 'Complaint recorded')}</h1><div class="receipt"><p>${L(lang, 'Nomor pengaduan', 'Complaint number')}: <strong class="big" data-testid="receipt-number">${r.receiptNumber}</strong></p><p>${L(lang, 'Kode pelacakan (berikan kepada pelapor)', 'Tracking code (give it to the complainant)')}: <strong class="big" data-testid="tracking-code">${r.trackingCode}</strong></p><p>${L(lang, 'Ditanggapi paling lambat', 'To be answered by')}: ${when(lang, r.dueAtLocal)}</p></div><p>${mayOpen ? html`<a href="${withLang(`/petugas/pengaduan/${r.id}`, lang)}">${L(lang, 'Buka pengaduan', 'Open complaint')}</a> · ` : ''}<button type="button" data-print>${L(lang, 'Cetak tanda terima', 'Print receipt')}</button></p>`,
  });
}

export function complaintNotFoundPage(shell: StaffShell): string {
  return staffPage(shell, { title: '404', path: '/petugas/pengaduan', body: html`<h1>${L(shell.lang, 'Pengaduan tidak ditemukan', 'Complaint not found')}</h1>` });
}

/** One complaint: its facts, the complainant (as far as this officer may see), the answer, the actions and the timeline. */
export function complaintDetailPage(shell: StaffShell, d: ComplaintDetailDto, error?: string, reads?: RecordReads | null): string {
  const { lang } = shell;
  const hidden = html`${csrfField(shell)}<input type="hidden" name="version" value="${d.version}">`;
  const action = (suffix: string) => withLang(`/petugas/pengaduan/${d.id}/${suffix}`, lang);
  const work = d.next.filter((s) => s.kind === 'work');
  const has = (kind: string) => d.next.some((s) => s.kind === kind);
  const nextId = (kind: string) => d.next.find((s) => s.kind === kind)?.id ?? '';
  const routing = work.find((s) => s.routing);
  return staffPage(shell, {
    title: d.receiptNumber,
    path: `/petugas/pengaduan/${d.id}`,
    body: html`<h1>${L(lang, 'Pengaduan', 'Complaint')} ${d.receiptNumber}</h1>
${flash({ error })}
<dl class="facts"><div><dt>${L(lang, 'Tahap', 'Stage')}</dt><dd data-testid="stage">${L(lang, d.stage.label, d.stage.labelEn)}</dd></div><div><dt>${L(lang, 'Batas tanggapan', 'Answer by')}</dt><dd>${when(lang, d.dueAtLocal)} ${slaBadge(lang, d.slaState)}${d.escalated ? html` <span class="badge sla-late">${L(lang, 'Eskalasi ke Kepala Dinas', 'Escalated to the head')}</span>` : ''}</dd></div><div><dt>${L(lang, 'Diterima', 'Received')}</dt><dd>${when(lang, d.receivedAtLocal)}<br><span class="meta">${d.channelLabel}${d.externalRef ? ` · ${d.externalRef}` : ''}</span></dd></div></dl>
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
  ? html`<form method="post" action="${action('tahap')}" class="intake"><fieldset><legend>${L(lang, 'Pindahkan ke tahap', 'Move to stage')}</legend>${hidden}
<div class="field"><label for="f-to">${L(lang, 'Tahap', 'Stage')}</label><select id="f-to" name="to">${work.map((s) => html`<option value="${s.id}">${L(lang, s.label, s.labelEn)}</option>`)}</select></div>
${routing ? html`<div class="field"><label for="f-unit">${L(lang, `Unit/instansi tujuan (wajib untuk "${routing.label}")`, `Unit/body (required for "${routing.labelEn}")`)}</label><input id="f-unit" name="unit" maxlength="200"></div>
<div class="field"><label for="f-coord">${L(lang, 'Koordinasi', 'Coordination')}</label><select id="f-coord" name="coordination"><option value="internal">${L(lang, 'Internal', 'Internal')}</option><option value="external">${L(lang, 'Eksternal', 'External')}</option></select></div>` : ''}
<div class="field"><label for="f-note1">${L(lang, 'Catatan internal (tidak tampil ke pelapor)', 'Internal note (not shown to the complainant)')}</label><textarea id="f-note1" name="note" rows="2"></textarea></div>
<button type="submit">${L(lang, 'Pindahkan', 'Move')}</button></fieldset></form>`
  : ''}
${has('answered')
  ? html`<form method="post" action="${action('tahap')}" class="intake"><fieldset><legend>${L(lang, 'Jawab secara tertulis', 'Answer in writing')}</legend>${hidden}<input type="hidden" name="to" value="${nextId('answered')}">
<div class="field"><label for="f-answer">${L(lang, 'Jawaban untuk pelapor', 'Answer to the complainant')}</label><textarea id="f-answer" name="answer" rows="5" maxlength="8000"></textarea></div>
<button type="submit" class="primary">${L(lang, 'Kirim jawaban', 'Send answer')}</button></fieldset></form>`
  : ''}
${has('closed') ? html`<form method="post" action="${action('tahap')}" class="inline">${hidden}<input type="hidden" name="to" value="${nextId('closed')}"><button type="submit">${L(lang, 'Tutup pengaduan', 'Close complaint')}</button></form>` : ''}
${has('not-our-authority')
  ? html`<details><summary>${L(lang, 'Bukan kewenangan Dinas Sosial', 'Not our authority')}</summary><form method="post" action="${action('tahap')}" class="intake">${hidden}<input type="hidden" name="to" value="${nextId('not-our-authority')}">
<div class="field"><label for="f-referral">${L(lang, 'Instansi yang berwenang dan cara menghubunginya', 'The competent body and how to reach it')}</label><textarea id="f-referral" name="referral" rows="3"></textarea></div><button type="submit">${L(lang, 'Simpan', 'Save')}</button></form></details>`
  : ''}
${has('merged')
  ? html`<details><summary>${L(lang, 'Gabungkan dengan pengaduan sebelumnya', 'Merge with an earlier complaint')}</summary><form method="post" action="${action('tahap')}" class="intake">${hidden}<input type="hidden" name="to" value="${nextId('merged')}">
<div class="field"><label for="f-merge">${L(lang, 'Nomor pengaduan sebelumnya', 'Earlier complaint number')}</label><input id="f-merge" name="mergeInto" autocapitalize="characters"></div><button type="submit">${L(lang, 'Gabungkan', 'Merge')}</button></form></details>`
  : ''}
</section>`
  : ''}
${d.canWork
  ? html`<section aria-labelledby="h-note"><h2 id="h-note">${L(lang, 'Catatan internal', 'Internal note')}</h2><form method="post" action="${action('catatan')}" class="intake">${hidden}<div class="field"><label for="f-note2">${L(lang, 'Catatan', 'Note')}</label><textarea id="f-note2" name="note" rows="2"></textarea></div><button type="submit">${L(lang, 'Simpan catatan', 'Save note')}</button></form></section>
${d.mode !== 'confidential' && d.status !== 'open'
  ? html`<section aria-labelledby="h-pub"><h2 id="h-pub">${L(lang, 'Ringkasan publik (tanpa identitas)', 'Public summary (no identity)')}</h2><form method="post" action="${action('ringkasan')}" class="intake">${hidden}<div class="field"><label for="f-summary">${L(lang, 'Ringkasan', 'Summary')}</label><textarea id="f-summary" name="summary" rows="3">${d.publicSummary ?? ''}</textarea></div><div class="check"><input type="checkbox" id="f-publish" name="publish" value="true"${d.published || !d.publicSummary ? html` checked` : ''}><label for="f-publish">${L(lang, 'Tampilkan di halaman publik', 'Show on the public page')}</label></div><button type="submit">${L(lang, 'Simpan ringkasan', 'Save summary')}</button></form></section>`
  : ''}`
  : ''}
<section aria-labelledby="h-tl"><h2 id="h-tl">${L(lang, 'Riwayat', 'Timeline')}</h2><ol class="timeline">${withMessages(
      d.timeline.map((e) => ({ ...e, id: e.id ?? '' })),
      d.messages,
      (m) => messageEntry(lang, m, 'complainant'),
      (e) => html`<li><time datetime="${e.at}">${when(lang, e.atLocal)}</time> · <strong>${L(lang, e.label, e.labelEn)}</strong>${e.visibility === 'internal' ? html` <span class="meta">(${L(lang, 'internal', 'internal')})</span>` : ''} · ${e.actor}${e.text ? html`<br>${multiline(e.text)}` : ''}</li>`,
    )}</ol></section>
${recordReadsSection(lang, reads)}`,
  });
}
