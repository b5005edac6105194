/**
 * Views of group programmes and quota queues for staff: a programme's groups, the registration form
 * (one fieldset per member, each error beside its field, built for a phone), one group with its
 * members and the next step's form (group SK, disbursement, report), and a period's quota queue.
 * Pure: (shell, data) → HTML; the decree's words verbatim with lang="id".
 */
import type { Group } from '../../db/programme-groups-repo.js';
import type { ProgrammeGroupMembersTable, ProgrammeQueueTable } from '../../db/schema-programme-groups.js';
import type { Problem } from '../../domain/errors.js';
import { GROUP_STATUS_NAMES, OFFICER_ROLES } from '../../domain/programmes/groups.js';
import type { Programme } from '../../domain/programmes/schema.js';
import type { QueuePlace } from '../../usecases/programmes/queue-proposal.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { decree, programmesCrumb, rupiah } from './programmes-views.js';

type Form = { problems?: readonly Problem[]; values?: Record<string, string> };
const ROLE_NAMES: Record<string, [string, string]> = { ketua: ['Ketua', 'Chair'], sekretaris: ['Sekretaris', 'Secretary'], bendahara: ['Bendahara', 'Treasurer'] };
/** RAB lines offered on the form (empty ones are ignored). */
export const RAB_ROWS = 5;

const programmeCrumb = (_lang: Lang, p: Programme) => ({ href: `/petugas/program/${p.slug}`, label: p.name });
const groupsCrumb = (lang: Lang, p: Programme) => ({ href: `/petugas/program/${p.slug}/kelompok`, label: L(lang, 'Kelompok', 'Groups') });

/** One labelled input with its error beside it. */
function input(lang: Lang, problems: readonly Problem[], v: Record<string, string>, o: { name: string; id: string; label: string; type?: string; inputmode?: string; required?: boolean; hint?: string }): Raw {
  return html`<div class="field"><label for="${o.id}">${o.label}</label>${o.hint ? html`<span class="help" id="${o.id}-hint">${o.hint}</span>` : ''}<input id="${o.id}" name="${o.name}"${o.type ? html` type="${o.type}"` : ''}${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.required ? html` required` : ''} autocomplete="off" value="${v[o.name] ?? ''}"${invalidAttrs(problems as Problem[], o.name)}>${fieldError(lang, problems as Problem[], o.name)}</div>`;
}

export function groupsPage(shell: StaffShell, d: { programme: Programme; groups: Group[]; canRegister: boolean; ok?: string }): string {
  const { lang } = shell;
  const p = d.programme;
  const g = p.group!;
  const body = html`<h1>${L(lang, 'Kelompok', 'Groups')}: <span lang="id">${p.name}</span></h1>
${flash({ ok: d.ok })}
<ul><li>${decree(lang, g.size.text)}</li>${g.age ? html`<li>${decree(lang, g.age.text)}</li>` : ''}<li>${decree(lang, g.officersText)}</li><li>${decree(lang, g.groupDecree)}</li><li>${decree(lang, g.report)}</li></ul>
${d.canRegister ? html`<p><a class="button primary" href="${withLang(`/petugas/program/${p.slug}/kelompok/baru`, lang)}">${L(lang, 'Daftarkan kelompok', 'Register a group')}</a></p>` : ''}
${d.groups.length
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-groups" tabindex="0"><table class="queue stack"><caption id="h-groups">${d.groups.length} ${L(lang, 'kelompok', 'groups')}</caption><thead><tr><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">${L(lang, 'Kelurahan', 'Village')}</th><th scope="col">Status</th><th scope="col">${L(lang, 'Tenggat laporan', 'Report due')}</th></tr></thead><tbody>${d.groups.map(
      (x) => html`<tr><td data-label="${L(lang, 'Nama', 'Name')}"><a href="${withLang(`/petugas/program/kelompok/${x.id}`, lang)}">${x.name}</a></td><td data-label="${L(lang, 'Kelurahan', 'Village')}">${x.village}</td><td data-label="Status">${GROUP_STATUS_NAMES[x.status][lang]}</td><td data-label="${L(lang, 'Tenggat laporan', 'Report due')}">${x.report_due ?? '—'}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Belum ada kelompok.', 'No group yet.')}</p>`}`;
  return staffPage(shell, { title: L(lang, 'Kelompok', 'Groups'), path: `/petugas/program/${p.slug}/kelompok`, body, breadcrumbs: [programmesCrumb(lang), programmeCrumb(lang, p)] });
}

