/** Disaster logistics pages (staff): the office's warehouses, items and incidents; one warehouse's stock with its alerts, receipt and dispatch forms and ledger. Pure views. */
import type { Problem } from '../../domain/errors.js';
import { CONDITIONS, DISASTER_SERVICES, FUNDING_NAMES, FUNDING_SOURCES, MOVEMENT_NAMES, RELEASE_GATES, RELEASE_GATE_NAMES, UNITS, WAREHOUSE_KINDS, WAREHOUSE_KIND_NAMES, type ExpiryLevel, type FundingSource, type MovementKind, type ReleaseGate, type WarehouseKind } from '../../domain/logistics/index.js';
import type { LedgerRow } from '../../db/logistics-repo.js';
import type { WarehouseStock } from '../../usecases/logistics/show-stock.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, raw, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';

export const kindName = (lang: Lang, k: string) => WAREHOUSE_KIND_NAMES[k as WarehouseKind]?.[lang === 'id' ? 0 : 1] ?? k;
export const gateName = (lang: Lang, g: string) => RELEASE_GATE_NAMES[g as ReleaseGate]?.[lang === 'id' ? 0 : 1] ?? g;
export const movementName = (lang: Lang, k: string) => MOVEMENT_NAMES[k as MovementKind]?.[lang === 'id' ? 0 : 1] ?? k;
const CONDITION_NAMES: Record<string, [string, string]> = { baik: ['Baik', 'Good'], 'rusak-ringan': ['Rusak ringan', 'Slightly damaged'], 'rusak-berat': ['Rusak berat', 'Badly damaged'] };

/** A form's values and the problems to show beside its fields. */
export interface FormState {
  values: Record<string, string>;
  problems: readonly Problem[];
  /** Prefix of the field ids: several forms share a page and field names. */
  prefix?: string;
}
const EMPTY: FormState = { values: {}, problems: [] };

/** A labelled field with its error beside it; `control` gets the id, name, value and aria attributes. */
export function field(lang: Lang, s: FormState, name: string, label: string, control: (attrs: Raw) => Raw, hint?: string): Raw {
  const id = `${s.prefix ?? 'f-'}${name}`;
  const attrs = html` id="${id}" name="${name}"${invalidAttrs(s.problems, name)}`;
  return html`<div class="field"><label for="${id}">${label}</label>${hint ? html`<p class="hint">${hint}</p>` : ''}${fieldError(lang, s.problems, name)}${control(attrs)}</div>`;
}
export const input = (s: FormState, name: string, extra = '') => (attrs: Raw) => html`<input${attrs} value="${s.values[name] ?? ''}"${raw(extra)}>`;
export const select = (s: FormState, name: string, options: readonly (readonly [string, string])[], blank?: string) => (attrs: Raw) =>
  html`<select${attrs}>${blank !== undefined ? html`<option value="">${blank}</option>` : ''}${options.map(([v, t]) => html`<option value="${v}"${s.values[name] === v ? ' selected' : ''}>${t}</option>`)}</select>`;

export interface Overview {
  warehouses: { id: string; name: string; kind: string; area: string | null; custodian: string | null; alerts: WarehouseStock['alerts'] | null; lines: number | null }[];
  items: { id: string; code: string; name: string; unit: string }[];
  incidents: { id: string; title: string; source: string; reportedAt: string; location: string; state: string }[];
}

export function alertBadges(lang: Lang, a: WarehouseStock['alerts'] | null): Raw {
  if (!a) return html``;
  const parts: Raw[] = [];
  if (a.expired) parts.push(html`<span class="badge sla-late">${a.expired} ${L(lang, 'lot kedaluwarsa', 'lots expired')}</span>`);
  if (a.expiring) parts.push(html`<span class="badge sla-at-risk">${a.expiring} ${L(lang, 'lot segera kedaluwarsa', 'lots expiring')}</span>`);
  if (a.belowMinimum) parts.push(html`<span class="badge sla-late">${a.belowMinimum} ${L(lang, 'barang di bawah minimum', 'items below minimum')}</span>`);
  return parts.length ? html`${parts.map((p) => html`${p} `)}` : html`<span class="badge sla-on-time">${L(lang, 'Aman', 'No alerts')}</span>`;
}

