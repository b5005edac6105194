/** An incident page's later parts (pure views): its shipments with their journey and forms, the declared emergency status, the decreed case it serves, and its closure (form or summary). */
import { SHIPMENT_STATE_NAMES, type ShipmentState } from '../../domain/logistics/index.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, withLang, type StaffShell } from './layout.js';
import type { IncidentData } from './logistics-incident-views.js';
import { field, input, select, type FormState } from './logistics-views.js';

export const shipmentStateName = (lang: Lang, s: string) => SHIPMENT_STATE_NAMES[s as ShipmentState]?.[lang === 'id' ? 0 : 1] ?? s;
const EMPTY: FormState = { values: {}, problems: [] };
const textarea = (s: FormState, name: string, rows = 2, max = 1000) => (attrs: Raw) => html`<textarea${attrs} rows="${rows}" maxlength="${max}">${s.values[name] ?? ''}</textarea>`;

/** Each shipment with its journey; while it travels, one form to record the next event (errors beside their fields). */
export function shipmentsSection(shell: StaffShell, d: IncidentData, base: string, may: boolean, forms: { shipment?: { id: string; state: FormState } }): Raw {
  const { lang } = shell;
  if (!d.shipments.length) return html`<p class="meta">${L(lang, 'Belum ada pengiriman.', 'No shipment yet.')}</p>`;
  return html`<ul class="cards" data-testid="shipments">${d.shipments.map((s) => {
    const open = s.state === 'dispatched' || s.state === 'in-transit';
    const f = { ...(forms.shipment?.id === s.id ? forms.shipment.state : { values: { state: s.state === 'dispatched' ? 'in-transit' : 'arrived' }, problems: [] }), prefix: `s${s.id.slice(0, 8)}-` };
    const choices = (s.state === 'dispatched' ? ['in-transit', 'arrived', 'returned'] : ['arrived', 'returned']).map((x) => [x, shipmentStateName(lang, x)] as const);
    return html`<li data-shipment="${s.id}"><strong>${s.code} ${s.name}: ${s.quantity} ${s.unit}</strong> → ${s.destination}<br><span class="meta">${L(lang, 'dari', 'from')} ${s.warehouse}</span> <span class="badge ${s.state === 'returned' ? 'sla-late' : s.state === 'handed-over' ? 'sla-on-time' : 'sla-at-risk'}" data-testid="shipment-state">${shipmentStateName(lang, s.state)}</span>
<ol class="meta">${s.events.map((e) => html`<li>${shipmentStateName(lang, e.state)} · ${when(lang, e.atLocal)} · ${e.by}${e.lat !== null && e.lng !== null ? ` · ${e.lat}, ${e.lng}` : ''}${e.note ? html`<br>${e.note}` : ''}</li>`)}</ol>
${may && open && d.incident.state === 'open'
  ? html`<details${f.problems.length ? ' open' : ''}><summary>${L(lang, 'Catat perjalanan pengiriman ini', 'Record this shipment’s journey')}</summary><form method="post" action="${withLang(`${base}/pengiriman/${s.id}`, lang)}" novalidate>${csrfField(shell)}${errorSummary(lang, f.problems)}
${field(lang, f, 'state', L(lang, 'Keadaan', 'State'), select(f, 'state', choices))}
${field(lang, f, 'at', L(lang, 'Waktu (kosong: sekarang)', 'Time (empty: now)'), input(f, 'at', ' type="datetime-local"'))}
${field(lang, f, 'lat', L(lang, 'Lintang (opsional)', 'Latitude (optional)'), input(f, 'lat', ' inputmode="decimal"'))}
${field(lang, f, 'lng', L(lang, 'Bujur (opsional)', 'Longitude (optional)'), input(f, 'lng', ' inputmode="decimal"'))}
${field(lang, f, 'note', L(lang, 'Catatan (kendaraan, penerima di posko)', 'Note (vehicle, who received it at the posko)'), textarea(f, 'note'))}
${field(lang, f, 'reason', L(lang, 'Alasan pengembalian (wajib bila dikembalikan)', 'Reason for the return (required when returned)'), textarea(f, 'reason'))}
<button type="submit">${L(lang, 'Simpan', 'Save')}</button></form></details>`
  : ''}</li>`;
  })}</ul>`;
}