/** Member rows offered: the programme's largest group (KUBE 10, RST 15), or those already filled when more. */
export const memberRows = (p: Programme, values: Record<string, string>) => {
  const filled = Object.keys(values).filter((k) => /^members\.\d+\./.test(k)).map((k) => Number(k.split('.')[1]) + 1);
  return Math.min(40, Math.max(p.group?.size.max ?? 10, ...filled));
};

export function registerGroupPage(shell: StaffShell, d: { programme: Programme; today: string } & Form): string {
  const { lang } = shell;
  const p = d.programme;
  const g = p.group!;
  const problems = d.problems ?? [];
  const v: Record<string, string> = { proposalDate: d.today, ...(d.values ?? {}) };
  const rows = memberRows(p, v);
  const memberSet = (i: number) => {
    const f = (k: string) => `members.${i}.${k}`;
    const id = (k: string) => `m${i}-${k}`;
    return html`<fieldset class="day" id="member-${i}"><legend>${L(lang, 'Anggota', 'Member')} ${i + 1}</legend>
${input(lang, problems, v, { name: f('name'), id: id('name'), label: L(lang, 'Nama (kepala keluarga)', 'Name (head of family)') })}
${input(lang, problems, v, { name: f('nik'), id: id('nik'), label: 'NIK', inputmode: 'numeric' })}
${input(lang, problems, v, { name: f('kk'), id: id('kk'), label: L(lang, 'Nomor KK', 'Family card (KK) number'), inputmode: 'numeric' })}
${input(lang, problems, v, { name: f('birthDate'), id: id('birthDate'), label: L(lang, 'Tanggal lahir (kosongkan: dari NIK)', 'Date of birth (empty: from the NIK)'), type: 'date' })}
${g.officers.length
  ? html`<div class="field"><label for="${id('role')}">${L(lang, 'Jabatan', 'Office')}</label><select id="${id('role')}" name="${f('role')}"><option value="">${L(lang, 'Anggota', 'Member')}</option>${OFFICER_ROLES.filter((r) => g.officers.includes(r)).map((r) => html`<option value="${r}"${v[f('role')] === r ? html` selected` : ''}>${L(lang, ...ROLE_NAMES[r]!)}</option>`)}</select>${fieldError(lang, problems as Problem[], f('role'))}</div>`
  : ''}</fieldset>`;
  };
  const body = html`<h1>${L(lang, 'Daftarkan kelompok', 'Register a group')}: <span lang="id">${p.name}</span></h1>
${errorSummary(lang, problems)}
<p>${L(lang, 'Ketentuan keputusan', "The decree's rules")}: ${decree(lang, g.size.text)}${g.age ? html`; ${decree(lang, g.age.text)}` : ''}${g.officers.length ? html`; ${decree(lang, g.officersText)}` : ''}. ${L(lang, 'Usia dihitung pada tanggal usulan.', 'Ages are counted on the proposal date.')}</p>
<form method="post" action="${withLang(`/petugas/program/${p.slug}/kelompok`, lang)}" class="intake" novalidate>${csrfField(shell)}
<fieldset><legend>${L(lang, 'Kelompok', 'Group')}</legend>
${input(lang, problems, v, { name: 'name', id: 'g-name', label: L(lang, 'Nama kelompok', 'Group name'), required: true })}
${g.individualAllowed ? html`<div class="field"><span class="opt"><input type="checkbox" id="g-ind" name="individual" value="on"${v.individual ? html` checked` : ''}><label for="g-ind">${L(lang, 'Perseorangan', 'Individual')}: <span lang="id">${g.individualText}</span></label></span>${fieldError(lang, problems as Problem[], 'individual')}</div>` : ''}
${input(lang, problems, v, { name: 'village', id: 'g-village', label: L(lang, 'Kelurahan', 'Village'), required: true })}
${input(lang, problems, v, { name: 'district', id: 'g-district', label: L(lang, 'Kecamatan', 'District') })}
${input(lang, problems, v, { name: 'business', id: 'g-business', label: L(lang, 'Jenis usaha / kegiatan', 'Business / activity'), required: true })}
${input(lang, problems, v, { name: 'proposalDate', id: 'g-date', label: L(lang, 'Tanggal usulan (proposal)', 'Proposal date'), type: 'date', required: true })}
</fieldset>
<fieldset><legend>${L(lang, 'Rekening kelompok', 'Group account')}</legend>
${input(lang, problems, v, { name: 'account.bank', id: 'g-bank', label: 'Bank', required: true })}
${input(lang, problems, v, { name: 'account.number', id: 'g-accno', label: L(lang, 'Nomor rekening', 'Account number'), inputmode: 'numeric', required: true })}
${input(lang, problems, v, { name: 'account.holder', id: 'g-holder', label: L(lang, 'Atas nama', 'Account holder'), required: true })}
</fieldset>
<h2>${L(lang, 'Anggota', 'Members')}</h2>${fieldError(lang, problems as Problem[], 'members')}
<div class="days">${Array.from({ length: rows }, (_, i) => memberSet(i))}</div>
<fieldset><legend>${L(lang, 'Rencana Anggaran Belanja (RAB)', 'Spending plan (RAB)')}</legend>${fieldError(lang, problems as Problem[], 'rab')}
<p class="meta">${decree(lang, g.amountPerGroup.text)}</p>
${Array.from({ length: RAB_ROWS }, (_, i) => html`<div class="days">${input(lang, problems, v, { name: `rab.${i}.item`, id: `r${i}-item`, label: `${L(lang, 'Uraian', 'Item')} ${i + 1}` })}${input(lang, problems, v, { name: `rab.${i}.amount`, id: `r${i}-amount`, label: `${L(lang, 'Jumlah (Rp)', 'Amount (Rp)')} ${i + 1}`, inputmode: 'numeric' })}</div>`)}
</fieldset>
<button type="submit" class="primary">${L(lang, 'Daftarkan', 'Register')}</button></form>`;
  return staffPage(shell, { title: L(lang, 'Daftarkan kelompok', 'Register a group'), path: `/petugas/program/${p.slug}/kelompok/baru`, body, breadcrumbs: [programmesCrumb(lang), programmeCrumb(lang, p), groupsCrumb(lang, p)] });
}

