/** A disaster incident's pages (staff): the report form, and the incident with its assessment, plan, emergency status, shipments, reconciliation, handovers (berita acara), victims, the handover form and closure. Pure views. */
import { maskNik } from '../../domain/identity/mask.js';
import { INCIDENT_SOURCES, INCIDENT_SOURCE_NAMES } from '../../domain/logistics/index.js';
import type { showIncident } from '../../usecases/logistics/show-incident.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, flash } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { field, input, select, type FormState } from './logistics-views.js';
import { caseSection, closureSection, shipmentsSection, statusSection } from './logistics-shipment-views.js';

export type IncidentData = Extract<Awaited<ReturnType<typeof showIncident>>, { ok: true }>['value'];
const sources = INCIDENT_SOURCES.map((s) => [s, INCIDENT_SOURCE_NAMES[s]] as const);
const textarea = (s: FormState, name: string, rows = 3, max = 4000) => (attrs: Raw) => html`<textarea${attrs} rows="${rows}" maxlength="${max}">${s.values[name] ?? ''}</textarea>`;

export function newIncidentPage(shell: StaffShell, s: FormState): string {
  const { lang } = shell;
  const f = { ...s, prefix: 'n-' };
  return staffPage(shell, {
    title: L(lang, 'Catat kejadian bencana', 'Record a disaster incident'),
    path: '/petugas/logistik/kejadian/baru',
    body: html`<p><a href="${withLang('/petugas/logistik', lang)}">← ${L(lang, 'Logistik bencana', 'Disaster logistics')}</a></p><h1>${L(lang, 'Catat kejadian bencana', 'Record a disaster incident')}</h1>
<form method="post" action="${withLang('/petugas/logistik/kejadian/baru', lang)}" novalidate>${csrfField(shell)}${errorSummary(lang, f.problems)}
${field(lang, f, 'title', L(lang, 'Nama kejadian', 'Incident name'), input(f, 'title', ' maxlength="200" required'), L(lang, 'Misalnya "Banjir Kelurahan Legok"', 'E.g. "Flood in Legok"'))}
${field(lang, f, 'source', L(lang, 'Laporan dari', 'Reported by'), select(f, 'source', sources))}
${field(lang, f, 'reportedAt', L(lang, 'Waktu laporan (kosong: sekarang)', 'Report time (empty: now)'), input(f, 'reportedAt', ' type="datetime-local"'))}
${field(lang, f, 'location.text', L(lang, 'Lokasi', 'Location'), input(f, 'location.text', ' maxlength="500" required'))}
${field(lang, f, 'description', L(lang, 'Keadaan (dampak, jumlah korban, pengungsian)', 'Situation (impact, victims, evacuation)'), textarea(f, 'description', 4))}
${field(lang, f, 'emergencyReport', L(lang, 'Nomor laporan darurat (jika lewat layanan darurat)', 'Emergency report number (if it came through the emergency line)'), input(f, 'emergencyReport', ' maxlength="40"'))}
${field(lang, f, 'case', L(lang, 'Nomor registrasi berkas layanan bantuan bencana (jika ada)', 'Registration number of the disaster aid case (if any)'), input(f, 'case', ' maxlength="60" autocomplete="off"'))}
<button type="submit">${L(lang, 'Simpan kejadian', 'Save incident')}</button></form>`,
  });
}

const recordText = (r: Record<string, unknown> | null, keys: [string, string, string][], lang: Lang): Raw =>
  r ? html`<dl class="facts">${keys.filter(([k]) => r[k] !== undefined).map(([k, id, en]) => html`<dt>${L(lang, id, en)}</dt><dd>${String(r[k])}</dd>`)}<dt>${L(lang, 'Dicatat', 'Recorded')}</dt><dd>${String(r.by ?? '')}</dd></dl>` : html`<p class="meta">${L(lang, 'Belum dicatat.', 'Not recorded yet.')}</p>`;

