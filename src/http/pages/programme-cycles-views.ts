/**
 * Views of programme cycles: a programme's cycles with its allocation and the forms that generate
 * cycles, record the allocation and an exit; one cycle with its reconciliation (paid + failed +
 * pending = approved), approval, bank batches (file, result upload, retry) and a page of recipients
 * (NIK masked). Pure: (shell, data) → HTML.
 */
import type { Problem } from '../../domain/errors.js';
import { CYCLE_STATUS_NAMES, EXIT_NAMES, EXIT_REASONS, FLAG_NAMES, PAYMENT_NAMES, rupiah, type CycleStatus, type Payment, type Reconciliation } from '../../domain/programmes/cycles.js';
import type { CycleView, CyclesView } from '../../usecases/programmes/read-cycles.js';
import type { WaitingListView } from '../../usecases/programmes/read-waiting-list.js';
import { EVALUATION_NAMES, EVALUATION_RESULTS } from '../../domain/programmes/replacement.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { decree, programmesCrumb } from './programmes-views.js';
import { closingBlock } from './programme-deliveries-views.js';

type Form = { problems?: readonly Problem[]; values?: Record<string, string>; ok?: string; error?: string };
const TONE: Record<CycleStatus, string> = { draft: 'sla-paused', approved: 'sla-at-risk', paid: 'sla-on-time', delivered: 'sla-on-time', closed: 'sla-on-time' };
const statusBadge = (lang: Lang, s: CycleStatus): Raw => html`<span class="badge ${TONE[s]}">${CYCLE_STATUS_NAMES[s][lang]}</span>`;
export const cyclesPath = (slug: string) => `/petugas/program/${slug}/siklus`;
export const cyclePath = (id: string) => `/petugas/program/siklus/${id}`;
const money = (n: number | null) => (n === null ? '—' : rupiah(n));

export interface CyclesAbilities {
  disburse: boolean;
  approve: boolean;
  evaluate?: boolean;
}

