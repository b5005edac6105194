/** The delegation of signing screen: the form to delegate (head of office only) and the office's delegations. Pure. */
import type { DelegationState } from '../../domain/letters/delegation.js';
import type { DelegationScreen } from '../../usecases/letters/show-delegations.js';
import { L, type Lang } from '../i18n.js';
import { flash } from './components.js';
import { html } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { letterDate, type Flash } from './letters-views.js';

const STATE: Record<DelegationState, [string, string]> = { ended: ['Diakhiri', 'Ended'], past: ['Lewat', 'Past'], upcoming: ['Akan datang', 'Upcoming'], 'in-force': ['Berlaku', 'In force'] };
const stateName = (lang: Lang, s: DelegationState) => L(lang, ...STATE[s]);

export function delegationsPage(shell: StaffShell, screen: DelegationScreen, msg: Flash): string {
  const { lang } = shell;
  const { today } = screen;
  const body = html`<h1>${L(lang, 'Pelimpahan wewenang tanda tangan', 'Signing delegation')}</h1>${flash(msg)}
<p>${L(lang, 'Kepala Dinas dapat melimpahkan penandatanganan surat kepada pejabat lain untuk rentang tanggal tertentu. Surat yang ditandatangani penerima pelimpahan memuat "a.n." (atas nama) atau "Plt." (pelaksana tugas).', 'The head of office can let another officer sign letters for a date range; such letters carry "a.n." (on behalf of) or "Plt." (acting).')}</p>
${screen.mayDelegate
  ? html`<form method="post" action="${withLang('/petugas/surat/delegasi', lang)}" class="intake">${csrfField(shell)}
<div class="field"><label for="f-to">${L(lang, 'Penerima pelimpahan', 'Deputy')}</label><select id="f-to" name="to" required>${screen.deputies.map((s) => html`<option value="${s.id}">${s.displayName} (${s.username})</option>`)}</select></div>
<div class="field"><label for="f-kind">${L(lang, 'Bentuk', 'Kind')}</label><select id="f-kind" name="kind"><option value="a.n.">a.n. (atas nama)</option><option value="Plt.">Plt. (pelaksana tugas)</option></select></div>
<div class="field"><label for="f-start">${L(lang, 'Mulai tanggal', 'From')}</label><input id="f-start" name="startsOn" type="date" required value="${today}"></div>
<div class="field"><label for="f-end">${L(lang, 'Sampai tanggal', 'Until')}</label><input id="f-end" name="endsOn" type="date" required value="${today}"></div>
<div class="field"><label for="f-reason">${L(lang, 'Alasan (mis. dinas luar)', 'Reason (e.g. official travel)')}</label><input id="f-reason" name="reason"></div>
<button type="submit" class="primary">${L(lang, 'Limpahkan', 'Delegate')}</button></form>`
  : html`<p class="meta">${L(lang, 'Hanya Kepala Dinas yang dapat membuat pelimpahan.', 'Only the head of office can delegate.')}</p>`}
<div class="table-wrap" tabindex="0"><table class="queue"><thead><tr><th scope="col">${L(lang, 'Dari', 'From')}</th><th scope="col">${L(lang, 'Kepada', 'To')}</th><th scope="col">${L(lang, 'Bentuk', 'Kind')}</th><th scope="col">${L(lang, 'Rentang', 'Range')}</th><th scope="col">Status</th><th scope="col"></th></tr></thead><tbody>${screen.delegations.map(
    (d) =>
      html`<tr><td>${d.fromName}</td><td>${d.toName}</td><td>${d.kind}</td><td>${letterDate(lang, d.startsOn)} – ${letterDate(lang, d.endsOn)}</td><td>${stateName(lang, d.state)}</td><td>${!d.endedAt && screen.mayDelegate ? html`<form method="post" action="${withLang(`/petugas/surat/delegasi/${d.id}/akhiri`, lang)}" class="inline">${csrfField(shell)}<button type="submit">${L(lang, 'Akhiri', 'End')}</button></form>` : ''}</td></tr>`,
  )}</tbody></table></div>`;
  return staffPage(shell, { title: L(lang, 'Pelimpahan tanda tangan', 'Signing delegation'), path: '/petugas/surat/delegasi', body });
}