export interface IncidentForms {
  handover?: FormState;
  assessment?: FormState;
  needs?: FormState;
  plan?: FormState;
  status?: FormState;
  case?: FormState;
  close?: FormState;
  shipment?: { id: string; state: FormState };
}

export function incidentPage(shell: StaffShell, d: IncidentData & { items: { id: string; code: string; name: string; unit: string }[]; mayDistribute: boolean; mayClose: boolean; flash: { ok?: string; error?: string } }, forms: IncidentForms = {}): string {
  const { lang } = shell;
  const i = d.incident;
  const base = `/petugas/logistik/kejadian/${i.id}`;
  const part = (name: 'assessment' | 'needs' | 'plan', title: [string, string], fields: Raw[]) => {
    const s = { ...(forms[name] ?? { values: {}, problems: [] }), prefix: `${name[0]}-` };
    return html`<details${s.problems.length ? ' open' : ''}><summary>${L(lang, ...title)}</summary><form method="post" action="${withLang(`${base}/catatan`, lang)}" novalidate>${csrfField(shell)}<input type="hidden" name="part" value="${name}">${errorSummary(lang, s.problems)}${fields.map((x) => x)}<button type="submit">${L(lang, 'Simpan', 'Save')}</button></form></details>`;
  };
  const a = { ...(forms.assessment ?? { values: {}, problems: [] }), prefix: 'a-' };
  const n = { ...(forms.needs ?? { values: {}, problems: [] }), prefix: 'n-' };
  const p = { ...(forms.plan ?? { values: {}, problems: [] }), prefix: 'p-' };
  const h = { ...(forms.handover ?? { values: { mode: 'posko' }, problems: [] }), prefix: 'h-' };
  const items = d.items.map((x) => [x.id, `${x.code} ${x.name} (${x.unit})`] as const);
  const recordForms = d.mayDistribute && i.state === 'open'
    ? html`${part('assessment', ['Catat assessment TAGANA', 'Record the TAGANA assessment'], [field(lang, a, 'note', L(lang, 'Hasil identifikasi di lokasi', 'Identification at the site'), textarea(a, 'note')), field(lang, a, 'lat', L(lang, 'Lintang (opsional)', 'Latitude (optional)'), input(a, 'lat', ' inputmode="decimal"')), field(lang, a, 'lng', L(lang, 'Bujur (opsional)', 'Longitude (optional)'), input(a, 'lng', ' inputmode="decimal"'))])}
${part('needs', ['Catat analisis kebutuhan', 'Record the needs analysis'], [field(lang, n, 'note', L(lang, 'Analisis kebutuhan', 'Needs analysis'), textarea(n, 'note'))])}
${part('plan', ['Catat rencana distribusi', 'Record the distribution plan'], [
  field(lang, p, 'recipients', L(lang, 'Penerima', 'Recipients'), input(p, 'recipients', ' maxlength="1000"')),
  field(lang, p, 'priority', L(lang, 'Prioritas', 'Priority'), select(p, 'priority', [['tinggi', L(lang, 'Tinggi', 'High')], ['sedang', L(lang, 'Sedang', 'Medium')], ['rendah', L(lang, 'Rendah', 'Low')]])),
  field(lang, p, 'when', L(lang, 'Kapan', 'When'), input(p, 'when', ' maxlength="200"')),
  field(lang, p, 'where', L(lang, 'Di mana', 'Where'), input(p, 'where', ' maxlength="500"')),
  field(lang, p, 'how', L(lang, 'Cara penyaluran', 'How'), input(p, 'how', ' maxlength="1000"')),
  field(lang, p, 'transport', L(lang, 'Alat transportasi', 'Transport'), input(p, 'transport', ' maxlength="200"')),
  field(lang, p, 'responsible', L(lang, 'Penanggung jawab', 'Responsible'), input(p, 'responsible', ' maxlength="200"')),
])}`
    : '';
  const reconciliation = d.reconciliation.length
    ? html`<div class="table-wrap"><table class="stack" data-testid="reconciliation"><caption>${L(lang, 'Rekonsiliasi: diterima − disalurkan − dikembalikan − dihapus = sisa di lapangan', 'Reconciliation: received − distributed − returned − written off = still in the field')}</caption><thead><tr><th scope="col">${L(lang, 'Barang', 'Item')}</th><th scope="col">${L(lang, 'Diterima', 'Received')}</th><th scope="col">${L(lang, 'Disalurkan', 'Distributed')}</th><th scope="col">${L(lang, 'Dikembalikan', 'Returned')}</th><th scope="col">${L(lang, 'Dihapus', 'Written off')}</th><th scope="col">${L(lang, 'Sisa', 'Outstanding')}</th></tr></thead><tbody>${d.reconciliation.map(
        (r) => html`<tr><td data-label="${L(lang, 'Barang', 'Item')}">${r.code} ${r.name}</td><td data-label="${L(lang, 'Diterima', 'Received')}">${r.received}</td><td data-label="${L(lang, 'Disalurkan', 'Distributed')}">${r.distributed}</td><td data-label="${L(lang, 'Dikembalikan', 'Returned')}">${r.returned}</td><td data-label="${L(lang, 'Dihapus', 'Written off')}">${r.writtenOff}</td><td data-label="${L(lang, 'Sisa', 'Outstanding')}"><strong data-testid="outstanding">${r.outstanding}</strong> ${r.unit}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="meta">${L(lang, 'Belum ada barang dikeluarkan untuk kejadian ini (keluarkan dari halaman gudang, pilih kejadian ini).', 'Nothing dispatched to this incident yet (dispatch from a warehouse page, choosing this incident).')}</p>`;
  const handovers = d.handovers.length
    ? html`<ul data-testid="handovers">${d.handovers.map((x) => html`<li><a href="${`${base}/serah-terima/${x.id}.pdf`}">${L(lang, 'Berita Acara Serah Terima', 'Handover record')} ${x.number}</a> <span class="meta">${x.issuedOn} · ${x.place} · ${x.receivedBy.name} · ${x.items.map((it) => `${it.code} ${it.quantity} ${it.unit}`).join(', ')}</span></li>`)}</ul>`
    : html`<p class="meta">${L(lang, 'Belum ada serah terima.', 'No handover yet.')}</p>`;
  const victims = d.victims.length
    ? html`<div class="table-wrap"><table class="stack" data-testid="victims"><caption>${L(lang, `Korban (${d.victims.length} keluarga; NIK tersamar; dibuka tercatat)`, `Victims (${d.victims.length} families; NIK masked; this view is logged)`)}</caption><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Desa', 'Village')}</th><th scope="col">${L(lang, 'Serah terima', 'Handovers')}</th></tr></thead><tbody>${d.victims.map((v) => html`<tr><td data-label="${L(lang, 'Nama', 'Name')}">${v.name}${v.vulnerable ? html` <span class="badge sla-at-risk">${v.vulnerable}</span>` : ''}</td><td data-label="NIK">${v.nik ? maskNik(v.nik) : L(lang, 'tidak ada', 'none')}</td><td data-label="${L(lang, 'Desa', 'Village')}">${v.village ?? '-'}</td><td data-label="${L(lang, 'Serah terima', 'Handovers')}">${v.handovers}</td></tr>`)}</tbody></table></div>`
    : '';
  const handoverForm = d.mayDistribute && i.state === 'open'
    ? html`<h2 id="serah-terima">${L(lang, 'Serah terima bantuan', 'Hand aid over')}</h2><form method="post" action="${withLang(`${base}/serah-terima`, lang)}#serah-terima" novalidate data-testid="handover-form">${csrfField(shell)}${errorSummary(lang, h.problems)}
${field(lang, h, 'shipment', L(lang, 'Dari pengiriman yang sudah tiba', 'From a shipment that has arrived'), select(h, 'shipment', d.shipments.filter((x) => x.state === 'arrived').map((x) => [x.id, `${x.code} ${x.quantity} ${x.unit} → ${x.destination}`] as const), L(lang, '— tanpa pengiriman tercatat —', '— no recorded shipment —')))}
${field(lang, h, 'mode', L(lang, 'Cara', 'Mode'), select(h, 'mode', [['posko', L(lang, 'Ke posko (sekaligus)', 'To a posko (bulk)')], ['families', L(lang, 'Per keluarga (dengan daftar korban)', 'Per family (with a victim list)')]]))}
${field(lang, h, 'place', L(lang, 'Tempat serah terima', 'Place of handover'), input(h, 'place', ' maxlength="300"'))}
${field(lang, h, 'receivedBy.name', L(lang, 'Nama penerima (PIHAK KEDUA)', 'Recipient (second party)'), input(h, 'receivedBy.name', ' maxlength="200" autocomplete="off"'))}
${field(lang, h, 'receivedBy.title', L(lang, 'Jabatan penerima', "Recipient's position"), input(h, 'receivedBy.title', ' maxlength="200" autocomplete="off"'))}
${field(lang, h, 'item', L(lang, 'Barang', 'Item'), select(h, 'item', items))}
${field(lang, h, 'items', L(lang, 'Jumlah', 'Quantity'), input(h, 'items', ' type="number" inputmode="numeric" min="1" max="1000000"'))}
${field(lang, h, 'victims', L(lang, 'Daftar korban: satu keluarga per baris, "NIK; Nama; Desa" (NIK boleh kosong)', 'Victim list: one family per line, "NIK; Name; Village" (NIK may be empty)'), textarea(h, 'victims', 4, 60000))}
<button type="submit">${L(lang, 'Serahkan dan terbitkan berita acara', 'Hand over and issue the record')}</button></form>`
    : '';
  return staffPage(shell, {
    title: i.title,
    path: base,
    body: html`<p><a href="${withLang('/petugas/logistik', lang)}">← ${L(lang, 'Logistik bencana', 'Disaster logistics')}</a></p>
<h1>${i.title}</h1>${flash(d.flash)}
<p class="meta">${INCIDENT_SOURCE_NAMES[i.source as keyof typeof INCIDENT_SOURCE_NAMES] ?? i.source} · ${when(lang, i.reportedAtLocal)} · ${i.location.text} · <span data-testid="incident-state">${i.state === 'open' ? L(lang, 'berjalan', 'open') : L(lang, 'ditutup', 'closed')}</span></p><p>${i.description}</p>
${caseSection(shell, d, base, d.mayDistribute, forms.case)}
<h2>${L(lang, 'Status tanggap darurat', 'Emergency response status')}</h2>${statusSection(shell, d, base, d.mayDistribute, forms.status)}
<h2>${L(lang, 'Assessment TAGANA', 'TAGANA assessment')}</h2>${recordText(i.assessment, [['note', 'Hasil', 'Findings'], ['lat', 'Lintang', 'Latitude'], ['lng', 'Bujur', 'Longitude']], lang)}
<h2>${L(lang, 'Analisis kebutuhan', 'Needs analysis')}</h2>${recordText(i.needs, [['note', 'Analisis', 'Analysis']], lang)}
<h2>${L(lang, 'Rencana distribusi', 'Distribution plan')}</h2>${recordText(i.plan, [['recipients', 'Penerima', 'Recipients'], ['priority', 'Prioritas', 'Priority'], ['when', 'Kapan', 'When'], ['where', 'Di mana', 'Where'], ['how', 'Cara', 'How'], ['transport', 'Transportasi', 'Transport'], ['responsible', 'Penanggung jawab', 'Responsible']], lang)}
${recordForms}
<h2 id="pengiriman">${L(lang, 'Pengiriman', 'Shipments')}</h2>${shipmentsSection(shell, d, base, d.mayDistribute, forms)}
<h2>${L(lang, 'Rekonsiliasi', 'Reconciliation')}</h2>${reconciliation}
<h2>${L(lang, 'Serah terima dan berita acara', 'Handovers and their records')}</h2>${handovers}
${victims}
${handoverForm}
${closureSection(shell, d, base, d.mayClose, forms.close)}`,
  });
}