export function overviewPage(shell: StaffShell, d: Overview & { mayStock: boolean; mayDistribute: boolean; flash: { ok?: string; error?: string }; warehouseForm?: FormState; itemForm?: FormState }): string {
  const { lang } = shell;
  const wf = { ...(d.warehouseForm ?? EMPTY), prefix: 'w-' };
  const itf = { ...(d.itemForm ?? EMPTY), prefix: 'i-' };
  const warehouses = d.warehouses.length
    ? html`<ul class="cards" data-testid="warehouses">${d.warehouses.map((w) => html`<li><a href="${withLang(`/petugas/logistik/gudang/${w.id}`, lang)}">${w.name}</a><br><span class="meta">${kindName(lang, w.kind)}${w.area ? ` · ${w.area}` : ''}${w.custodian ? ` · ${L(lang, 'penanggung jawab', 'custodian')} ${w.custodian}` : ''}</span><br>${alertBadges(lang, w.alerts)}</li>`)}</ul>`
    : html`<p class="meta">${L(lang, 'Belum ada gudang.', 'No warehouse yet.')}</p>`;
  const items = d.items.length
    ? html`<div class="table-wrap"><table class="stack" data-testid="items"><caption>${L(lang, 'Katalog barang', 'Item catalogue')}</caption><thead><tr><th scope="col">${L(lang, 'Kode', 'Code')}</th><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">${L(lang, 'Satuan', 'Unit')}</th></tr></thead><tbody>${d.items.map((i) => html`<tr><td data-label="${L(lang, 'Kode', 'Code')}">${i.code}</td><td data-label="${L(lang, 'Nama', 'Name')}">${i.name}</td><td data-label="${L(lang, 'Satuan', 'Unit')}">${i.unit}</td></tr>`)}</tbody></table></div>`
    : html`<p class="meta">${L(lang, 'Katalog masih kosong.', 'The catalogue is empty.')}</p>`;
  const incidents = html`<h2 id="kejadian">${L(lang, 'Kejadian bencana', 'Disaster incidents')}</h2>${d.mayDistribute ? html`<p><a class="button" href="${withLang('/petugas/logistik/kejadian/baru', lang)}">${L(lang, 'Catat kejadian bencana', 'Record a disaster incident')}</a></p>` : ''}${
    d.incidents.length
      ? html`<ul data-testid="incidents">${d.incidents.map((x) => html`<li><a href="${withLang(`/petugas/logistik/kejadian/${x.id}`, lang)}">${x.title}</a> <span class="meta">${x.location} · ${x.reportedAt.slice(0, 10)} · ${x.state === 'open' ? L(lang, 'berjalan', 'open') : L(lang, 'ditutup', 'closed')}</span></li>`)}</ul>`
      : html`<p class="meta">${L(lang, 'Belum ada kejadian tercatat.', 'No incident recorded.')}</p>`
  }`;
  const forms = d.mayStock
    ? html`<details${wf.problems.length ? ' open' : ''}><summary>${L(lang, 'Tambah gudang atau lumbung sosial', 'Add a warehouse or social depot')}</summary>
<form method="post" action="${withLang('/petugas/logistik/gudang', lang)}" novalidate>${csrfField(shell)}${errorSummary(lang, wf.problems)}
${field(lang, wf, 'name', L(lang, 'Nama gudang', 'Warehouse name'), input(wf, 'name', ' maxlength="120" required'))}
${field(lang, wf, 'kind', L(lang, 'Jenis', 'Kind'), select(wf, 'kind', WAREHOUSE_KINDS.map((k) => [k, kindName(lang, k)] as const)))}
${field(lang, wf, 'area', L(lang, 'Wilayah (kecamatan/kelurahan)', 'Area (sub-district/village)'), input(wf, 'area', ' maxlength="200"'))}
${field(lang, wf, 'custodian', L(lang, 'Penanggung jawab gudang', 'Custodian'), input(wf, 'custodian', ' maxlength="120"'))}
${field(lang, wf, 'releaseGate', L(lang, 'Syarat pengeluaran barang', 'Release condition'), select(wf, 'releaseGate', RELEASE_GATES.map((g) => [g, gateName(lang, g)] as const), L(lang, '— bawaan: lumbung sosial menunggu status tanggap darurat —', '— default: social depots wait for the emergency status —')), L(lang, 'Lumbung sosial: "ketika ada bencana, bupati mendeklarasikan … masa kedaruratan, maka baru bisa keluar logistik" (Kemensos)', 'Social depots: goods leave only once the regent declares the emergency (Kemensos)'))}
<button type="submit">${L(lang, 'Simpan gudang', 'Save warehouse')}</button></form></details>
<details${itf.problems.length ? ' open' : ''}><summary>${L(lang, 'Tambah barang ke katalog', 'Add an item to the catalogue')}</summary>
<form method="post" action="${withLang('/petugas/logistik/barang', lang)}" novalidate>${csrfField(shell)}${errorSummary(lang, itf.problems)}
${field(lang, itf, 'code', L(lang, 'Kode barang', 'Item code'), input(itf, 'code', ' maxlength="40" required autocapitalize="characters"'), L(lang, 'Huruf, angka, titik, garis bawah atau tanda hubung, misalnya FK-01', 'Letters, digits, dot, underscore or hyphen, e.g. FK-01'))}
${field(lang, itf, 'name', L(lang, 'Nama barang', 'Item name'), input(itf, 'name', ' maxlength="120" required'))}
${field(lang, itf, 'unit', L(lang, 'Satuan', 'Unit'), select(itf, 'unit', UNITS.map((u) => [u, u] as const)))}
<button type="submit">${L(lang, 'Simpan barang', 'Save item')}</button></form></details>`
    : '';
  return staffPage(shell, {
    title: L(lang, 'Logistik bencana', 'Disaster logistics'),
    path: '/petugas/logistik',
    body: html`<h1>${L(lang, 'Logistik bencana', 'Disaster logistics')}</h1>${flash(d.flash)}
<h2>${L(lang, 'Gudang dan lumbung sosial', 'Warehouses and social depots')}</h2>${warehouses}${forms}
<h2>${L(lang, 'Barang', 'Items')}</h2>${items}
${incidents}`,
  });
}

