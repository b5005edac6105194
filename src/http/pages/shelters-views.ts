/** Rumah singgah staff pages (occupancy board, stays past the limit, a new shelter, check-in) and the public check of a berita acara: pure views. */
import type { Problem } from '../../domain/errors.js';
import { CATEGORIES, ROOM_CATEGORIES, ROOM_CATEGORY_NAMES, SEX_NAMES, SEXES, SOURCES, SOURCE_NAMES, type StayClock } from '../../domain/shelters/index.js';
import type { Occupancy } from '../../usecases/shelters/show-occupancy.js';
import type { StaySummary } from '../../usecases/shelters/shelters-common.js';
import { L, when, type Lang } from '../i18n.js';
import { errorSummary, fieldError, flash, invalidAttrs } from './components.js';
import { html, raw, type Raw } from './html.js';
import { csrfField, page, staffPage, withLang, type StaffShell } from './layout.js';

const pick = (names: Record<string, [string, string]>, lang: Lang, k: string) => names[k]?.[lang === 'id' ? 0 : 1] ?? k;
export const sexName = (lang: Lang, k: string) => pick(SEX_NAMES, lang, k);
export const roomCategoryName = (lang: Lang, k: string) => pick(ROOM_CATEGORY_NAMES, lang, k);
export const sourceName = (lang: Lang, k: string) => pick(SOURCE_NAMES, lang, k);
export const stayHref = (lang: Lang, id: string) => withLang(`/petugas/rumah-singgah/klien/${id}`, lang);

/** The stay clock in words: the day of the stay and how it stands against the office's limit. */
export function clockBadge(lang: Lang, c: StayClock | null): Raw {
  if (!c) return html`<span class="meta">—</span>`;
  const day = L(lang, `hari ke-${c.daysStayed + 1}`, `day ${c.daysStayed + 1}`);
  const [text, tone] =
    c.state === 'eligible'
      ? [L(lang, `melewati batas ${c.limitDays} hari: dapat diterminasi`, `past the ${c.limitDays}-day limit: eligible for termination`), 'sla-late']
      : c.state === 'warning'
        ? [L(lang, `pengingat hari ke-${c.warnedAtDay}; batas ${c.limitDays} hari`, `day-${c.warnedAtDay} reminder; limit ${c.limitDays} days`), 'sla-at-risk']
        : c.state === 'within'
          ? [L(lang, `dalam batas ${c.limitDays} hari`, `within the ${c.limitDays}-day limit`), 'sla-on-time']
          : [L(lang, 'tanpa batas di standar', 'no limit in the standard'), 'sla-closed'];
  return html`<span class="meta">${day}</span> <span class="badge ${tone}" data-testid="stay-clock" data-state="${c.state}">${text}</span>`;
}

