/** Views of the public catalogue: the offices, one office, one service. Pure: (lang, data) → HTML. */
import { DAYS, type Service, type ServiceHours } from '../../domain/standards/schema.js';
import { slaWords, durationWords } from '../../domain/standards/sla-words.js';
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { isEmergencyService } from '../../domain/emergency/index.js';
import { dayName, formatDate, initiatorName, L, productKindName, t, zoneAbbr, type Lang } from '../i18n.js';
import { stepList } from './catalogue-flow-views.js';
import { html, multiline, raw, type Raw } from './html.js';
import { page, withLang } from './layout.js';

export const clock = (lang: Lang, hhmm: string) => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);

export function dayRange(lang: Lang, days: readonly string[]): string {
  const idx = days.map((d) => DAYS.indexOf(d as (typeof DAYS)[number])).sort((a, b) => a - b);
  const contiguous = idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (contiguous && idx.length > 2) return `${dayName(lang, DAYS[idx[0]!]!)}–${dayName(lang, DAYS[idx[idx.length - 1]!]!)}`;
  return idx.map((i) => dayName(lang, DAYS[i]!)).join(', ');
}

/** Hours in force when the office admin has set them (the clock's HoursInForce fits): the decree's words stay quoted beside them. */
export interface ShownHours {
  hours: ServiceHours;
  setting: { reason: string | null } | null;
}

export function hoursBlock(lang: Lang, hours: ServiceHours, timezone: string, set: ShownHours['setting'] = null): Raw {
  const zone = zoneAbbr(timezone);
  return html`${hours.source === 'default' && !set ? html`<p class="notice">${t(lang, 'hoursDefault')}</p>` : ''}
  ${set ? html`<p class="meta">${lang === 'id' ? 'Ditetapkan oleh admin kantor' : 'Set by the office admin'}${set.reason ? `: ${set.reason}` : ''}</p>` : ''}
  ${hours.allDay
    ? html`<p>${t(lang, 'allDay')}</p>`
    : html`<ul class="hours">${hours.week.map(
        (b) => html`<li>${dayRange(lang, b.days)}: ${clock(lang, b.open)}–${clock(lang, b.close)} ${zone}</li>`,
      )}</ul>`}
  ${hours.closedOnHolidays && !hours.allDay ? html`<p class="meta">${t(lang, 'closedHolidays')}</p>` : ''}
  ${hours.source === 'decree' && hours.text ? html`<p class="meta">${lang === 'id' ? 'Menurut keputusan' : 'As decreed'}: “${hours.text}”</p>` : ''}`;
}

/** One way in: a link a newcomer can find without knowing any address, and what it is for. */
interface Way {
  href: string;
  label: string;
  hint: string;
}

function waysIn(lang: Lang, heading: string, ways: Way[]): Raw {
  return html`<section class="ways-in" aria-labelledby="h-ways"><h2 id="h-ways">${heading}</h2>
<ul class="ways">${ways.map((w) => html`<li><a href="${w.href.startsWith('#') ? w.href : withLang(w.href, lang)}">${w.label}</a><span class="meta">${w.hint}</span></li>`)}</ul></section>`;
}

const trackApplication = (lang: Lang): Way => ({
  href: '/lacak',
  label: L(lang, 'Lacak permohonan', 'Track an application'),
  hint: L(lang, 'Dengan nomor registrasi dan kode pelacakan dari tanda terima', 'With the registration number and tracking code on your receipt'),
});
const trackComplaint = (lang: Lang): Way => ({
  href: '/pengaduan',
  label: L(lang, 'Lacak pengaduan', 'Track a complaint'),
  hint: L(lang, 'Dengan nomor dan kode dari tanda terima pengaduan', 'With the number and code on your complaint receipt'),
});

/** "1 service", "20 services"; Indonesian nouns have no plural form. */
const serviceCount = (lang: Lang, n: number) => `${n} ${L(lang, 'layanan', n === 1 ? 'service' : 'services')}`;

/** The address line as printed, with the postal code only when the address does not already end with it. */
const addressOf = (o: { address: string; postalCode?: string | undefined }) =>
  `${o.address}${o.postalCode && !o.address.includes(o.postalCode) ? ` ${o.postalCode}` : ''}`;