/** The declared emergency status (what a lumbung's release gate asks for) and its form. */
export function statusSection(shell: StaffShell, d: IncidentData, base: string, may: boolean, form: FormState | undefined): Raw {
  const { lang } = shell;
  const st = d.incident.emergencyStatus as { decree?: string; declaredBy?: string; declaredOn?: string; until?: string } | null;
  const f = { ...(form ?? EMPTY), prefix: 'e-' };
  const shown = st
    ? html`<p data-testid="emergency-status">${L(lang, 'Status tanggap darurat ditetapkan', 'Emergency response status declared')}: ${st.decree} · ${st.declaredBy} · ${st.declaredOn}${st.until ? ` – ${st.until}` : ''}</p>`
    : html`<p class="meta" data-testid="emergency-status">${L(lang, 'Status tanggap darurat belum dicatat (lumbung sosial yang mensyaratkannya belum dapat mengeluarkan barang).', 'No emergency response status recorded (social depots that require it cannot release goods yet).')}</p>`;
  if (!may || d.incident.state !== 'open') return shown;
  return html`${shown}<details${f.problems.length ? ' open' : ''}><summary>${L(lang, 'Catat penetapan status tanggap darurat', 'Record the emergency response declaration')}</summary><form method="post" action="${withLang(`${base}/catatan`, lang)}" novalidate>${csrfField(shell)}<input type="hidden" name="part" value="emergency-status">${errorSummary(lang, f.problems)}
${field(lang, f, 'decree', L(lang, 'Keputusan penetapan (nomor dan judul)', 'Declaring decree (number and title)'), input(f, 'decree', ' maxlength="300"'))}
${field(lang, f, 'declaredBy', L(lang, 'Ditetapkan oleh', 'Declared by'), input(f, 'declaredBy', ' maxlength="200"'), L(lang, 'Misalnya "Wali Kota Jambi" atau "Bupati Kutai Kartanegara"', 'E.g. "Wali Kota Jambi" or "Bupati Kutai Kartanegara"'))}
${field(lang, f, 'declaredOn', L(lang, 'Tanggal penetapan', 'Declared on'), input(f, 'declaredOn', ' type="date"'))}
${field(lang, f, 'until', L(lang, 'Berlaku sampai (jika disebut)', 'Until (if stated)'), input(f, 'until', ' type="date"'))}
<button type="submit">${L(lang, 'Simpan status', 'Save status')}</button></form></details>`;
}

/** The decreed case the incident serves, or a form to link one by its registration number. */
export function caseSection(shell: StaffShell, d: IncidentData, base: string, may: boolean, form: FormState | undefined): Raw {
  const { lang } = shell;
  const c = d.incident.case;
  if (c)
    return html`<p data-testid="incident-case">${L(lang, 'Melayani berkas', 'Serves the case')} <a href="${withLang(`/petugas/berkas/${c.id}`, lang)}">${c.registrationNumber}</a> · ${c.serviceTitle} <span class="meta">(${L(lang, 'jam layanan dan batas waktunya tetap milik berkas itu; serah terima menyelesaikan langkah penyerahan bantuannya', "the case keeps its own clock; a handover completes its aid handover step")})</span></p>`;
  if (!may || d.incident.state !== 'open') return html``;
  const f = { ...(form ?? EMPTY), prefix: 'c-' };
  return html`<details${f.problems.length ? ' open' : ''}><summary>${L(lang, 'Hubungkan ke berkas layanan bantuan bencana', 'Link to a disaster aid case')}</summary><form method="post" action="${withLang(`${base}/berkas`, lang)}" novalidate>${csrfField(shell)}${errorSummary(lang, f.problems)}
${field(lang, f, 'case', L(lang, 'Nomor registrasi berkas', 'Case registration number'), input(f, 'case', ' maxlength="60" autocomplete="off"'))}
<button type="submit">${L(lang, 'Hubungkan', 'Link')}</button></form></details>`;
}