export function occupancyPage(shell: StaffShell, o: Occupancy | null, x: { mayAdmit: boolean; mayManage: boolean; ok?: string; error?: string }): string {
  const { lang } = shell;
  const title = L(lang, 'Rumah singgah', 'Shelter');
  if (!o)
    return staffPage(shell, {
      title,
      path: '/petugas/rumah-singgah',
      body: html`<h1>${title}</h1>${flash(x)}<p>${L(lang, 'Belum ada rumah singgah yang dicatat.', 'No shelter is recorded yet.')}</p>${x.mayManage ? html`<p><a class="button" href="${withLang('/petugas/rumah-singgah/baru', lang)}">${L(lang, 'Catat rumah singgah', 'Record a shelter')}</a></p>` : ''}`,
    });
  const id = o.shelter.id;
  const rooms = o.rooms.map(
    (r) => html`<section aria-labelledby="room-${r.beds[0]?.id ?? r.name}"><h3 id="room-${r.beds[0]?.id ?? r.name}">${r.name} <span class="meta">${sexName(lang, r.sex)} · ${roomCategoryName(lang, r.category)} · ${r.beds.filter((b) => b.stay).length}/${r.beds.length}</span></h3>
<div class="table-wrap"><table class="queue stack" data-testid="room"><thead><tr><th scope="col">${L(lang, 'Tempat tidur', 'Bed')}</th><th scope="col">${L(lang, 'Klien', 'Client')}</th><th scope="col">${L(lang, 'Masa tinggal', 'Stay')}</th></tr></thead><tbody>${r.beds.map(
      (b) => html`<tr data-testid="bed" data-free="${b.stay ? 'no' : 'yes'}"><td data-label="${L(lang, 'Tempat tidur', 'Bed')}">${L(lang, 'No.', 'No.')} ${b.label}</td>
<td data-label="${L(lang, 'Klien', 'Client')}">${b.stay ? html`<a href="${stayHref(lang, b.stay.id)}">${roomCategoryName(lang, b.stay.category)}, ${sexName(lang, b.stay.sex)}</a>` : html`<span class="badge sla-on-time">${L(lang, 'kosong', 'free')}</span>`}</td>
<td data-label="${L(lang, 'Masa tinggal', 'Stay')}">${b.stay ? clockBadge(lang, b.stay.clock) : ''}</td></tr>`,
    )}</tbody></table></div></section>`,
  );
  const others = o.shelters.length > 1 ? html`<p>${L(lang, 'Rumah singgah lain', 'Other shelters')}: ${o.shelters.filter((s) => s.id !== id).map((s) => html`<a href="${withLang(`/petugas/rumah-singgah?shelter=${s.id}`, lang)}">${s.name}</a> `)}</p>` : '';
  return staffPage(shell, {
    title: `${title}: ${o.shelter.name}`,
    path: '/petugas/rumah-singgah',
    body: html`<h1>${o.shelter.name}</h1>${flash(x)}
<p class="meta">${o.shelter.address ?? ''} · ${L(lang, 'Per', 'As of')} ${when(lang, o.nowLocal)}</p>
<dl class="facts" data-testid="occupancy"><div><dt>${L(lang, 'Kapasitas', 'Capacity')}</dt><dd>${o.capacity} ${L(lang, 'tempat tidur', 'beds')}</dd></div><div><dt>${L(lang, 'Terisi', 'Occupied')}</dt><dd data-testid="occupied">${o.occupied}</dd></div><div><dt>${L(lang, 'Kosong', 'Free')}</dt><dd data-testid="free">${o.free}</dd></div><div><dt>${L(lang, 'Batas masa tinggal', 'Stay limit')}</dt><dd>${o.limitDays === null ? L(lang, 'tidak diatur standar', 'not set by the standard') : L(lang, `lebih dari ${o.limitDays} hari`, `more than ${o.limitDays} days`)}</dd></div></dl>
<p>${x.mayAdmit ? html`<a class="button" href="${withLang(`/petugas/rumah-singgah/${id}/masuk`, lang)}">${L(lang, 'Tempatkan klien', 'Check a client in')}</a> ` : ''}<a href="${withLang('/petugas/rumah-singgah/melewati-batas', lang)}">${L(lang, 'Klien melewati batas masa tinggal', 'Stays past the limit')}</a>${x.mayManage ? html` · <a href="${withLang('/petugas/rumah-singgah/baru', lang)}">${L(lang, 'Catat rumah singgah lain', 'Record another shelter')}</a>` : ''}</p>
${others}
${lengthOfStayTable(lang, o)}
<h2>${L(lang, 'Kamar dan tempat tidur', 'Rooms and beds')}</h2>${rooms}
<h2>${L(lang, 'Tanpa tempat tidur (penempatan dengan alasan)', 'Without a bed (placed with a reason)')} (${o.overflow.length})</h2>${staysTable(lang, o.overflow, 'overflow')}
<h2>${L(lang, 'Calon klien menunggu keputusan atau penempatan', 'Intakes awaiting a decision or check-in')} (${o.intakes.length})</h2>
${o.intakes.length ? html`<ul data-testid="intakes">${o.intakes.map((i) => html`<li><a href="${stayHref(lang, i.id)}">${roomCategoryName(lang, i.category)}, ${sexName(lang, i.sex)}</a> · ${sourceName(lang, i.source)} · ${when(lang, i.intakeAtLocal)} · ${i.decision === 'dapat-ditampung' ? L(lang, 'dapat ditampung: tempatkan', 'can be housed: check in') : L(lang, 'menunggu keputusan', 'awaiting decision')}</li>`)}</ul>` : html`<p class="meta">${L(lang, 'Tidak ada.', 'None.')}</p>`}`,
  });
}

