/**
 * Views of in-kind deliveries and closing: the field worker's delivery sheet (one small form per
 * recipient, built for a 360 px phone) and the head's closing block on a cycle's page. Pure:
 * (shell, data) → HTML.
 */
import type { Problem } from '../../domain/errors.js';
import { CYCLE_STATUS_NAMES, PAYMENT_NAMES, type Reconciliation } from '../../domain/programmes/cycles.js';
import type { Cycle, CycleRecipient } from '../../db/programme-cycles-repo.js';
import type { DeliverySheet } from '../../usecases/programmes/read-deliveries.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { cyclePath, cyclesPath, reconciliationTable } from './programme-cycles-views.js';
import { programmesCrumb } from './programmes-views.js';

export const deliveriesPath = (id: string) => `/petugas/program/siklus/${id}/penyaluran`;
type Form = { recipient?: string; problems?: readonly Problem[]; values?: Record<string, string>; ok?: string; error?: string };

function recipientCard(shell: StaffShell, d: DeliverySheet & Form, r: CycleRecipient, canRecord: boolean): Raw {
  const { lang } = shell;
  const mine = d.recipient === r.id;
  const problems = mine ? (d.problems ?? []) : [];
  const v = mine ? (d.values ?? {}) : {};
  const last = d.latest.get(r.id);
  const id = `r${r.row_no}`;
  const action = withLang(`${deliveriesPath(d.cycle.id)}/${r.id}`, lang);
  const err = (f: string) => fieldError(lang, problems as Problem[], f);
  const inv = (f: string) => invalidAttrs(problems, f);
  const state = r.flag && r.payment === 'pending' ? html`<span class="badge sla-at-risk">${PAYMENT_NAMES.held[lang]}</span>` : html`<span class="badge ${r.payment === 'delivered' ? 'sla-on-time' : r.payment === 'failed' ? 'sla-late' : 'sla-paused'}">${PAYMENT_NAMES[r.payment][lang]}</span>`;
  const proof = last
    ? last.result === 'delivered'
      ? html`<p class="meta">${L(lang, 'Diterima oleh', 'Received by')} ${last.receiver_name}${last.relation ? html` (${last.relation})` : ''}, ${last.delivered_at?.slice(0, 16).replace('T', ' ')} UTC${last.lat !== null ? html` · ${last.lat}, ${last.lng}` : ''}${last.photo_upload_id ? html` · ${L(lang, 'foto', 'photo')}` : ''} · ${L(lang, 'dicatat', 'recorded by')} ${last.recorded_by}</p>`
      : html`<p class="meta">${L(lang, 'Gagal', 'Failed')}: <span lang="id">${last.reason}</span> · ${last.recorded_by}</p>`
    : '';
  const open = canRecord && r.payment !== 'delivered' && !(r.flag && r.payment === 'pending');
  return html`<details class="card" id="${id}"${mine ? ' open' : ''}><summary><strong>${r.name}</strong> · ${r.nik} · ${r.village ?? '—'} ${state}</summary>
${proof}
${open
  ? html`${errorSummary(lang, problems)}<form method="post" action="${action}" class="intake" aria-label="${L(lang, 'Penyaluran kepada', 'Delivery to')} ${r.name}">${csrfField(shell)}<input type="hidden" name="result" value="delivered">
<div class="field"><label for="${id}-receiver">${L(lang, 'Nama penerima barang', "Receiver's name")}</label><input id="${id}-receiver" name="receiverName" maxlength="120" autocomplete="off" value="${v.receiverName ?? r.name}"${inv('receiverName')}>${err('receiverName')}</div>
<div class="field"><label for="${id}-relation">${L(lang, 'Hubungan dengan penerima manfaat (bila bukan dia sendiri)', 'Relation to the recipient (when not them)')}</label><input id="${id}-relation" name="relation" maxlength="60" value="${v.relation ?? ''}"${inv('relation')}>${err('relation')}</div>
<div class="field"><label for="${id}-at">${L(lang, 'Waktu penyerahan (kosong = sekarang)', 'Hand-over time (empty = now)')}</label><input id="${id}-at" name="at" type="datetime-local" value="${v.at ?? ''}"${inv('at')}>${err('at')}</div>
<fieldset class="field"><legend>${L(lang, 'Posisi (opsional)', 'Position (optional)')}</legend><label for="${id}-lat">${L(lang, 'Lintang', 'Latitude')}</label><input id="${id}-lat" name="lat" inputmode="decimal" maxlength="20" value="${v.lat ?? ''}"${inv('lat')}>${err('lat')}<label for="${id}-lng">${L(lang, 'Bujur', 'Longitude')}</label><input id="${id}-lng" name="lng" inputmode="decimal" maxlength="20" value="${v.lng ?? ''}"${inv('lng')}>${err('lng')}</fieldset>
${d.checks.length
  ? html`<fieldset class="field"><legend>${L(lang, 'Pemeriksaan barang (kata-kata keputusan)', 'Goods check (the decree’s words)')}</legend>${d.checks.map(
      (c) => html`<div class="choice"><input type="checkbox" id="${id}-check-${c.id}" name="check-${c.id}" value="1"${v[`check-${c.id}`] ? ' checked' : ''}${inv(`checks.${c.id}`)}><label for="${id}-check-${c.id}" lang="id">${c.text}</label>${err(`checks.${c.id}`)}</div>`,
    )}</fieldset>`
  : ''}
<button type="submit" class="primary">${L(lang, 'Catat diterima', 'Record delivered')}</button></form>
${r.payment !== 'failed'
  ? html`<form method="post" action="${action}" class="intake" aria-label="${L(lang, 'Gagal tersalurkan kepada', 'Not delivered to')} ${r.name}">${csrfField(shell)}<input type="hidden" name="result" value="failed">
<div class="field"><label for="${id}-reason">${L(lang, 'Alasan tidak tersalurkan', 'Why it was not delivered')}</label><input id="${id}-reason" name="reason" maxlength="500" value="${v.reason ?? ''}"${inv('reason')}>${err('reason')}</div>
<button type="submit">${L(lang, 'Catat gagal', 'Record failed')}</button></form>`
  : ''}`
  : ''}
</details>`;
}

