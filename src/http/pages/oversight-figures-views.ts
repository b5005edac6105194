/** The oversight page's approved-figures section (snapshot, changes since, history), its notices and the SIPPN download. Pure. */
import { FIELD_LABEL } from '../../domain/oversight/snapshot.js';
import type { OversightNotice } from '../../usecases/oversight/read-notices.js';
import type { ApprovedFigures } from '../../usecases/oversight/snapshot-figures.js';
import { L, when, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';
import { withLang } from './layout.js';

/** "Angka disetujui pada … oleh …", each figure that moved since, and the earlier approvals a reopening closed. */
export function approvedFiguresSection(lang: Lang, a: ApprovedFigures): Raw {
  if (!a.current && !a.history.length) return html``;
  const c = a.current;
  return html`<section aria-labelledby="h-approved" data-testid="approved-figures"><h2 id="h-approved">${L(lang, 'Angka yang disetujui', 'Approved figures')}</h2>
${c ? html`<p><strong>${L(lang, `Angka disetujui pada ${c.approvedLocal} oleh ${c.approvedBy}.`, `Figures approved on ${when(lang, c.approvedLocal)} by ${c.approvedBy}.`)}</strong> ${L(lang, 'Tabel di atas dan unduhan menampilkan angka yang disetujui.', 'The table above and the downloads show the approved figures.')}</p>
${
  a.changes.length
    ? html`<div class="notice" data-testid="changes-since"><p>${L(lang, 'Sejak disetujui, angka terkini berubah (kasus yang diajukan pada periode ini dan ditutup kemudian):', 'Since approval the live figures moved (cases submitted in this period that closed later):')}</p><ul>${a.changes.map(
        (x) => html`<li>${L(lang, x.label.id, x.label.en)} — ${L(lang, FIELD_LABEL[x.field].id, FIELD_LABEL[x.field].en)}: ${L(lang, 'disetujui', 'approved')} ${x.approved ?? '—'}, ${L(lang, 'sekarang', 'now')} ${x.now ?? '—'}</li>`,
      )}</ul><p class="meta">${L(lang, 'Untuk memakai angka terkini, Kepala Dinas membuka kembali periode ini dengan alasan tertulis dan menyetujuinya lagi.', 'To use the live figures, the head of office reopens this period with a written reason and approves it again.')}</p></div>`
    : html`<p class="meta">${L(lang, 'Angka terkini sama dengan yang disetujui.', 'The live figures equal the approved ones.')}</p>`
}
${c.figures.spm ? html`<ul class="meta">${c.figures.spm.map((s) => html`<li>SPM ${L(lang, s.name, s.nameEn)}: ${s.served}/${s.needing} — ${L(lang, s.text.id, s.text.en)}</li>`)}</ul>` : ''}` : ''}
${a.history.length ? html`<details><summary>${L(lang, `Persetujuan sebelumnya yang dibuka kembali (${a.history.length})`, `Earlier approvals reopened (${a.history.length})`)}</summary><ul>${a.history.map(
    (h) => html`<li>${L(lang, `Disetujui ${h.approvedLocal} oleh ${h.approvedBy}; dibuka kembali ${h.reopenedLocal} oleh ${h.reopenedBy}: “${h.reason}”`, `Approved ${when(lang, h.approvedLocal)} by ${h.approvedBy}; reopened ${when(lang, h.reopenedLocal)} by ${h.reopenedBy}: “${h.reason}”`)}</li>`,
  )}</ul></details>` : ''}</section>`;
}

/** The scheduler's validation findings and evaluation reminders, for the head and the roles named on each. */
export function noticesSection(lang: Lang, notices: readonly OversightNotice[]): Raw {
  const findings = notices.filter((n) => n.kind === 'finding');
  const reminders = notices.filter((n) => n.kind === 'reminder');
  const list = (items: readonly OversightNotice[]) =>
    html`<ul class="findings">${items.map((n) => html`<li>${L(lang, n.text.id, n.text.en)} <span class="meta">(${L(lang, 'untuk', 'for')} ${n.roles.join(', ')} · ${when(lang, n.foundLocal)})</span></li>`)}</ul>`;
  return html`<section aria-labelledby="h-notices" data-testid="oversight-notices"><h2 id="h-notices">${L(lang, 'Pemeriksaan terjadwal', 'Scheduled checks')}</h2>
<p class="meta">${L(lang, 'Aturan validasi (terlayani ≤ membutuhkan, hunian ≤ kapasitas, stok ≥ 0) dan pengingat evaluasi, diperiksa sekali sehari per kantor.', 'Validation rules (served ≤ needing, occupancy ≤ capacity, stock ≥ 0) and evaluation reminders, checked once a day per office.')}</p>
<h3>${L(lang, 'Temuan validasi', 'Validation findings')}</h3>${findings.length ? list(findings) : html`<p>${L(lang, 'Tidak ada temuan.', 'No findings.')}</p>`}
<h3>${L(lang, 'Pengingat evaluasi', 'Evaluation reminders')}</h3>${reminders.length ? list(reminders) : html`<p>${L(lang, 'Belum ada pengingat.', 'No reminders yet.')}</p>`}</section>`;
}

/** The catalogue for the national registry (SIPPN): CSV and XLSX in the columns Sigap matched. */
export function sippnSection(lang: Lang): Raw {
  return html`<section aria-labelledby="h-sippn"><h2 id="h-sippn">${L(lang, 'Ekspor katalog untuk SIPPN', 'Catalogue export for SIPPN')}</h2>
<p class="meta">${L(lang, 'Standar pelayanan kantor ini, satu baris per layanan, dalam kolom yang dicocokkan Sigap dengan isian layanan SIPPN (sippn.menpan.go.id). Susunan impor SIPPN sendiri tidak diketahui: periksa kolom sebelum mengunggah.', "This office's service standards, one row per service, in columns Sigap matched to SIPPN's service entry (sippn.menpan.go.id). SIPPN's own import layout is not known: check the columns before uploading.")}</p>
<p class="actions"><a class="button" href="${withLang('/petugas/evaluasi/sippn.csv', lang)}" download>${L(lang, 'Katalog SIPPN (CSV)', 'SIPPN catalogue (CSV)')}</a> <a class="button" href="${withLang('/petugas/evaluasi/sippn.xlsx', lang)}" download>${L(lang, 'Katalog SIPPN (XLSX)', 'SIPPN catalogue (XLSX)')}</a></p></section>`;
}