const expiryBadge = (lang: Lang, e: ExpiryLevel | null): Raw =>
  e === null
    ? html``
    : e === 'expired'
      ? html` <span class="badge sla-late" data-testid="expiry">${L(lang, 'kedaluwarsa', 'expired')}</span>`
      : html` <span class="badge ${e === 30 ? 'sla-at-risk' : 'sla-late'}" data-testid="expiry">≤ ${e} ${L(lang, 'hari', 'days')}</span>`;

function stockTable(lang: Lang, s: WarehouseStock): Raw {
  if (!s.stock.length) return html`<p class="meta" data-testid="stock-empty">${L(lang, 'Gudang ini kosong.', 'This warehouse is empty.')}</p>`;
  return html`<div class="table-wrap"><table class="stack" data-testid="stock"><caption>${L(lang, `Stok per ${s.today}`, `Stock as of ${s.today}`)}</caption><thead><tr><th scope="col">${L(lang, 'Barang', 'Item')}</th><th scope="col">${L(lang, 'Stok', 'On hand')}</th><th scope="col">${L(lang, 'Lot (kedaluwarsa paling awal dulu)', 'Lots (earliest expiry first)')}</th></tr></thead><tbody>${s.stock.map(
    (x) => html`<tr data-code="${x.code}"><td data-label="${L(lang, 'Barang', 'Item')}">${x.code} ${x.name}</td><td data-label="${L(lang, 'Stok', 'On hand')}"><strong data-testid="on-hand">${x.onHand}</strong> ${x.unit}${x.minimum !== null ? html`<br><span class="meta">${L(lang, 'minimum', 'minimum')} ${x.minimum}</span>` : ''}${x.belowMinimum ? html` <span class="badge sla-late" data-testid="below-minimum">${L(lang, 'di bawah minimum', 'below minimum')}</span>` : ''}</td><td data-label="${L(lang, 'Lot', 'Lots')}">${x.lots.map((l) => html`<div>${l.lot}: ${l.onHand} <span class="meta">(${l.expiresOn ? `${L(lang, 's.d.', 'exp.')} ${l.expiresOn}` : L(lang, 'tanpa kedaluwarsa', 'no expiry')}; ${FUNDING_NAMES[l.funding as FundingSource] ?? l.funding})</span>${expiryBadge(lang, l.expiry)}</div>`)}</td></tr>`,
  )}</tbody></table></div>`;
}