export function homePage(lang: Lang, offices: StoredOffice[]): string {
  const choose = L(lang, 'Pilih Dinas Sosial Anda di bawah, lalu layanannya', 'Choose your office below, then its service');
  return page({
    lang,
    title: t(lang, 'offices'),
    path: '/',
    body: html`<h1>${t(lang, 'siteName')}</h1>
<p>${t(lang, 'homeIntro')}</p>
${waysIn(lang, L(lang, 'Apa yang ingin Anda lakukan?', 'What would you like to do?'), [
  { href: '#h-offices', label: L(lang, 'Ajukan permohonan layanan', 'Apply for a service'), hint: choose },
  trackApplication(lang),
  { href: '#h-offices', label: L(lang, 'Sampaikan pengaduan atau saran', 'Send a complaint or suggestion'), hint: L(lang, 'Pilih Dinas Sosial yang Anda adukan di bawah', 'Choose the office concerned below') },
  trackComplaint(lang),
  reportEmergency(lang, '/darurat'),
])}
<h2 id="h-offices">${t(lang, 'offices')}</h2>
<ul class="cards">${offices.map(
      (o) => html`<li><a href="${withLang(`/kantor/${o.office.slug}`, lang)}">${o.office.name}</a>
<p class="meta">${o.office.region.province} · ${zoneAbbr(o.office.timezone)} · ${serviceCount(lang, o.services.length)}</p>
<p class="meta">${o.office.decree.number ? `${L(lang, 'Keputusan Nomor', 'Decree No.')} ${o.office.decree.number}` : t(lang, 'noNumber')}</p></li>`,
    )}</ul>`,
  });
}

/** The way into the public emergency report form (issue 13): a citizen who finds someone in need should not have to search for it. */
function reportEmergency(lang: Lang, href: string) {
  return { href, label: L(lang, 'Laporkan kedaruratan sosial', 'Report a social emergency'), hint: L(lang, 'Orang telantar, anak, lansia atau penyandang disabilitas yang perlu segera ditolong', 'A neglected person, child, older person or person with a disability who needs help now') };
}