/** Median and longest current stay per category: figures only, no names. */
function lengthOfStayTable(lang: Lang, o: Occupancy): Raw {
  const days = (d: number) => d.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return html`<h2 id="h-los">${L(lang, 'Lama tinggal saat ini', 'Current length of stay')}</h2>${
    o.lengthOfStay.length
      ? html`<div class="table-wrap" role="region" aria-labelledby="h-los" tabindex="0"><table class="queue stack" data-testid="length-of-stay"><thead><tr><th scope="col">${L(lang, 'Kategori', 'Category')}</th><th scope="col">${L(lang, 'Klien', 'Clients')}</th><th scope="col">${L(lang, 'Median (hari)', 'Median (days)')}</th><th scope="col">${L(lang, 'Terlama (hari)', 'Longest (days)')}</th></tr></thead><tbody>${o.lengthOfStay.map(
          (x) => html`<tr><td data-label="${L(lang, 'Kategori', 'Category')}">${roomCategoryName(lang, x.category)}</td><td data-label="${L(lang, 'Klien', 'Clients')}">${x.clients}</td><td data-label="${L(lang, 'Median (hari)', 'Median (days)')}">${days(x.medianDays)}</td><td data-label="${L(lang, 'Terlama (hari)', 'Longest (days)')}">${days(x.longestDays)}</td></tr>`,
        )}</tbody></table></div>`
      : html`<p class="meta">${L(lang, 'Tidak ada klien tinggal.', 'No client in residence.')}</p>`
  }`;
}

export function staysTable(lang: Lang, stays: StaySummary[], testid: string): Raw {
  if (!stays.length) return html`<p class="meta" data-testid="${testid}-empty">${L(lang, 'Tidak ada.', 'None.')}</p>`;
  return html`<div class="table-wrap"><table class="queue stack" data-testid="${testid}"><thead><tr><th scope="col">${L(lang, 'Klien', 'Client')}</th><th scope="col">${L(lang, 'Masuk', 'Checked in')}</th><th scope="col">${L(lang, 'Masa tinggal', 'Stay')}</th></tr></thead><tbody>${stays.map(
    (s) => html`<tr data-testid="stay-row"><td data-label="${L(lang, 'Klien', 'Client')}"><a href="${stayHref(lang, s.id)}">${roomCategoryName(lang, s.category)}, ${sexName(lang, s.sex)}</a></td><td data-label="${L(lang, 'Masuk', 'Checked in')}">${when(lang, s.checkedInAtLocal)}</td><td data-label="${L(lang, 'Masa tinggal', 'Stay')}">${clockBadge(lang, s.clock)}${s.eligibleAtLocal ? html`<br><span class="meta">${L(lang, 'dapat diterminasi sejak', 'eligible from')} ${when(lang, s.eligibleAtLocal)}</span>` : ''}</td></tr>`,
  )}</tbody></table></div>`;
}

export function overLimitPage(shell: StaffShell, v: { limitDays: number | null; limitText: string | null; stays: StaySummary[] }): string {
  const { lang } = shell;
  const title = L(lang, 'Klien melewati batas masa tinggal', 'Stays past the limit');
  return staffPage(shell, {
    title,
    path: '/petugas/rumah-singgah/melewati-batas',
    breadcrumbs: [{ href: '/petugas/rumah-singgah', label: L(lang, 'Rumah singgah', 'Shelter') }],
    body: html`<h1>${title}</h1>${v.limitText ? html`<p>${L(lang, 'Standar pelayanan', 'Service standard')}: <q lang="id">${v.limitText}</q></p>` : html`<p>${L(lang, 'Standar pelayanan kantor ini tidak menetapkan batas masa tinggal.', "This office's service standard sets no stay limit.")}</p>`}${staysTable(lang, v.stays, 'over-limit')}`,
  });
}