export function groupPage(shell: StaffShell, d: { group: Group; members: ProgrammeGroupMembersTable[]; canAct: boolean; ok?: string } & Form): string {
  const { lang } = shell;
  const g = d.group;
  const p = g.programme;
  const problems = d.problems ?? [];
  const v = d.values ?? {};
  const step = (action: string, title: string, fields: Raw, button: string) =>
    html`<h2 id="h-step">${title}</h2><form method="post" action="${withLang(`/petugas/program/kelompok/${g.id}/${action}`, lang)}" class="intake" aria-labelledby="h-step" novalidate>${csrfField(shell)}<input type="hidden" name="version" value="${g.version}">${fields}<button type="submit" class="primary">${button}</button></form>`;
  const next =
    !d.canAct
      ? ''
      : g.status === 'proposed'
        ? step('sk', L(lang, 'Catat SK kelompok', "Record the group's decree"), html`<p>${decree(lang, p.group?.groupDecree ?? '')}</p><p class="meta">${L(lang, 'Dicatat, tidak ditandatangani di Sigap.', 'Recorded, not signed in Sigap.')}</p>${input(lang, problems, v, { name: 'number', id: 's-number', label: L(lang, 'Nomor SK', 'Decree number'), required: true })}${input(lang, problems, v, { name: 'date', id: 's-date', label: L(lang, 'Tanggal SK', 'Decree date'), type: 'date', required: true })}`, L(lang, 'Catat SK', 'Record decree'))
        : g.status === 'decreed'
          ? step('pencairan', L(lang, 'Catat pencairan', 'Record the disbursement'), html`${input(lang, problems, v, { name: 'date', id: 'p-date', label: L(lang, 'Tanggal pencairan', 'Disbursement date'), type: 'date', required: true })}${input(lang, problems, v, { name: 'amount', id: 'p-amount', label: L(lang, 'Jumlah (Rp)', 'Amount (Rp)'), inputmode: 'numeric', required: true })}`, L(lang, 'Catat pencairan', 'Record disbursement'))
          : g.status === 'disbursed'
            ? step('laporan', L(lang, 'Catat laporan kelompok', "Record the group's report"), html`${input(lang, problems, v, { name: 'date', id: 'l-date', label: L(lang, 'Tanggal laporan', 'Report date'), type: 'date', required: true })}<div class="field"><label for="l-note">${L(lang, 'Ringkasan laporan', 'Report summary')}</label><textarea id="l-note" name="note" rows="3" maxlength="1000"${invalidAttrs(problems as Problem[], 'note')}>${v.note ?? ''}</textarea>${fieldError(lang, problems as Problem[], 'note')}</div>`, L(lang, 'Catat laporan', 'Record report'))
            : '';
  const body = html`<h1>${g.name}</h1>
${flash({ ok: d.ok })}${errorSummary(lang, problems)}
<dl class="facts">
<div><dt>Status</dt><dd>${GROUP_STATUS_NAMES[g.status][lang]}</dd></div>
<div><dt>${L(lang, 'Program', 'Programme')}</dt><dd lang="id">${p.name}</dd></div>
<div><dt>${L(lang, 'Kelurahan', 'Village')}</dt><dd>${g.village}${g.district ? `, ${g.district}` : ''}</dd></div>
<div><dt>${L(lang, 'Usaha', 'Business')}</dt><dd>${g.business}</dd></div>
<div><dt>${L(lang, 'Tanggal usulan', 'Proposal date')}</dt><dd>${g.proposal_date}</dd></div>
<div><dt>${L(lang, 'Rekening', 'Account')}</dt><dd>${g.account_bank} ${g.account_number} a.n. ${g.account_holder}</dd></div>
<div><dt>${L(lang, 'SK kelompok', 'Group decree')}</dt><dd>${g.decree_number ? `${g.decree_number} (${g.decree_date})` : '—'}</dd></div>
<div><dt>${L(lang, 'Pencairan', 'Disbursement')}</dt><dd>${g.disbursed_on ? `${g.disbursed_on} · ${rupiah(g.disbursed_amount ?? 0)}` : '—'}</dd></div>
<div><dt>${L(lang, 'Tenggat laporan', 'Report due')}</dt><dd>${g.report_due ?? (g.disbursed_on ? L(lang, 'tidak dinyatakan dalam keputusan', 'not stated in the decree') : '—')}</dd></div>
<div><dt>${L(lang, 'Laporan', 'Report')}</dt><dd>${g.reported_on ? html`${g.reported_on}${g.report_due && g.reported_on > g.report_due ? html` <span class="badge late">${L(lang, 'terlambat', 'late')}</span>` : ''}<br>${g.report_note ?? ''}` : '—'}</dd></div>
</dl>
<div class="table-wrap" role="region" aria-labelledby="h-members" tabindex="0"><table class="queue stack"><caption id="h-members">${d.members.length} ${L(lang, 'anggota', 'members')}</caption><thead><tr><th scope="col">No</th><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">KK</th><th scope="col">${L(lang, 'Tanggal lahir', 'Born')}</th><th scope="col">${L(lang, 'Jabatan', 'Office')}</th></tr></thead><tbody>${d.members.map(
    (m) => html`<tr><td data-label="No">${m.position}</td><td data-label="${L(lang, 'Nama', 'Name')}">${m.name}</td><td data-label="NIK">${m.nik}</td><td data-label="KK">${m.kk}</td><td data-label="${L(lang, 'Tanggal lahir', 'Born')}">${m.birth_date ?? '—'}</td><td data-label="${L(lang, 'Jabatan', 'Office')}">${m.role ? L(lang, ...ROLE_NAMES[m.role]!) : L(lang, 'Anggota', 'Member')}</td></tr>`,
  )}</tbody></table></div>
<h2>RAB</h2><ul>${g.rab.map((r) => html`<li>${r.item}: ${rupiah(r.amount)}</li>`)}</ul><p><strong>${L(lang, 'Jumlah', 'Total')}: ${rupiah(g.rab_total)}</strong></p>
${next}`;
  return staffPage(shell, { title: g.name, path: `/petugas/program/kelompok/${g.id}`, body, breadcrumbs: [programmesCrumb(lang), programmeCrumb(lang, p), groupsCrumb(lang, p)] });
}