export function officePage(lang: Lang, o: StoredOffice, shown?: ShownHours, programmes = 0): string {
  const office = o.office;
  const d = office.decree;
  const body = html`<h1>${office.name}</h1>
<p class="meta">${office.government} · ${addressOf(office)}</p>
${office.contacts.length ? html`<ul class="meta">${office.contacts.map((c) => html`<li>${c.label}${c.value ? `: ${c.value}` : ''}</li>`)}</ul>` : ''}
${waysIn(lang, L(lang, 'Apa yang ingin Anda lakukan?', 'What would you like to do?'), [
  { href: '#h-services', label: L(lang, 'Ajukan permohonan layanan', 'Apply for a service'), hint: L(lang, 'Pilih layanannya di bawah: persyaratan dan cara mengajukan ada di halamannya', 'Choose the service below: its page lists the requirements and how to apply') },
  trackApplication(lang),
  { href: `/kantor/${office.slug}/pengaduan`, label: L(lang, 'Sampaikan pengaduan atau saran', 'Send a complaint or suggestion'), hint: L(lang, 'Anda menerima nomor dan kode untuk melacaknya', 'You get a number and a code to follow it') },
  trackComplaint(lang),
  { href: `/kantor/${office.slug}/survei`, label: L(lang, 'Isi survei kepuasan', 'Answer the satisfaction survey'), hint: L(lang, 'Beberapa pertanyaan singkat tentang pelayanan kami', 'A few short questions about our service') },
  ...o.services.filter((x) => isEmergencyService(x.service)).map((x) => reportEmergency(lang, `/darurat/${office.slug}/${x.service.slug}`)),
  ...(programmes ? [{ href: `/kantor/${office.slug}/program`, label: L(lang, 'Program bantuan: daftar penerima dan cek mandiri', 'Assistance programmes: recipients and self-check'), hint: L(lang, 'Penerima yang ditetapkan dengan SK per periode; cek dengan NIK dan nomor KK', 'Recipients decreed by SK per period; check with your NIK and KK number') }] : []),
])}

<section aria-labelledby="h-services"><h2 id="h-services" tabindex="-1">${t(lang, 'services')} (${o.services.length})</h2>
<ol class="cards">${o.services.map((s) => serviceCard(lang, office.slug, s))}</ol></section>

<section aria-labelledby="h-decree"><h2 id="h-decree">${t(lang, 'decree')}</h2>
<dl class="facts">
<div><dt>${t(lang, 'decreeNo')}</dt><dd>${d.number ?? t(lang, 'noNumber')}</dd></div>
<div><dt>${t(lang, 'decreeDate')}</dt><dd>${d.date ? formatDate(lang, d.date) : '—'}</dd></div>
<div><dt>${t(lang, 'signedBy')}</dt><dd>${d.signer ? html`${d.signer.name}<br>${d.signer.title}${d.signer.rank ? html`<br>${d.signer.rank}` : ''}${d.signer.nip ? html`<br>NIP ${d.signer.nip}` : ''}` : '—'}</dd></div>
</dl>
<p>${d.title}</p>
${d.note ? html`<p class="notice">${d.note}</p>` : ''}
${d.amends.length ? html`<p>${t(lang, 'amends')}: ${d.amends.map((a) => `${a.number}${a.title ? ` (${a.title})` : ''}`).join('; ')}</p>` : ''}
${d.revokes.length ? html`<p>${t(lang, 'revokes')}: ${d.revokes.map((a) => `${a.number}${a.title ? ` (${a.title})` : ''}`).join('; ')}</p>` : ''}
</section>

<section aria-labelledby="h-hours"><h2 id="h-hours">${t(lang, 'hours')}</h2>
${hoursBlock(lang, shown?.hours ?? office.serviceHours, office.timezone, shown?.setting)}</section>

<section aria-labelledby="h-complaints"><h2 id="h-complaints">${t(lang, 'complaints')}</h2>
<ul>${office.complaints.channels.map((c) => html`<li>${c.label}${c.value ? `: ${c.value}` : ''}</li>`)}</ul>
${office.complaints.responsePromise ? html`<p><strong>${t(lang, 'responsePromise')}:</strong> ${office.complaints.responsePromise.text}</p>` : ''}
<p class="actions"><a class="button" href="${withLang(`/kantor/${office.slug}/pengaduan`, lang)}">${L(lang, 'Sampaikan pengaduan atau saran', 'Send a complaint or suggestion')}</a> <a href="${withLang('/pengaduan', lang)}">${L(lang, 'Lacak pengaduan', 'Track a complaint')}</a> <a href="${withLang(`/kantor/${office.slug}/pengaduan/publik`, lang)}">${L(lang, 'Pengaduan yang telah ditanggapi', 'Complaints answered')}</a> <a href="${withLang(`/kantor/${office.slug}/ikm`, lang)}">${L(lang, 'Indeks Kepuasan Masyarakat (IKM)', 'Satisfaction index (IKM)')}</a> <a href="${withLang(`/kantor/${office.slug}/kinerja`, lang)}">${L(lang, 'Kinerja pelayanan', 'Service performance')}</a> <a href="${withLang(`/kantor/${office.slug}/survei`, lang)}">${L(lang, 'Isi survei kepuasan', 'Answer the satisfaction survey')}</a></p>
</section>

${office.maklumat ? html`<section aria-labelledby="h-maklumat"><h2 id="h-maklumat">${t(lang, 'maklumat')}</h2><p>${multiline(office.maklumat)}</p></section>` : ''}
${office.vision ? html`<section aria-labelledby="h-vision"><h2 id="h-vision">${t(lang, 'vision')}</h2><p>${office.vision}</p></section>` : ''}
${office.mission?.length ? html`<section aria-labelledby="h-mission"><h2 id="h-mission">${t(lang, 'mission')}</h2><ol>${office.mission.map((m) => html`<li>${m}</li>`)}</ol></section>` : ''}
${office.motto ? html`<section aria-labelledby="h-motto"><h2 id="h-motto">${t(lang, 'motto')}</h2><p>${office.motto}</p></section>` : ''}
${office.values?.length ? html`<section aria-labelledby="h-values"><h2 id="h-values">${t(lang, 'values')}</h2><ul>${office.values.map((m) => html`<li>${m}</li>`)}</ul></section>` : ''}
${office.codeOfEthics?.length ? html`<section aria-labelledby="h-ethics"><h2 id="h-ethics">${t(lang, 'ethics')}</h2><ol>${office.codeOfEthics.map((m) => html`<li>${m}</li>`)}</ol></section>` : ''}
${office.notes.map((n, i) => html`<section aria-labelledby="h-note-${i}"><h2 id="h-note-${i}">${n.heading}</h2><p>${multiline(n.text)}</p></section>`)}
<p class="office-footer"><a href="${withLang(`/kantor/${office.slug}/privasi`, lang)}">${L(lang, 'Privasi dan data pribadi Anda', 'Privacy and your personal data')}</a></p>
`;
  return page({ lang, title: office.name, path: `/kantor/${office.slug}`, body, breadcrumbs: [{ href: '/', label: t(lang, 'home') }] });
}

/**
 * What a service's standard adds to the facts: further products the decree names, and complaint
 * channels of its own when they differ from the office's. Self-contained: the page places it.
 */