export interface FormState {
  values: Record<string, string>;
  problems: readonly Problem[];
}

/** A labelled input with its error beside it. */
export function field(lang: Lang, s: FormState, name: string, label: string, attrs = '', hint = ''): Raw {
  return html`<div class="field"><label for="f-${name}">${label}</label>${hint ? html`<p class="hint">${hint}</p>` : ''}${fieldError(lang, s.problems, name)}<input id="f-${name}" name="${name}" value="${s.values[name] ?? ''}"${invalidAttrs(s.problems, name)}${raw(attrs)}></div>`;
}

/** A select with its error beside it. */
export function choice(lang: Lang, s: FormState, name: string, label: string, options: readonly [string, string][]): Raw {
  return html`<div class="field"><label for="f-${name}">${label}</label>${fieldError(lang, s.problems, name)}<select id="f-${name}" name="${name}"${invalidAttrs(s.problems, name)}>${options.map(([v, t]) => html`<option value="${v}"${s.values[name] === v ? ' selected' : ''}>${t}</option>`)}</select></div>`;
}

export const clientFields = (lang: Lang, s: FormState): Raw => html`<fieldset><legend>${L(lang, 'Identitas klien', 'Client')}</legend>
${field(lang, s, 'client.name', L(lang, 'Nama (atau ciri bila belum diketahui)', 'Name (or a description if unknown)'), ' maxlength="200" autocomplete="off"')}
${choice(lang, s, 'client.sex', L(lang, 'Jenis kelamin', 'Sex'), SEXES.map((x) => [x, sexName(lang, x)]))}
${choice(lang, s, 'client.category', L(lang, 'Kategori', 'Category'), CATEGORIES.map((c) => [c, roomCategoryName(lang, c)]))}
${field(lang, s, 'client.nik', L(lang, 'NIK (jika ada)', 'NIK (if any)'), ' inputmode="numeric" maxlength="16" autocomplete="off"')}
${field(lang, s, 'client.birthDate', L(lang, 'Tanggal lahir (jika diketahui)', 'Date of birth (if known)'), ' type="date"')}</fieldset>`;

export function checkInPage(shell: StaffShell, t: { shelterId: string; shelterName: string; beds: { id: string; text: string }[]; intake?: { id: string; text: string } }, s: FormState): string {
  const { lang } = shell;
  const title = L(lang, 'Tempatkan klien', 'Check a client in');
  return staffPage(shell, {
    title,
    path: `/petugas/rumah-singgah/${t.shelterId}/masuk`,
    breadcrumbs: [{ href: '/petugas/rumah-singgah', label: t.shelterName }],
    body: html`<h1>${title}</h1>${errorSummary(lang, s.problems)}<form method="post" action="${withLang(`/petugas/rumah-singgah/${t.shelterId}/masuk`, lang)}" class="intake" novalidate>${csrfField(shell)}
${t.intake ? html`<input type="hidden" name="intake" value="${t.intake.id}"><p>${L(lang, 'Calon klien', 'Intake')}: ${t.intake.text}</p>` : html`${clientFields(lang, s)}
<fieldset><legend>${L(lang, 'Asal', 'Source')}</legend>${choice(lang, s, 'source', L(lang, 'Asal calon klien', 'Where the client comes from'), SOURCES.filter((x) => x !== 'emergency').map((x) => [x, sourceName(lang, x)]))}
${field(lang, s, 'requester', L(lang, 'Instansi/lembaga/warga pemohon', 'Requesting agency or person'), ' maxlength="200"')}</fieldset>`}
<fieldset><legend>${L(lang, 'Tempat tidur', 'Bed')}</legend>
${choice(lang, s, 'bed', L(lang, 'Tempat tidur (kosongkan = yang pertama sesuai)', 'Bed (empty = the first that fits)'), [['', L(lang, 'Otomatis: kosong dan sesuai', 'Automatic: free and fitting')], ...t.beds.map((b) => [b.id, b.text] as [string, string])])}
<div class="field"><label for="f-overrideReason">${L(lang, 'Alasan penempatan di luar aturan (hanya bila tidak ada tempat tidur yang sesuai)', 'Override reason (only when no fitting bed is free)')}</label>${fieldError(lang, s.problems, 'overrideReason')}<textarea id="f-overrideReason" name="overrideReason" rows="2" maxlength="1000"${invalidAttrs(s.problems, 'overrideReason')}>${s.values.overrideReason ?? ''}</textarea></div>
${field(lang, s, 'checkedInAt', L(lang, 'Waktu masuk (kosongkan = sekarang)', 'Check-in time (empty = now)'), ' type="datetime-local"')}</fieldset>
<div class="field"><label for="f-belongings">${L(lang, 'Barang bawaan (satu per baris, "barang; jumlah")', 'Belongings (one per line, "item; quantity")')}</label>${fieldError(lang, s.problems, 'belongings')}<textarea id="f-belongings" name="belongings" rows="3" maxlength="4000">${s.values.belongings ?? ''}</textarea></div>
<button type="submit">${L(lang, 'Tempatkan', 'Check in')}</button></form>`,
  });
}