function ledgerTable(lang: Lang, rows: (LedgerRow & { atLocal: string })[]): Raw {
  if (!rows.length) return html`<p class="meta">${L(lang, 'Belum ada mutasi.', 'No movements yet.')}</p>`;
  return html`<div class="table-wrap"><table class="stack" data-testid="ledger"><caption>${L(lang, 'Buku persediaan (terbaru dulu; tidak dapat diubah)', 'Stock ledger (newest first; cannot be edited)')}</caption><thead><tr><th scope="col">${L(lang, 'Waktu', 'When')}</th><th scope="col">${L(lang, 'Mutasi', 'Movement')}</th><th scope="col">${L(lang, 'Barang / lot', 'Item / lot')}</th><th scope="col">${L(lang, 'Jumlah', 'Quantity')}</th><th scope="col">${L(lang, 'Petugas, alasan', 'Officer, reason')}</th></tr></thead><tbody>${rows.map(
    (r) => html`<tr><td data-label="${L(lang, 'Waktu', 'When')}">${when(lang, r.atLocal)}</td><td data-label="${L(lang, 'Mutasi', 'Movement')}">${movementName(lang, r.kind)}</td><td data-label="${L(lang, 'Barang / lot', 'Item / lot')}">${r.code} · ${r.lot_code}</td><td data-label="${L(lang, 'Jumlah', 'Quantity')}">${r.quantity > 0 ? `+${r.quantity}` : r.quantity} ${r.unit}</td><td data-label="${L(lang, 'Petugas', 'Officer')}">${r.actor_name}${r.reason ? html`<br><span class="meta">${r.reason}</span>` : ''}</td></tr>`,
  )}</tbody></table></div>`;
}

export interface WarehousePageData {
  stock: WarehouseStock;
  items: Overview['items'];
  incidents: { id: string; title: string; declared: boolean }[];
  ledger: (LedgerRow & { atLocal: string })[];
  releaseGate: string;
  /** A head may set the release condition (logistics.close). */
  mayGate?: boolean;
  documents: { id: string; kind: string; number: string; issuedOn: string }[];
  mayStock: boolean;
  flash: { ok?: string; error?: string };
  receipt?: FormState;
  dispatch?: FormState;
}