export function serviceExtras(lang: Lang, svc: Service): Raw {
  const id = lang === 'id';
  return html`${svc.otherProducts.length
    ? html`<section aria-labelledby="h-other-products"><h2 id="h-other-products">${id ? 'Produk lain' : 'Other products'}</h2>
<ul>${svc.otherProducts.map((p) => html`<li>${p.text} <span class="meta">(${productKindName(lang, p.kind)}${p.validity ? html` · ${t(lang, 'validity')}: ${durationWords(p.validity.value, p.validity.unit, null, lang)}` : ''})</span></li>`)}</ul></section>`
    : ''}${svc.complaints
    ? html`<section aria-labelledby="h-svc-complaints"><h2 id="h-svc-complaints">${id ? 'Pengaduan untuk layanan ini' : 'Complaints about this service'}</h2>
<ul>${svc.complaints.channels.map((c) => html`<li>${c.label}${c.value ? `: ${c.value}` : ''}</li>`)}</ul></section>`
    : ''}`;
}

function serviceCard(lang: Lang, officeSlug: string, s: StoredService): Raw {
  const svc = s.service;
  return html`<li><a href="${withLang(`/kantor/${officeSlug}/layanan/${svc.slug}`, lang)}">${svc.no}. ${svc.title}</a>
<p class="meta">${svc.sla ? html`${t(lang, 'timeLimit')}: ${slaWords(svc.sla, lang)}` : t(lang, 'notDetailed')}</p>
${svc.product ? html`<p class="meta">${t(lang, 'product')}: ${svc.product.text}</p>` : ''}
${svc.detailed ? html`<p class="meta">${onlineOpen(svc) ? L(lang, 'Dapat diajukan daring atau di loket', 'Apply online or at the counter') : L(lang, 'Diajukan di loket', 'Apply at the counter')}</p>` : ''}</li>`;
}

/** Whether the online form takes applications for this service (as submitApplication decides). */
const onlineOpen = (svc: StoredService['service']) => svc.openForApplications && svc.procedure !== null;

/** How to apply: the online form when it is open, always the counter, and tracking afterwards. */
function howToApply(lang: Lang, office: StoredOffice['office'], svc: StoredService['service'], applyUrl: string): Raw {
  const counter = html`${office.name}, ${addressOf(office)}`;
  return html`<section class="apply" aria-labelledby="h-apply"><h2 id="h-apply">${L(lang, 'Cara mengajukan', 'How to apply')}</h2>
${onlineOpen(svc)
  ? html`<p class="no-print"><a class="button cta" href="${withLang(`/kantor/${office.slug}/layanan/${svc.slug}/ajukan`, lang)}">${L(lang, 'Ajukan permohonan', 'Apply online')}</a></p>
<p class="print-only">${L(lang, 'Ajukan daring', 'Apply online')}: <strong>${applyUrl}</strong></p>
<p>${L(lang, 'Atau datang ke loket', 'Or come to the counter of')} ${counter} ${L(lang, 'pada jam pelayanan, dengan membawa persyaratan di bawah.', 'during service hours, with the requirements below.')}</p>`
  : html`<p>${L(lang, 'Layanan ini tidak diajukan secara daring. Datang ke loket', 'This service is not applied for online. Come to the counter of')} ${counter} ${L(lang, 'pada jam pelayanan, dengan membawa persyaratan di bawah.', 'during service hours, with the requirements below.')}</p>`}
<p class="meta no-print">${L(lang, 'Sudah mengajukan?', 'Already applied?')} <a href="${withLang('/lacak', lang)}">${L(lang, 'Lacak permohonan', 'Track your application')}</a></p></section>`;
}

export interface ServicePageOptions {
  /** The public address of this server, printed on the leaflet in place of the button. */
  publicBaseUrl?: string;
  /** The hours in force (an admin's setting over the decree's), when known. */
  shown?: ShownHours;
}