/** The field worker's sheet: one card per recipient with the delivery form and the failure form. */
export function deliveriesPage(shell: StaffShell, d: DeliverySheet & Form & { canRecord: boolean }): string {
  const { lang } = shell;
  const c = d.cycle;
  const p = d.programme;
  const path = deliveriesPath(c.id);
  const canRecord = d.canRecord && (c.status === 'approved' || c.status === 'delivered');
  const body = html`<h1><span lang="id">${p.name}</span> · ${c.due_month} (${c.seq}/${c.of_count}): ${L(lang, 'penyaluran', 'deliveries')}</h1>
${flash({ ok: d.ok, error: d.error })}
<p>${L(lang, 'Status', 'Status')}: <strong>${CYCLE_STATUS_NAMES[c.status][lang]}</strong> · <a href="${withLang(cyclePath(c.id), lang)}">${L(lang, 'Halaman siklus', 'Cycle page')}</a></p>
<p class="help" lang="id">${p.channel.text}</p>
${c.status === 'draft' ? html`<p class="meta">${L(lang, 'Siklus belum disetujui; penyaluran dicatat setelah disetujui.', 'The cycle is not approved yet; deliveries are recorded once it is.')}</p>` : reconciliationTable(lang, d.reconciliation, true)}
${c.status === 'closed' ? html`<p class="meta">${L(lang, 'Siklus ditutup; tidak dapat diubah lagi.', 'The cycle is closed; it cannot be changed any more.')}</p>` : ''}
<h2 id="h-people">${L(lang, 'Penerima', 'Recipients')}</h2>
<p class="meta">${L(lang, 'NIK tersamar. Buka nama penerima untuk mencatat penyaluran.', 'NIK masked. Open a recipient to record the delivery.')}</p>
${d.recipients.filter((r) => r.status === 'included').map((r) => recipientCard(shell, d, r, canRecord))}
<nav class="pager" aria-label="${L(lang, 'Halaman', 'Pages')}">${d.page > 0 ? html`<a href="${withLang(`${path}?page=${d.page - 1}`, lang)}">${L(lang, '← Sebelumnya', '← Previous')}</a> ` : ''}${d.more ? html`<a href="${withLang(`${path}?page=${d.page + 1}`, lang)}">${L(lang, 'Berikutnya →', 'Next →')}</a>` : ''}</nav>`;
  return staffPage(shell, { title: `${p.name} · ${c.due_month}: ${L(lang, 'penyaluran', 'deliveries')}`, path, body, breadcrumbs: [programmesCrumb(lang), { href: `/petugas/program/${p.slug}`, label: p.name }, { href: cyclesPath(p.slug), label: L(lang, 'Siklus', 'Cycles') }, { href: cyclePath(c.id), label: c.due_month }] });
}

/** On a cycle's page: the link to the delivery sheet (in kind), the closing form for the head, or who closed it. */
export function closingBlock(shell: StaffShell, c: Cycle, r: Reconciliation, canClose: boolean, problems: readonly Problem[], values: Record<string, string>): Raw {
  const { lang } = shell;
  const sheet = c.kind !== 'cash' && c.status !== 'draft' ? html`<p><a href="${withLang(deliveriesPath(c.id), lang)}">${L(lang, 'Lembar penyaluran barang', 'Delivery sheet')}</a></p>` : html``;
  if (c.status === 'closed')
    return html`${sheet}<p class="meta" id="closed">${L(lang, 'Ditutup oleh', 'Closed by')} ${c.closed_by}, ${c.closed_at?.slice(0, 10)}${c.close_note ? html` · ${L(lang, 'kegagalan dihapusbukukan', 'failures written off')}: <span lang="id">${c.close_note}</span>` : ''}</p>`;
  const closable = c.status === 'paid' || c.status === 'delivered' || (c.status === 'approved' && r.pending.n === 0 && r.approved.n > 0);
  if (!canClose || !closable) return sheet;
  return html`${sheet}<form method="post" action="${withLang(`${cyclePath(c.id)}/tutup`, lang)}" class="intake" aria-labelledby="h-close">${csrfField(shell)}<input type="hidden" name="version" value="${c.version}">
<h2 id="h-close">${L(lang, 'Tutup siklus', 'Close the cycle')}</h2>
${r.failed.n
  ? html`<div class="field"><label for="k-note">${L(lang, `Alasan menghapusbukukan ${r.failed.n} penyaluran gagal`, `Why the ${r.failed.n} failures are written off`)}</label><input id="k-note" name="note" maxlength="500" value="${values.note ?? ''}"${invalidAttrs(problems, 'note')}>${fieldError(lang, problems as Problem[], 'note')}</div>`
  : html`<p>${L(lang, 'Semua penerima tersalurkan; siklus yang ditutup tidak dapat diubah lagi.', 'Every recipient is served; a closed cycle cannot be changed any more.')}</p>`}
<button type="submit" class="primary">${L(lang, 'Tutup siklus', 'Close the cycle')}</button></form>`;
}