export function cyclesPage(shell: StaffShell, d: CyclesView & { can: CyclesAbilities; today: string } & Form): string {
  const { lang } = shell;
  const p = d.programme;
  const problems = d.problems ?? [];
  const v = d.values ?? {};
  // Four forms share field names (period, nik, name, reason): a problem shows beside the form that was sent.
  const mine = (form: string) => (v._form === form ? problems : []);
  const errIn = (form: string, f: string) => fieldError(lang, mine(form) as Problem[], f);
  const decreed = d.rounds.filter((r) => r.status !== 'verifying');
  const body = html`<h1><span lang="id">${p.name}</span>: ${L(lang, 'siklus penyaluran', 'disbursement cycles')}</h1>
${flash({ ok: d.ok, error: d.error })}${errorSummary(lang, problems)}
<p>${L(lang, 'Siklus dibuat dari SK penerima menurut frekuensi dan jumlah yang dinyatakan keputusan; penerima dibekukan dan diperiksa ulang pada snapshot DTKS terkini saat siklus disetujui Kepala Dinas.', "Cycles come from the recipients' decree by the frequency and count the decree states; recipients are frozen and re-checked on the current DTKS snapshot when the head of office approves a cycle.")}</p>
<p>${L(lang, 'Penyaluran', 'Delivery')}: ${p.channel.name ? html`${p.channel.name}: ` : ''}${decree(lang, p.channel.text)}</p>
<h2 id="h-budget">${L(lang, 'Pagu anggaran', 'Allocation')}</h2>
${d.budget
  ? html`<p>${d.budget.period}: <strong>${rupiah(d.budget.amount)}</strong> (${d.budget.note}); ${L(lang, 'terpakai oleh siklus disetujui', 'committed by approved cycles')} ${rupiah(d.budget.committed)}, ${L(lang, 'sisa', 'left')} <strong>${rupiah(d.budget.amount - d.budget.committed)}</strong>.</p>`
  : html`<p>${L(lang, 'Pagu belum dicatat. Keputusan tidak menyebut pagu; siklus tunai disetujui hanya dalam pagu yang dicatat.', 'No allocation recorded. The decree states none; cash cycles are approved only within a recorded allocation.')}</p>`}
${d.can.approve
  ? html`<form method="post" action="${withLang(`${cyclesPath(p.slug)}/pagu`, lang)}" class="intake" aria-labelledby="h-budget">${csrfField(shell)}<input type="hidden" name="_form" value="budget">
<div class="field"><label for="b-period">${L(lang, 'Periode (tahun)', 'Period (year)')}</label><input id="b-period" name="period" inputmode="numeric" required value="${v.period ?? d.budget?.period ?? d.today.slice(0, 4)}"${invalidAttrs(mine('budget'), 'period')}>${errIn('budget', 'period')}</div>
<div class="field"><label for="b-amount">${L(lang, 'Pagu (rupiah, tanpa titik)', 'Allocation (rupiah, no separators)')}</label><input id="b-amount" name="amount" inputmode="numeric" required value="${v.amount ?? ''}"${invalidAttrs(mine('budget'), 'amount')}>${errIn('budget', 'amount')}</div>
<div class="field"><label for="b-note">${L(lang, 'Dasar pagu (mis. nomor DPA)', 'What it rests on (e.g. DPA number)')}</label><input id="b-note" name="note" required maxlength="300" value="${v.note ?? ''}"${invalidAttrs(mine('budget'), 'note')}>${errIn('budget', 'note')}</div>
<button type="submit">${L(lang, 'Catat pagu', 'Record allocation')}</button></form>`
  : ''}
<h2 id="h-cycles">${L(lang, 'Siklus', 'Cycles')}</h2>
${d.cycles.length
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-cycles" tabindex="0"><table class="queue stack"><caption>${d.cycles.length} ${L(lang, 'siklus', 'cycles')}</caption><thead><tr><th scope="col">${L(lang, 'Bulan', 'Month')}</th><th scope="col">${L(lang, 'Kategori', 'Category')}</th><th scope="col">${L(lang, 'Ke', 'No.')}</th><th scope="col">${L(lang, 'Penerima', 'Recipients')}</th><th scope="col">${L(lang, 'Jumlah', 'Total')}</th><th scope="col">Status</th></tr></thead><tbody>${d.cycles.map(
      (c) => html`<tr><td data-label="${L(lang, 'Bulan', 'Month')}"><a href="${withLang(cyclePath(c.id), lang)}">${c.due_month}</a></td><td data-label="${L(lang, 'Kategori', 'Category')}" lang="id">${p.categories.find((x) => x.key === c.category)?.name ?? c.category}</td><td data-label="${L(lang, 'Ke', 'No.')}">${c.seq}/${c.of_count}</td><td data-label="${L(lang, 'Penerima', 'Recipients')}">${c.recipients}${c.excluded ? html` <span class="meta">(${c.excluded} ${L(lang, 'dikeluarkan', 'excluded')})</span>` : ''}</td><td data-label="${L(lang, 'Jumlah', 'Total')}">${c.kind === 'cash' ? rupiah(c.total) : L(lang, 'barang', 'in kind')}</td><td data-label="Status">${statusBadge(lang, c.status)}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Belum ada siklus.', 'No cycle yet.')}</p>`}
${d.can.disburse
  ? html`<h2 id="h-generate">${L(lang, 'Buat siklus dari SK', 'Generate cycles from a decree')}</h2>
${decreed.length === 0
  ? html`<p>${L(lang, 'Belum ada putaran dengan berita acara atau SK.', 'No round has its report or decree yet.')}</p>`
  : html`<form method="post" action="${withLang(cyclesPath(p.slug), lang)}" class="intake" aria-labelledby="h-generate">${csrfField(shell)}<input type="hidden" name="_form" value="generate">
<div class="field"><label for="g-round">${L(lang, 'Putaran', 'Round')}</label><select id="g-round" name="roundId"${invalidAttrs(mine('generate'), 'roundId')}>${decreed.map((r) => html`<option value="${r.id}"${v.roundId === r.id ? html` selected` : ''}>${r.period} · ${r.stage}</option>`)}</select>${errIn('generate', 'roundId')}</div>
<div class="field"><label for="g-cat">${L(lang, 'Kategori', 'Category')}</label><select id="g-cat" name="category"${invalidAttrs(mine('generate'), 'category')}>${p.categories.map((c) => html`<option value="${c.key}"${v.category === c.key ? html` selected` : ''}>${c.name}</option>`)}</select>${errIn('generate', 'category')}</div>
<div class="field"><label for="g-month">${L(lang, 'Bulan penyaluran pertama (TTTT-BB)', 'First month (YYYY-MM)')}</label><input id="g-month" name="firstMonth" required placeholder="2026-01" value="${v.firstMonth ?? `${d.today.slice(0, 7)}`}"${invalidAttrs(mine('generate'), 'firstMonth')}>${errIn('generate', 'firstMonth')}</div>
${p.recipientDecree.signedInSigap
  ? ''
  : html`<div class="field"><label for="g-number">${L(lang, 'Nomor SK penerima', "Recipients' decree number")}</label><p class="help" id="g-number-help">${L(lang, 'SK ini diterbitkan di luar Sigap', 'This decree is issued outside Sigap')}: ${decree(lang, p.recipientDecree.text)}</p><input id="g-number" name="decreeNumber" maxlength="120" value="${v.decreeNumber ?? ''}" aria-describedby="g-number-help"${invalidAttrs(mine('generate'), 'decreeNumber')}>${errIn('generate', 'decreeNumber')}</div>`}
<button type="submit" class="primary">${L(lang, 'Buat siklus', 'Generate cycles')}</button></form>`}
<h2 id="h-exit">${L(lang, 'Catat penerima keluar', 'Record a recipient leaving')}</h2>
<form method="post" action="${withLang(`${cyclesPath(p.slug)}/keluar`, lang)}" class="intake" aria-labelledby="h-exit">${csrfField(shell)}<input type="hidden" name="_form" value="exit">
<div class="field"><label for="x-nik">NIK</label><input id="x-nik" name="nik" inputmode="numeric" maxlength="16" required value="${v.nik ?? ''}"${invalidAttrs(mine('exit'), 'nik')}>${errIn('exit', 'nik')}</div>
<div class="field"><label for="x-name">${L(lang, 'Nama', 'Name')}</label><input id="x-name" name="name" required maxlength="200" value="${v.name ?? ''}"${invalidAttrs(mine('exit'), 'name')}>${errIn('exit', 'name')}</div>
<div class="field"><label for="x-reason">${L(lang, 'Alasan', 'Reason')}</label><select id="x-reason" name="reason">${EXIT_REASONS.map((r) => html`<option value="${r}"${v.reason === r ? html` selected` : ''}>${EXIT_NAMES[r][lang]}</option>`)}</select>${errIn('exit', 'reason')}</div>
<div class="field"><label for="x-date">${L(lang, 'Tanggal', 'Date')}</label><input id="x-date" name="date" type="date" required value="${v.date ?? ''}"${invalidAttrs(mine('exit'), 'date')}>${errIn('exit', 'date')}</div>
<div class="field"><label for="x-period">${L(lang, 'Periode (tahun)', 'Period (year)')}</label><input id="x-period" name="period" inputmode="numeric" required value="${v.period ?? d.today.slice(0, 4)}"${invalidAttrs(mine('exit'), 'period')}>${errIn('exit', 'period')}</div>
<div class="field"><label for="x-note">${L(lang, 'Keterangan', 'Note')}</label><input id="x-note" name="note" maxlength="500" value="${v.note ?? ''}"></div>
<button type="submit">${L(lang, 'Catat keluar', 'Record leaving')}</button></form>`
  : ''}
${d.can.evaluate
  ? html`<h2 id="h-eval">${L(lang, 'Evaluasi penerima', 'Evaluate a recipient')}</h2>
<form method="post" action="${withLang(`${cyclesPath(p.slug)}/evaluasi`, lang)}" class="intake" aria-labelledby="h-eval">${csrfField(shell)}<input type="hidden" name="_form" value="evaluate">
<div class="field"><label for="e-nik">NIK</label><input id="e-nik" name="nik" inputmode="numeric" maxlength="16" required value="${v.nik ?? ''}"${invalidAttrs(mine('evaluate'), 'nik')}>${errIn('evaluate', 'nik')}</div>
<div class="field"><label for="e-name">${L(lang, 'Nama', 'Name')}</label><input id="e-name" name="name" required maxlength="200" value="${v.name ?? ''}"></div>
<fieldset class="field"><legend>${L(lang, 'Hasil evaluasi', 'Result')}</legend>${EVALUATION_RESULTS.map((r) => html`<label class="choice"><input type="radio" name="result" value="${r}"${v.result === r ? html` checked` : ''}> ${EVALUATION_NAMES[r][lang]}</label>`)}${errIn('evaluate', 'result')}</fieldset>
<div class="field"><label for="e-reason">${L(lang, 'Alasan (wajib bila tidak memenuhi syarat)', 'Reason (required when no longer eligible)')}</label><textarea id="e-reason" name="reason" maxlength="500" rows="2"${invalidAttrs(mine('evaluate'), 'reason')}>${v.reason ?? ''}</textarea>${errIn('evaluate', 'reason')}</div>
<input type="hidden" name="period" value="${v.period ?? d.today.slice(0, 4)}">
<button type="submit">${L(lang, 'Simpan evaluasi', 'Save evaluation')}</button></form>`
  : ''}
${d.rounds.some((r) => r.status === 'decreed')
  ? html`<h2>${L(lang, 'Penggantian penerima', 'Replacing recipients')}</h2><ul>${d.rounds.filter((r) => r.status === 'decreed').map((r) => html`<li><a href="${withLang(`/petugas/program/putaran/${r.id}/pengganti`, lang)}">${r.period} · ${r.stage}: ${L(lang, 'penerima keluar dan daftar tunggu', 'leavers and the waiting list')}</a></li>`)}</ul>`
  : ''}`;
  return staffPage(shell, { title: `${p.name}: ${L(lang, 'siklus', 'cycles')}`, path: cyclesPath(p.slug), body, breadcrumbs: [programmesCrumb(lang), { href: `/petugas/program/${p.slug}`, label: p.name }] });
}

export function reconciliationTable(lang: Lang, r: Reconciliation, inKind = false): Raw {
  const done = inKind ? PAYMENT_NAMES.delivered[lang] : PAYMENT_NAMES.paid[lang];
  const row = (label: string, t: { n: number; rp: number }, strong = false) => html`<tr><th scope="row">${strong ? html`<strong>${label}</strong>` : label}</th><td>${t.n}</td><td>${rupiah(t.rp)}</td></tr>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="h-rec" tabindex="0"><table class="queue"><caption id="h-rec">${inKind ? L(lang, 'Rekonsiliasi: diterima + gagal + menunggu = disetujui', 'Reconciliation: delivered + failed + pending = approved') : L(lang, 'Rekonsiliasi: berhasil + gagal + menunggu = disetujui', 'Reconciliation: paid + failed + pending = approved')}</caption>
<thead><tr><th scope="col"></th><th scope="col">${L(lang, 'Orang', 'People')}</th><th scope="col">Rupiah</th></tr></thead><tbody>
${row(done, r.paid)}${row(PAYMENT_NAMES.failed[lang], r.failed)}${row(PAYMENT_NAMES.pending[lang], r.pending)}${r.held.n ? row(`— ${L(lang, 'di antaranya ditahan', 'of which held')}`, r.held) : ''}${row(L(lang, 'Disetujui', 'Approved'), r.approved, true)}
</tbody></table></div><p>${r.balanced ? html`<span class="badge sla-on-time">${L(lang, 'Seimbang', 'Balanced')}</span>` : html`<span class="badge sla-late">${L(lang, 'Tidak seimbang', 'Out of balance')}</span>`}</p>`;
}

const FILTERS: (Payment | 'held' | 'excluded')[] = ['pending', 'paid', 'failed', 'held', 'excluded'];

export function cyclePage(shell: StaffShell, d: CycleView & { can: CyclesAbilities; filter?: Payment | 'held' | 'excluded' } & Form): string {
  const { lang } = shell;
  const c = d.cycle;
  const p = d.programme;
  const problems = d.problems ?? [];
  const v = d.values ?? {};
  const path = cyclePath(c.id);
  const categoryName = p.categories.find((x) => x.key === c.category)?.name ?? c.category;
  const open = d.batches.filter((b) => b.status === 'exported');
  const body = html`<h1><span lang="id">${p.name}</span> · ${c.due_month} (${c.seq}/${c.of_count})</h1>
${flash({ ok: d.ok, error: d.error })}${errorSummary(lang, problems)}
<dl class="facts"><div><dt>Status</dt><dd>${statusBadge(lang, c.status)}</dd></div><div><dt>${L(lang, 'Kategori', 'Category')}</dt><dd lang="id">${categoryName}</dd></div>
<div><dt>${L(lang, 'SK penerima', "Recipients' decree")}</dt><dd>${c.decree_number}</dd></div><div><dt>${L(lang, 'Per penerima', 'Per recipient')}</dt><dd>${c.kind === 'cash' ? money(c.amount) : L(lang, 'barang', 'in kind')}</dd></div>
<div><dt>${L(lang, 'Penerima', 'Recipients')}</dt><dd>${c.recipients}${c.excluded ? html` (${c.excluded} ${L(lang, 'dikeluarkan', 'excluded')})` : ''}</dd></div><div><dt>${L(lang, 'Jumlah', 'Total')}</dt><dd>${c.kind === 'cash' ? rupiah(c.total) : '—'}</dd></div>
${c.approved_at ? html`<div><dt>${L(lang, 'Disetujui', 'Approved')}</dt><dd>${c.approved_by}, ${c.approved_at.slice(0, 10)}</dd></div>` : ''}</dl>
${c.status === 'draft'
  ? d.can.approve
    ? html`<form method="post" action="${withLang(`${path}/setujui`, lang)}" class="intake">${csrfField(shell)}<input type="hidden" name="version" value="${c.version}"><p>${L(lang, 'Menyetujui memeriksa ulang setiap penerima pada snapshot DTKS terkini, membekukan datanya, dan hanya berhasil dalam sisa pagu.', 'Approving re-checks every recipient on the current DTKS snapshot, freezes their data, and succeeds only within the allocation left.')}</p><button type="submit" class="primary">${L(lang, 'Setujui siklus', 'Approve cycle')}</button></form>`
    : html`<p class="meta">${L(lang, 'Menunggu persetujuan Kepala Dinas.', 'Awaiting the head of office’s approval.')}</p>`
  : reconciliationTable(lang, d.reconciliation, c.kind !== 'cash')}
${closingBlock(shell, c, d.reconciliation, d.can.approve, problems, v)}
${c.status !== 'draft' && c.kind === 'cash'
  ? html`<h2 id="h-batches">${L(lang, 'Berkas penyaluran bank', 'Bank batches')}</h2>
${d.batches.length
  ? html`<ul>${d.batches.map(
      (b) => html`<li><a href="${withLang(`${path}/berkas/${b.id}.csv`, lang)}" download>${L(lang, 'Berkas', 'Batch')} ${b.seq} (${b.purpose === 'retry' ? L(lang, 'ulang transfer gagal', 'retry of failed transfers') : L(lang, 'pertama', 'first')}): ${b.rows} ${L(lang, 'transfer', 'transfers')}, ${rupiah(b.total)}</a> · ${b.bank} · ${b.status === 'settled' ? L(lang, 'hasil bank tercatat', "bank's result recorded") : L(lang, 'menunggu hasil bank', "awaiting the bank's result")} <span class="meta">SHA-256 ${b.sha256.slice(0, 12)}…</span></li>`,
    )}</ul>`
  : ''}
${d.can.disburse && c.status === 'approved'
  ? html`<form method="post" action="${withLang(`${path}/berkas`, lang)}" class="intake" aria-labelledby="h-batches">${csrfField(shell)}
${p.channel.name ? html`<p>${L(lang, 'Bank', 'Bank')}: ${p.channel.name}</p>` : html`<div class="field"><label for="k-bank">${L(lang, 'Bank penyalur', 'Paying bank')}</label><p class="help" id="k-bank-help">${L(lang, 'Keputusan tidak menyebut nama bank', 'The decree names no bank')}: ${decree(lang, p.channel.text)}</p><input id="k-bank" name="bank" maxlength="80" value="${v.bank ?? d.batches[0]?.bank ?? ''}" aria-describedby="k-bank-help"${invalidAttrs(problems, 'bank')}>${err(lang, problems, 'bank')}</div>`}
<div class="field"><label for="k-purpose">${L(lang, 'Isi berkas', 'Batch holds')}</label><select id="k-purpose" name="purpose"><option value="first">${L(lang, 'Penerima yang belum dikirim', 'Recipients not yet sent')}</option><option value="retry"${v.purpose === 'retry' || d.reconciliation.failed.n > 0 ? html` selected` : ''}>${L(lang, 'Ulang transfer yang gagal (referensi baru)', 'Retry failed transfers (new reference)')}</option></select></div>
<button type="submit">${L(lang, 'Buat berkas bank', 'Make bank file')}</button></form>
${open.map(
    (b) => html`<form method="post" action="${withLang(`${path}/berkas/${b.id}/hasil`, lang)}" enctype="multipart/form-data" class="intake" aria-labelledby="h-result-${b.seq}">${csrfField(shell)}
<h3 id="h-result-${b.seq}">${L(lang, 'Hasil bank untuk berkas', "Bank's result for batch")} ${b.seq}</h3>
<div class="field"><label for="f-result-${b.seq}">${L(lang, 'Berkas hasil (CSV: referensi, status BERHASIL/GAGAL, keterangan)', 'Result file (CSV: referensi, status BERHASIL/GAGAL, keterangan)')}</label><input id="f-result-${b.seq}" name="file" type="file" accept=".csv,text/csv" required${invalidAttrs(problems, 'file')}>${err(lang, problems, 'file')}</div>
<button type="submit" class="primary">${L(lang, 'Impor hasil bank', "Import the bank's result")}</button></form>`,
  )}`
  : ''}`
  : ''}
${c.status !== 'draft'
  ? html`<h2 id="h-people">${L(lang, 'Penerima', 'Recipients')}</h2>
<p class="filters">${[html`<a href="${withLang(path, lang)}"${d.filter ? '' : html` aria-current="page"`}>${L(lang, 'Semua', 'All')}</a>`, ...FILTERS.map((f) => html`<a href="${withLang(`${path}?payment=${f}`, lang)}"${d.filter === f ? html` aria-current="page"` : ''}>${f === 'excluded' ? L(lang, 'Dikeluarkan', 'Excluded') : PAYMENT_NAMES[f][lang]}</a>`)].map((a) => html`${a} `)}</p>
<div class="table-wrap" role="region" aria-labelledby="h-people" tabindex="0"><table class="queue stack"><caption>${d.recipients.length}${d.more ? '+' : ''} ${L(lang, 'penerima di halaman ini (NIK tersamar)', 'recipients on this page (NIK masked)')}</caption><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Desa/Kelurahan', 'Village')}</th><th scope="col">${L(lang, 'Pembayaran', 'Payment')}</th></tr></thead><tbody>${d.recipients.map(
      (r) => html`<tr><td data-label="${L(lang, 'Nama', 'Name')}">${r.name}</td><td data-label="NIK">${r.nik}</td><td data-label="${L(lang, 'Desa/Kelurahan', 'Village')}">${r.village ?? '—'}</td><td data-label="${L(lang, 'Pembayaran', 'Payment')}">${r.status === 'excluded' ? html`<span class="badge sla-late">${L(lang, 'Dikeluarkan', 'Excluded')}</span> <span lang="id">${r.reason ?? ''}</span>` : r.flag && r.payment === 'pending' ? html`<span class="badge sla-at-risk">${FLAG_NAMES[r.flag]?.[lang] ?? PAYMENT_NAMES.held[lang]}</span>` : PAYMENT_NAMES[r.payment][lang]}${r.attempts > 1 ? html` <span class="meta">(${r.attempts}× ${L(lang, 'dikirim', 'sent')})</span>` : ''}</td></tr>`,
    )}</tbody></table></div>
<nav class="pager" aria-label="${L(lang, 'Halaman', 'Pages')}">${d.page > 0 ? html`<a href="${withLang(`${path}?page=${d.page - 1}${d.filter ? `&payment=${d.filter}` : ''}`, lang)}">${L(lang, '← Sebelumnya', '← Previous')}</a> ` : ''}${d.more ? html`<a href="${withLang(`${path}?page=${d.page + 1}${d.filter ? `&payment=${d.filter}` : ''}`, lang)}">${L(lang, 'Berikutnya →', 'Next →')}</a>` : ''}</nav>`
  : ''}`;
  return staffPage(shell, { title: `${p.name} · ${c.due_month}`, path, body, breadcrumbs: [programmesCrumb(lang), { href: `/petugas/program/${p.slug}`, label: p.name }, { href: cyclesPath(p.slug), label: L(lang, 'Siklus', 'Cycles') }] });
}

const err = (lang: Lang, problems: readonly Problem[], f: string) => fieldError(lang, problems as Problem[], f);

/** Who left a decreed round's recipients and the ranked waiting list that fills their places. */
export function waitingListPage(shell: StaffShell, d: WaitingListView & { canReplace: boolean; error?: string }): string {
  const { lang } = shell;
  const path = `/petugas/program/putaran/${d.round.id}/pengganti`;
  const body = html`<h1><span lang="id">${d.round.programmeName}</span> · ${d.round.period} · ${d.round.stage}: ${L(lang, 'penggantian penerima', 'replacing recipients')}</h1>
${flash({ error: d.error })}
<p>${L(lang, `SK ${d.round.decree}: ${d.kept} penerima tetap, ${d.removed.length} keluar.`, `Decree ${d.round.decree}: ${d.kept} recipients stay, ${d.removed.length} left.`)}</p>
<h2 id="h-removed">${L(lang, 'Penerima keluar', 'Recipients who left')}</h2>
${d.removed.length ? html`<ol>${d.removed.map((p) => html`<li>${p.name} — NIK ${p.nik}${p.village ? ` — ${p.village}` : ''}: <span lang="id">${p.reason ?? ''}</span></li>`)}</ol>` : html`<p>${L(lang, 'Belum ada yang keluar.', 'Nobody has left.')}</p>`}
<h2 id="h-waiting">${L(lang, 'Daftar tunggu (usulan terverifikasi, urut waktu verifikasi)', 'Waiting list (verified proposals, by verification time)')}</h2>
${d.waiting.length
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-waiting" tabindex="0"><table class="queue stack"><caption>${d.total} ${L(lang, 'calon menunggu (NIK tersamar)', 'candidates waiting (NIK masked)')}</caption><thead><tr><th scope="col">${L(lang, 'Peringkat', 'Rank')}</th><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Asal', 'From')}</th></tr></thead><tbody>${d.waiting.map(
      (w) => html`<tr><td data-label="${L(lang, 'Peringkat', 'Rank')}">${w.rank}${w.rank <= d.removed.length ? html` <span class="badge sla-on-time">${L(lang, 'mengganti', 'replaces')}</span>` : ''}</td><td data-label="${L(lang, 'Nama', 'Name')}">${w.name}</td><td data-label="NIK">${w.nik}</td><td data-label="${L(lang, 'Asal', 'From')}">${w.stage}, BA ${w.report}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Tidak ada usulan terverifikasi yang menunggu.', 'No verified proposal is waiting.')}</p>`}
${d.canReplace && d.removed.length
  ? html`<form method="post" action="${withLang(path, lang)}" class="intake">${csrfField(shell)}<p>${L(lang, `Menerbitkan berita acara penggantian: ${d.removed.length} keluar, ${Math.min(d.removed.length, d.total)} pengganti teratas; lalu Kepala Dinas menandatangani SK perubahan.`, `Issues the replacement report: ${d.removed.length} leave, the top ${Math.min(d.removed.length, d.total)} replace them; the head of office then signs the amending decree.`)}</p><button type="submit" class="primary">${L(lang, 'Terbitkan berita acara penggantian', 'Issue the replacement report')}</button></form>`
  : ''}`;
  return staffPage(shell, { title: `${d.round.programmeName}: ${L(lang, 'penggantian', 'replacement')}`, path, body, breadcrumbs: [programmesCrumb(lang), { href: `/petugas/program/${d.round.programme}`, label: d.round.programmeName }, { href: cyclesPath(d.round.programme), label: L(lang, 'Siklus', 'Cycles') }] });
}