/** Closing: the form for the head (the reason is required when the reconciliation does not balance), or the closure summary. */
export function closureSection(shell: StaffShell, d: IncidentData, base: string, mayClose: boolean, form: FormState | undefined): Raw {
  const { lang } = shell;
  const c = d.incident.closure as { closedAt: string; closedBy: string; balanced: boolean; reason: string | null; handovers: number; victims: number; reconciliation: { code: string; name: string; unit: string; received: number; distributed: number; returned: number; writtenOff: number; outstanding: number }[] } | null;
  if (c)
    return html`<section aria-labelledby="h-closure" data-testid="closure"><h2 id="h-closure">${L(lang, 'Ringkasan penutupan', 'Closure summary')}</h2>
<dl class="facts"><div><dt>${L(lang, 'Ditutup', 'Closed')}</dt><dd>${c.closedAt.slice(0, 10)} · ${c.closedBy}</dd></div><div><dt>${L(lang, 'Rekonsiliasi', 'Reconciliation')}</dt><dd>${c.balanced ? L(lang, 'seimbang', 'balanced') : L(lang, 'tidak seimbang', 'not balanced')}</dd></div><div><dt>${L(lang, 'Serah terima', 'Handovers')}</dt><dd>${c.handovers}</dd></div><div><dt>${L(lang, 'Keluarga penerima', 'Families reached')}</dt><dd>${c.victims}</dd></div>${c.reason ? html`<div><dt>${L(lang, 'Alasan', 'Reason')}</dt><dd>${c.reason}</dd></div>` : ''}</dl>
<ul>${c.reconciliation.map((r) => html`<li>${r.code} ${r.name}: ${L(lang, 'diterima', 'received')} ${r.received} − ${L(lang, 'disalurkan', 'distributed')} ${r.distributed} − ${L(lang, 'dikembalikan', 'returned')} ${r.returned} − ${L(lang, 'dihapus', 'written off')} ${r.writtenOff} = ${r.outstanding} ${r.unit}</li>`)}</ul></section>`;
  if (!mayClose || d.incident.state !== 'open') return html``;
  const open = d.reconciliation.filter((r) => r.outstanding !== 0);
  const f = { ...(form ?? EMPTY), prefix: 'x-' };
  return html`<h2 id="tutup">${L(lang, 'Tutup kejadian', 'Close the incident')}</h2>
<p>${open.length ? L(lang, `Rekonsiliasi belum seimbang: ${open.map((r) => `${r.name} ${r.outstanding} ${r.unit}`).join(', ')} masih di lapangan. Penutupan memerlukan alasan tertulis.`, `The reconciliation does not balance: ${open.map((r) => `${r.name} ${r.outstanding} ${r.unit}`).join(', ')} still in the field. Closing needs a written reason.`) : L(lang, 'Rekonsiliasi seimbang: kejadian dapat ditutup.', 'The reconciliation balances: the incident can be closed.')}</p>
<form method="post" action="${withLang(`${base}/tutup`, lang)}#tutup" novalidate data-testid="close-form">${csrfField(shell)}${errorSummary(lang, f.problems)}
${field(lang, f, 'reason', L(lang, open.length ? 'Alasan penutupan (wajib, paling sedikit 20 huruf)' : 'Catatan penutupan (opsional)', open.length ? 'Reason for closing (required, at least 20 characters)' : 'Closing note (optional)'), textarea(f, 'reason', 3, 2000))}
<button type="submit">${L(lang, 'Tutup kejadian', 'Close the incident')}</button></form>`;
}