export function queuePage(shell: StaffShell, d: { programme: Programme; period: string; quota: number | null; entries: (ProgrammeQueueTable & QueuePlace)[]; canManage: boolean; ok?: string } & Form): string {
  const { lang } = shell;
  const p = d.programme;
  const problems = d.problems ?? [];
  const v: Record<string, string> = { period: d.period, quotaPeriod: d.period, ...(d.values ?? {}) };
  const path = `/petugas/program/${p.slug}/antrean`;
  const body = html`<h1>${L(lang, 'Antrean kuota', 'Quota queue')}: <span lang="id">${p.name}</span></h1>
${flash({ ok: d.ok })}${errorSummary(lang, problems)}
<p>${decree(lang, p.quota.text)}</p>
<form method="get" action="${path}" class="filters"><label for="q-period">${L(lang, 'Periode', 'Period')}</label><input id="q-period" name="period" value="${d.period}">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${L(lang, 'Tampilkan', 'Show')}</button></form>
<p><strong>${L(lang, 'Kuota periode', 'Quota for')} ${d.period}: ${d.quota ?? L(lang, 'belum ditetapkan', 'not set yet')}</strong> · ${d.entries.length} ${L(lang, 'usulan dalam antrean', 'proposals queued')}</p>
${d.entries.length
  ? html`<div class="table-wrap" role="region" aria-labelledby="h-queue" tabindex="0"><table class="queue stack"><caption id="h-queue">${L(lang, 'Antrean', 'Queue')} ${d.period}</caption><thead><tr><th scope="col">${L(lang, 'Nomor', 'Position')}</th><th scope="col">${L(lang, 'Nama', 'Name')}</th><th scope="col">NIK</th><th scope="col">${L(lang, 'Segmen', 'Segment')}</th><th scope="col">${L(lang, 'Kuota', 'Quota')}</th></tr></thead><tbody>${d.entries.map(
      (e) => html`<tr><td data-label="${L(lang, 'Nomor', 'Position')}">${e.position}</td><td data-label="${L(lang, 'Nama', 'Name')}">${e.name}</td><td data-label="NIK">${e.nik}</td><td data-label="${L(lang, 'Segmen', 'Segment')}" lang="id">${p.categories.find((c) => c.key === e.category)?.name ?? e.category}</td><td data-label="${L(lang, 'Kuota', 'Quota')}">${e.withinQuota === null ? L(lang, 'kuota belum ditetapkan', 'quota not set') : e.withinQuota ? L(lang, 'dalam kuota', 'within the quota') : L(lang, 'menunggu kuota', 'waiting for quota')}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p>${L(lang, 'Belum ada usulan dalam antrean periode ini.', 'No proposal queued for this period yet.')}</p>`}
${d.canManage
  ? html`<h2 id="h-add">${L(lang, 'Masukkan usulan ke antrean', 'Queue a proposal')}</h2><form method="post" action="${withLang(path, lang)}" class="intake" aria-labelledby="h-add" novalidate>${csrfField(shell)}
${input(lang, problems, v, { name: 'period', id: 'a-period', label: L(lang, 'Periode (tahun atau bulan, 2026-07)', 'Period (year or month, 2026-07)'), required: true })}
${input(lang, problems, v, { name: 'nik', id: 'a-nik', label: 'NIK', inputmode: 'numeric', required: true })}
${input(lang, problems, v, { name: 'name', id: 'a-name', label: L(lang, 'Nama', 'Name'), required: true })}
<div class="field"><label for="a-cat">${L(lang, 'Segmen', 'Segment')}</label><select id="a-cat" name="category">${p.categories.map((c) => html`<option value="${c.key}"${v.category === c.key ? html` selected` : ''}>${c.name}</option>`)}</select>${fieldError(lang, problems as Problem[], 'category')}</div>
${input(lang, problems, v, { name: 'registrationNumber', id: 'a-reg', label: L(lang, 'Nomor registrasi permohonan (bila ada)', 'Application number (if any)') })}
<button type="submit" class="primary">${L(lang, 'Masukkan antrean', 'Queue')}</button></form>
<h2 id="h-quota">${L(lang, 'Tetapkan kuota periode', "Set the period's quota")}</h2><form method="post" action="${withLang(`/petugas/program/${p.slug}/kuota`, lang)}" class="intake" aria-labelledby="h-quota" novalidate>${csrfField(shell)}
${input(lang, problems, v, { name: 'quotaPeriod', id: 'k-period', label: L(lang, 'Periode', 'Period'), required: true })}
${input(lang, problems, v, { name: 'quota', id: 'k-quota', label: L(lang, 'Kuota (jumlah orang)', 'Quota (people)'), inputmode: 'numeric', required: true })}
${input(lang, problems, v, { name: 'note', id: 'k-note', label: L(lang, 'Dasar kuota (surat alokasi)', 'Basis of the quota (allocation letter)'), required: true })}
<button type="submit">${L(lang, 'Simpan kuota', 'Save quota')}</button></form>`
  : ''}`;
  return staffPage(shell, { title: L(lang, 'Antrean kuota', 'Quota queue'), path, body, breadcrumbs: [programmesCrumb(lang), programmeCrumb(lang, p)] });
}

