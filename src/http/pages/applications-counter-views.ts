/** Views of the counter: choose a service, register its intake, print the receipt. Pure: (shell, data) → HTML. */
import type { StoredService } from '../../db/standards-repo.js';
import type { Office, Service } from '../../domain/standards/schema.js';
import type { Receipt } from '../../usecases/applications/show-receipt.js';
import type { CaseListItem } from '../../usecases/applications/search-cases.js';
import { dataContactOf } from './components.js';
import { duplicateWarning } from './applications-search-views.js';
import { receiptBody } from './applications-public-views.js';
import { L } from '../i18n.js';
import { intakeForm, type FormState } from './applications-intake-views.js';
import { html } from './html.js';
import { staffPage, withLang, type StaffShell } from './layout.js';

export function counterServicesPage(shell: StaffShell, services: StoredService[]): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Daftarkan permohonan', 'Register application'),
    path: '/petugas/daftar-baru',
    body: html`<h1>${L(lang, 'Daftarkan permohonan di loket', 'Register an application at the counter')}</h1><ul class="cards">${services
      .filter((s) => s.service.openForApplications)
      .map((s) => html`<li><a href="${withLang(`/petugas/daftar-baru?layanan=${s.service.slug}`, lang)}">${s.service.no}. ${s.service.title}</a></li>`)}</ul>`,
  });
}

export function counterFormPage(shell: StaffShell, svc: Service, state: FormState, office: Office, title: 'register' | 'retry', duplicates: readonly CaseListItem[] = []): string {
  const { lang } = shell;
  const warning = duplicates.length
    ? html`${duplicateWarning(lang, duplicates)}<p class="no-print"><strong>${L(lang, 'Centang kotak di bawah formulir bila tetap akan didaftarkan.', 'Tick the box below the form to register it anyway.')}</strong></p>`
    : '';
  const action = withLang(`/petugas/daftar-baru?layanan=${svc.slug}`, lang);
  return staffPage(shell, {
    title: title === 'register' ? L(lang, 'Daftarkan permohonan', 'Register application') : svc.title,
    path: '/petugas/daftar-baru',
    body: html`<h1>${title === 'register' ? html`${L(lang, 'Daftarkan', 'Register')}: ${svc.title}` : svc.title}</h1>${warning}${intakeForm(lang, svc, state, {
      action,
      staff: true,
      csrf: shell.csrf,
      regionName: office.region.name,
      privacy: dataContactOf(office),
      confirmDuplicate: duplicates.length > 0,
    })}`,
  });
}

export function counterReceiptPage(shell: StaffShell, r: Receipt): string {
  const { lang } = shell;
  return staffPage(shell, {
    title: L(lang, 'Tanda terima', 'Receipt'),
    path: '/petugas/daftar-baru',
    body: html`<h1 class="no-print">${L(lang, 'Permohonan terdaftar', 'Application registered')}</h1>${receiptBody(lang, r)}<p class="no-print"><a href="${withLang(`/petugas/berkas/${r.id}`, lang)}">${L(lang, 'Buka berkas', 'Open case')}</a> · <a href="${withLang('/petugas/daftar-baru', lang)}">${L(lang, 'Daftarkan permohonan lain', 'Register another application')}</a></p>`,
  });
}