export function servicePage(lang: Lang, o: StoredOffice, s: StoredService, flowchartSvg: string | null, opts: ServicePageOptions = {}): string {
  const shown = opts.shown;
  const svc = s.service;
  const office = o.office;
  const svcPath = `/kantor/${office.slug}/layanan/${svc.slug}`;
  const roles = new Map(office.roles.map((r) => [r.id, r.name]));
  const groups: { key: string; label: string }[] = [
    { key: 'delivery', label: t(lang, 'groupDelivery') },
    { key: 'manufacturing', label: t(lang, 'groupManufacturing') },
    { key: 'other', label: t(lang, 'groupOther') },
  ];
  const body = !svc.detailed
    ? html`<h1>${svc.no}. ${svc.title}</h1><p class="notice">${t(lang, 'notDetailed')}</p>
<p>${L(lang, 'Untuk keterangan, hubungi', 'For information, contact')} ${office.name}, ${addressOf(office)}.</p>
<p><a href="${withLang(`/kantor/${office.slug}`, lang)}#h-services">${L(lang, 'Layanan lain di kantor ini', 'Other services of this office')}</a></p>`
    : html`<h1>${svc.no}. ${svc.title}</h1>
<p class="meta print-only">${office.name} · ${addressOf(office)}${office.contacts.length ? ` · ${office.contacts.filter((c) => c.value).map((c) => `${c.label}: ${c.value}`).join(' · ')}` : ''}</p>
${svc.heading ? html`<p class="meta">${svc.heading}</p>` : ''}
${svc.unit ? html`<p class="meta">${t(lang, 'unit')}: ${svc.unit}</p>` : ''}
${howToApply(lang, office, svc, `${opts.publicBaseUrl ?? ''}${svcPath}/ajukan`)}
<dl class="facts">
  <div><dt>${t(lang, 'timeLimit')}</dt><dd>${svc.sla ? html`${slaWords(svc.sla, lang)}<br><span class="meta">“${svc.sla.text}”</span>` : '—'}</dd></div>
  <div><dt>${t(lang, 'fee')}</dt><dd>${svc.fee ? html`${svc.fee.amount === 0 ? t(lang, 'free') : `Rp ${svc.fee.amount.toLocaleString('id-ID')}`}<br><span class="meta">“${svc.fee.text}”</span>` : '—'}</dd></div>
  <div><dt>${t(lang, 'product')}</dt><dd>${svc.product ? html`${svc.product.text}<br><span class="meta">${productKindName(lang, svc.product.kind)}${svc.product.validity ? html` · ${t(lang, 'validity')}: ${durationWords(svc.product.validity.value, svc.product.validity.unit, null, lang)}` : ''}</span>` : '—'}</dd></div>
</dl>
${serviceExtras(lang, svc)}
<button class="print-btn no-print" type="button" data-print>${t(lang, 'print')}</button>

<section aria-labelledby="h-req"><h2 id="h-req">${t(lang, 'requirements')}</h2>
<ul class="checklist">${svc.requirements.map((r) => html`<li>${r.label}${r.required ? '' : html` <span class="meta">(${t(lang, 'optional')})</span>`}</li>`)}</ul></section>

<section aria-labelledby="h-flow" class="procedure"><h2 id="h-flow">${t(lang, 'flowchart')}</h2>
${svc.procedure ? stepList(lang, svc.procedure, (id) => roles.get(id) ?? id, svc.sla && svc.sla.value !== null ? slaWords(svc.sla, lang) : null) : ''}
<p class="meta no-print">${t(lang, 'flowchartNote')} <a href="${withLang(`/api/v1/offices/${office.slug}/services/${svc.slug}/flowchart.svg`, lang)}">${t(lang, 'flowchartSvg')}</a></p>
<figure class="flow">${flowchartSvg ? raw(flowchartSvg) : ''}</figure></section>

<section aria-labelledby="h-who" class="who"><h2 id="h-who">${t(lang, 'initiators')}</h2>
<ul>${svc.initiators.map((i) => html`<li>${initiatorName(lang, i)}</li>`)}</ul></section>

<section aria-labelledby="h-hours" class="hours-section"><h2 id="h-hours">${t(lang, 'hours')}</h2>
${hoursBlock(lang, shown?.hours ?? svc.serviceHours ?? office.serviceHours, office.timezone, shown?.setting)}</section>

<section aria-labelledby="h-comp" class="decreed"><h2 id="h-comp">${t(lang, 'components')}</h2>
<p class="meta">${t(lang, 'componentsNote')}</p>
${groups
  .filter((g) => svc.components.some((c) => c.group === g.key))
  .map(
    (g) => html`<h3>${g.label}</h3><table class="components"><tbody>${svc.components
      .filter((c) => c.group === g.key)
      .map((c) => html`<tr><th scope="row">${c.no ? `${c.no}. ` : ''}${c.heading}</th><td lang="id">${multiline(c.text)}</td></tr>`)}</tbody></table>`,
  )}
</section>`;
  return page({
    lang,
    title: svc.title,
    path: svcPath,
    body,
    breadcrumbs: [
      { href: '/', label: t(lang, 'home') },
      { href: `/kantor/${office.slug}`, label: office.name },
    ],
  });
}
