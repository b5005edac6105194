/** Views of the registry's proposals (usulan DTKS/DTSEN, PBI-JK): the list with the walk-in form, one proposal with its stage form. Pure. */
import { RECORDABLE_STAGES, STAGE_LABEL, STAGES, type Stage } from '../../domain/registry/proposals.js';
import type { ProposalView } from '../../usecases/registry/proposal-view.js';
import type { ProposalRecord } from '../../usecases/registry/show-proposal.js';
import { L, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { html } from './html.js';
import { csrfField, withLang } from './layout.js';
import { registryPage, type RegistryFrame } from './registry-views.js';

const stageName = (lang: Lang, s: Stage) => STAGE_LABEL[s][lang === 'id' ? 0 : 1];
const kindName = (p: Pick<ProposalView, 'kind'>) => (p.kind === 'pbi-jk' ? 'PBI-JK' : 'DTKS/DTSEN');

/** The office's proposals (filtered by stage), and the form to record a walk-in's proposal. */
export function proposalsPage(f: RegistryFrame, d: { proposals: ProposalView[]; stage?: Stage; canRecord: boolean; error?: string }): string {
  const lang = f.shell.lang;
  const body = html`<p>${L(lang, 'Usulan warga untuk masuk DTKS/DTSEN (dan PBI-JK): dari penerimaan, survei lapangan, finalisasi di SIKS-NG (dengan nomor usulan) sampai keputusan kementerian; terkonfirmasi otomatis ketika snapshot berikutnya memuat warga tersebut.', 'Proposals of residents for DTKS/DTSEN (and PBI-JK): from intake, field survey, finalisation in SIKS-NG (with its reference) to the ministry’s decision; confirmed automatically when a later snapshot lists the person.')}</p>
${flash({ error: d.error })}
<form method="get" action="/petugas/registri/usulan" class="filters"><label for="f-stage">${L(lang, 'Tahap', 'Stage')}</label><select id="f-stage" name="tahap"><option value="">${L(lang, 'Semua', 'All')}</option>${STAGES.map((k) => html`<option value="${k}"${d.stage === k ? html` selected` : ''}>${stageName(lang, k)}</option>`)}</select>${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${L(lang, 'Saring', 'Filter')}</button></form>
<div class="table-wrap" tabindex="0" role="region" aria-label="${L(lang, 'Daftar usulan', 'Proposals')}"><table class="queue"><caption>${d.proposals.length} ${L(lang, 'usulan', 'proposals')}</caption><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Jenis', 'Kind')}</th><th scope="col">${L(lang, 'Tahap', 'Stage')}</th><th scope="col">SIKS-NG</th><th scope="col">${L(lang, 'Dibuka', 'Opened')}</th></tr></thead><tbody>${d.proposals.map(
    (p) => html`<tr><td><a href="${withLang(`/petugas/registri/usulan/${p.id}`, lang)}">${p.name}</a></td><td>${p.nik}</td><td>${kindName(p)}</td><td>${stageName(lang, p.stage)}</td><td>${p.siksngReference ?? '—'}</td><td>${f.time(p.openedAt)}</td></tr>`,
  )}</tbody></table></div>
${d.canRecord
  ? html`<h2>${L(lang, 'Catat usulan baru', 'Record a new proposal')}</h2><form method="post" action="${withLang('/petugas/registri/usulan', lang)}" class="intake">${csrfField(f.shell)}
<div class="field"><label for="p-nik">NIK</label><input id="p-nik" name="nik" inputmode="numeric" required></div>
<div class="field"><label for="p-kk">${L(lang, 'No. KK', 'KK number')}</label><input id="p-kk" name="kk" inputmode="numeric"></div>
<div class="field"><label for="p-name">${L(lang, 'Nama', 'Name')}</label><input id="p-name" name="name" required></div>
<div class="field"><label for="p-kind">${L(lang, 'Jenis usulan', 'Kind')}</label><select id="p-kind" name="kind"><option value="dtks">DTKS/DTSEN</option><option value="pbi-jk">PBI-JK</option></select></div>
<div class="field"><label for="p-note">${L(lang, 'Catatan', 'Note')}</label><textarea id="p-note" name="note" rows="2"></textarea></div>
<button type="submit">${L(lang, 'Catat usulan', 'Record proposal')}</button></form>`
  : ''}`;
  return registryPage(f, L(lang, 'Usulan DTKS/DTSEN', 'DTKS/DTSEN proposals'), '/petugas/registri/usulan', body);
}

/** One proposal: its facts, its history, and the form to record its next stage while it is open. */
export function proposalPage(f: RegistryFrame, r: ProposalRecord, error?: string): string {
  const lang = f.shell.lang;
  const p = r.proposal;
  const body = html`${flash({ error })}
<dl class="facts"><div><dt>${L(lang, 'Nama', 'Name')}</dt><dd>${p.name}</dd></div><div><dt>NIK</dt><dd>${p.nik}</dd></div><div><dt>${L(lang, 'Jenis', 'Kind')}</dt><dd>${kindName(p)}</dd></div>
<div><dt>${L(lang, 'Tahap', 'Stage')}</dt><dd><strong>${stageName(lang, p.stage)}</strong></dd></div><div><dt>${L(lang, 'Nomor usulan SIKS-NG', 'SIKS-NG reference')}</dt><dd>${p.siksngReference ?? html`<span class="meta">${L(lang, 'belum dicatat', 'not recorded yet')}</span>`}</dd></div><div><dt>${L(lang, 'Berkas', 'Case')}</dt><dd>${r.application ? html`<a href="${withLang(`/petugas/berkas/${r.application.id}`, lang)}">${r.application.registrationNumber}</a>` : '—'}</dd></div></dl>
<h2>${L(lang, 'Riwayat', 'History')}</h2><ol class="timeline">${r.events.map((e) => html`<li><time datetime="${e.at}">${f.time(e.at)}</time> · <strong>${stageName(lang, e.stage)}</strong> · ${e.actorName}${e.note ? html`<br>${e.note}` : ''}</li>`)}</ol>
${r.canRecord
  ? html`<h2>${L(lang, 'Catat tahap', 'Record a stage')}</h2><form method="post" action="${withLang(`/petugas/registri/usulan/${p.id}`, lang)}" class="intake">${csrfField(f.shell)}<input type="hidden" name="version" value="${p.version}">
<div class="field"><label for="s-stage">${L(lang, 'Tahap', 'Stage')}</label><select id="s-stage" name="stage">${RECORDABLE_STAGES.map((k) => html`<option value="${k}">${stageName(lang, k)}</option>`)}</select></div>
<div class="field"><label for="s-siks">${L(lang, 'Nomor/ID usulan SIKS-NG (wajib untuk finalisasi)', 'SIKS-NG proposal reference (required to finalise)')}</label><input id="s-siks" name="siksngReference" value="${p.siksngReference ?? ''}"></div>
<div class="field"><label for="s-min">${L(lang, 'Nomor keputusan/rujukan kementerian', 'Ministry decision reference')}</label><input id="s-min" name="ministryReference"></div>
<div class="field"><label for="s-note">${L(lang, 'Catatan / alasan', 'Note / reason')}</label><textarea id="s-note" name="note" rows="2"></textarea></div>
<button type="submit" class="primary">${L(lang, 'Simpan', 'Save')}</button></form>`
  : ''}`;
  return registryPage(f, L(lang, 'Usulan', 'Proposal'), '/petugas/registri/usulan', body);
}