export function newShelterPage(shell: StaffShell, s: FormState): string {
  const { lang } = shell;
  const title = L(lang, 'Catat rumah singgah', 'Record a shelter');
  const row = (i: number) => html`<fieldset><legend>${L(lang, `Kamar ${i + 1}`, `Room ${i + 1}`)}</legend>
${field(lang, s, `rooms.${i}.name`, L(lang, 'Nama kamar', 'Room name'), ' maxlength="100"')}
${choice(lang, s, `rooms.${i}.sex`, L(lang, 'Untuk', 'For'), [...SEXES, 'any'].map((x) => [x, sexName(lang, x)]))}
${choice(lang, s, `rooms.${i}.category`, L(lang, 'Kategori', 'Category'), ROOM_CATEGORIES.map((c) => [c, roomCategoryName(lang, c)]))}
${field(lang, s, `rooms.${i}.beds`, L(lang, 'Jumlah tempat tidur', 'Number of beds'), ' type="number" min="1" max="50" inputmode="numeric"')}</fieldset>`;
  return staffPage(shell, {
    title,
    path: '/petugas/rumah-singgah/baru',
    breadcrumbs: [{ href: '/petugas/rumah-singgah', label: L(lang, 'Rumah singgah', 'Shelter') }],
    body: html`<h1>${title}</h1>${errorSummary(lang, s.problems)}<form method="post" action="${withLang('/petugas/rumah-singgah/baru', lang)}" class="intake" novalidate>${csrfField(shell)}
${field(lang, s, 'name', L(lang, 'Nama', 'Name'), ' maxlength="200"')}${field(lang, s, 'address', L(lang, 'Alamat', 'Address'), ' maxlength="500"')}
${fieldError(lang, s.problems, 'rooms')}${[0, 1, 2, 3, 4].map(row)}<button type="submit">${L(lang, 'Simpan', 'Save')}</button></form>`,
  });
}

export function handoverCheckPage(lang: Lang, v: { number: string; officeName: string; issuedAtLocal: string; sha256: string } | null): string {
  const title = L(lang, 'Berita acara serah terima klien', 'Client handover record');
  return page({
    lang,
    title,
    path: '/rumah-singgah/berita-acara',
    body: v
      ? html`<h1>${title}</h1><p class="notice" data-testid="handover-valid">${L(lang, 'Terdaftar: berita acara ini diterbitkan oleh', 'Registered: this record was issued by')} ${v.officeName}.</p><dl class="facts"><div><dt>${L(lang, 'Nomor', 'Number')}</dt><dd>${v.number}</dd></div><div><dt>${L(lang, 'Tanggal', 'Date')}</dt><dd>${when(lang, v.issuedAtLocal)}</dd></div><div><dt>SHA-256</dt><dd><code>${v.sha256}</code></dd></div></dl><p class="meta">${L(lang, 'Data klien tidak ditampilkan (data pribadi).', "The client's data is not shown (personal data).")}</p>`
      : html`<h1>${title}</h1><p>${L(lang, 'Berita acara tidak ditemukan.', 'Handover record not found.')}</p>`,
  });
}