export function warehousePage(shell: StaffShell, d: WarehousePageData): string {
  const { lang } = shell;
  const w = d.stock.warehouse;
  const action = withLang(`/petugas/logistik/gudang/${w.id}/mutasi`, lang);
  const items = d.items.map((i) => [i.id, `${i.code} ${i.name} (${i.unit})`] as const);
  const r = { ...(d.receipt ?? { values: { kind: 'receipt', condition: 'baik' }, problems: [] }), prefix: 'r-' };
  const o = { ...(d.dispatch ?? { values: { kind: 'dispatch' }, problems: [] }), prefix: 'd-' };
  const forms = d.mayStock
    ? html`<div class="secondary-form"><h2 id="terima">${L(lang, 'Terima barang (berita acara penerimaan)', 'Receive goods (receipt record)')}</h2>
<form method="post" action="${action}#terima" novalidate data-testid="receipt-form">${csrfField(shell)}<input type="hidden" name="kind" value="receipt">${errorSummary(lang, r.problems)}
${field(lang, r, 'item', L(lang, 'Barang', 'Item'), select(r, 'item', items))}
${field(lang, r, 'quantity', L(lang, 'Jumlah', 'Quantity'), input(r, 'quantity', ' type="number" inputmode="numeric" min="1" max="1000000" required'))}
${field(lang, r, 'lot', L(lang, 'Kode lot (boleh kosong)', 'Lot code (optional)'), input(r, 'lot', ' maxlength="60"'))}
${field(lang, r, 'expiresOn', L(lang, 'Kedaluwarsa (jika ada)', 'Expiry date (if any)'), input(r, 'expiresOn', ' type="date"'))}
${field(lang, r, 'funding', L(lang, 'Sumber dana', 'Funding source'), select(r, 'funding', FUNDING_SOURCES.map((f) => [f, FUNDING_NAMES[f]] as const), '—'))}
${field(lang, r, 'condition', L(lang, 'Keadaan barang', 'Condition'), select(r, 'condition', CONDITIONS.map((c) => [c, L(lang, ...CONDITION_NAMES[c]!)] as const)))}
${field(lang, r, 'handedOverBy', L(lang, 'Yang menyerahkan (nama, instansi)', 'Handed over by (name, body)'), input(r, 'handedOverBy', ' maxlength="200" autocomplete="off"'))}
${field(lang, r, 'receivedBy', L(lang, 'Yang menerima (kosong: Anda)', 'Received by (empty: you)'), input(r, 'receivedBy', ' maxlength="200" autocomplete="off"'))}
<button type="submit">${L(lang, 'Catat penerimaan', 'Record receipt')}</button></form>
<h2 id="keluar">${L(lang, 'Keluarkan, sesuaikan atau hapus barang', 'Dispatch, adjust or write off goods')}</h2>
<form method="post" action="${action}#keluar" novalidate data-testid="dispatch-form">${csrfField(shell)}${errorSummary(lang, o.problems)}
${field(lang, o, 'kind', L(lang, 'Jenis mutasi', 'Movement'), select(o, 'kind', (['dispatch', 'write-off', 'adjustment', 'return'] as const).map((k) => [k, movementName(lang, k)] as const)))}
${field(lang, o, 'item', L(lang, 'Barang', 'Item'), select(o, 'item', items))}
${field(lang, o, 'quantity', L(lang, 'Jumlah', 'Quantity'), input(o, 'quantity', ' type="number" inputmode="numeric" min="-1000000" max="1000000" required'), L(lang, 'Penyesuaian: selisih hitung, misalnya -2 atau 3', 'Adjustment: the counted difference, e.g. -2 or 3'))}
${field(lang, o, 'lot', L(lang, 'Lot (kosong: kedaluwarsa paling awal dulu)', 'Lot (empty: earliest expiry first)'), input(o, 'lot', ' maxlength="60"'))}
${field(lang, o, 'incident', L(lang, 'Untuk kejadian bencana', 'For the disaster incident'), select(o, 'incident', d.incidents.map((x) => [x.id, x.declared ? `${x.title} (${L(lang, 'status tanggap darurat', 'emergency declared')})` : x.title] as const), L(lang, '— tidak ada —', '— none —')))}
${field(lang, o, 'destination', L(lang, 'Tujuan pengiriman (posko; kosong: lokasi kejadian)', 'Destination (posko; empty: the incident’s location)'), input(o, 'destination', ' maxlength="300"'))}
${field(lang, o, 'condition', L(lang, 'Keadaan barang (penghapusan)', 'Condition (write-off)'), select(o, 'condition', CONDITIONS.filter((c) => c !== 'baik').map((c) => [c, L(lang, ...CONDITION_NAMES[c]!)] as const), '—'))}
${field(lang, o, 'witness', L(lang, 'Saksi penghapusan (nama, jabatan)', 'Write-off witness (name, position)'), input(o, 'witness', ' maxlength="200" autocomplete="off"'))}
${field(lang, o, 'reason', L(lang, 'Alasan (wajib untuk penyesuaian dan penghapusan)', 'Reason (required for adjustments and write-offs)'), (attrs) => html`<textarea${attrs} rows="2" maxlength="1000">${o.values.reason ?? ''}</textarea>`)}
<button type="submit">${L(lang, 'Catat mutasi', 'Record movement')}</button></form></div>`
    : '';
  return staffPage(shell, {
    title: w.name,
    path: `/petugas/logistik/gudang/${w.id}`,
    body: html`<p><a href="${withLang('/petugas/logistik', lang)}">← ${L(lang, 'Logistik bencana', 'Disaster logistics')}</a></p>
<h1>${w.name}</h1><p class="meta">${kindName(lang, w.kind)}${w.area ? ` · ${w.area}` : ''}${w.custodian ? ` · ${L(lang, 'penanggung jawab', 'custodian')} ${w.custodian}` : ''} · <span data-testid="release-gate">${gateName(lang, d.releaseGate)}</span></p>${flash(d.flash)}
<p data-testid="alerts">${alertBadges(lang, d.stock.alerts)}</p>
${d.mayGate ? html`<details><summary>${L(lang, 'Atur syarat pengeluaran barang', 'Set the release condition')}</summary><form method="post" action="${withLang(`/petugas/logistik/gudang/${w.id}/syarat`, lang)}" novalidate>${csrfField(shell)}${field(lang, { values: { releaseGate: d.releaseGate }, problems: [], prefix: 'g-' }, 'releaseGate', L(lang, 'Syarat pengeluaran barang', 'Release condition'), select({ values: { releaseGate: d.releaseGate }, problems: [] }, 'releaseGate', RELEASE_GATES.map((g) => [g, gateName(lang, g)] as const)))}<button type="submit">${L(lang, 'Simpan syarat', 'Save condition')}</button></form></details>` : ''}
${stockTable(lang, d.stock)}
${forms}
<h2>${L(lang, 'Mutasi terakhir', 'Recent movements')}</h2>${ledgerTable(lang, d.ledger)}
<h2>${L(lang, 'Berita acara penerimaan dan penghapusan', 'Receipt and write-off records')}</h2>${
      d.documents.length
        ? html`<ul data-testid="documents">${d.documents.map((x) => html`<li><a href="${`/petugas/logistik/gudang/${w.id}/berita-acara/${x.id}.pdf`}">${x.kind === 'penerimaan' ? L(lang, 'Berita acara penerimaan', 'Receipt record') : L(lang, 'Berita acara penghapusan', 'Write-off record')} ${x.number}</a> <span class="meta">${x.issuedOn}</span></li>`)}</ul>`
        : html`<p class="meta">${L(lang, 'Belum ada.', 'None yet.')}</p>`
    }`,
  });
}

/** On a decreed disaster case's page (Jambi distribusi-logistik-bencana, Kukar bantuan-korban-bencana): the way to its incident, for officers who record them. */
export function disasterCaseLink(lang: Lang, serviceSlug: string, caseId: string, mayDistribute: boolean): Raw {
  if (!mayDistribute || !(DISASTER_SERVICES as readonly string[]).includes(serviceSlug)) return html``;
  return html`<p class="no-print" data-testid="disaster-incident-link"><a class="button" href="${withLang(`/petugas/logistik/berkas/${caseId}`, lang)}">${L(lang, 'Logistik bencana: buka atau hubungkan kejadian', 'Disaster logistics: open or link the incident')}</a></p>`;
}
