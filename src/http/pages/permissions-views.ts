/**
 * The permission policy in words: /petugas/hak-akses (each role of the office and what it may do)
 * and the page a staff route answers when the officer's roles do not hold its permission. Pure.
 */
import { EVERY_OFFICER, INTAKE, NUMBERING, PERMISSION_IDS, PERMISSIONS, PROCEDURE, SIGNING, type Grant, type Permission } from '../../domain/staff/permissions.js';
import { L, type Lang } from '../i18n.js';
import { html } from './html.js';
import { staffPage, withLang, type StaffShell } from './layout.js';

export const PERMISSIONS_PATH = '/petugas/hak-akses';

const words = (lang: Lang, p: Permission) => L(lang, PERMISSIONS[p].id, PERMISSIONS[p].en);

/** 403 page: why, in the page's language and the other one, and where to see who may. */
export function refusedPage(shell: StaffShell, o: { words: readonly [string, string]; permission?: Permission; path: string }): string {
  const { lang } = shell;
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const say = (l: Lang) => `${L(l, o.words[0], o.words[1])}.`;
  const body = html`<h1>${L(lang, 'Tidak berwenang', 'Not allowed')}</h1>
<p role="alert" data-testid="refused">${say(lang)}</p>
<p lang="${other}" class="meta">${say(other)}</p>
${o.permission ? html`<p class="meta">${L(lang, 'Hak yang diperlukan', 'Permission needed')}: <code>${o.permission}</code></p>` : ''}
<p><a href="${withLang(PERMISSIONS_PATH, lang)}">${L(lang, 'Lihat hak akses setiap peran', 'See what each role may do')}</a> · <a href="${withLang('/petugas', lang)}">${L(lang, 'Antrean saya', 'My queue')}</a></p>`;
  return staffPage(shell, { title: L(lang, 'Tidak berwenang', 'Not allowed'), path: o.path, body });
}

export interface RoleGrants {
  id: string;
  name: string;
  description?: string;
  grants: { permission: Permission; grant: Grant }[];
}

const grantNote = (lang: Lang, g: Grant) =>
  g === PROCEDURE
    ? L(lang, 'untuk layanan yang salah satu tahapnya dipegang peran ini', 'for services where this role holds a step')
    : g === INTAKE
      ? L(lang, 'untuk layanan yang tahap penerimaannya dipegang peran ini', 'for services where this role holds the intake step')
      : g === SIGNING
        ? L(lang, 'untuk layanan yang tahap tanda tangannya dipegang peran ini', 'for services where this role holds the signing step')
        : g === NUMBERING
          ? L(lang, 'untuk layanan yang tahap penomorannya dipegang peran ini', 'for services where this role holds the numbering step')
          : '';

/** Every role of the office and what it may do beyond what every officer may, the officer's own roles first and open. */
export function permissionsPage(shell: StaffShell, v: { officeName: string; roles: RoleGrants[] }): string {
  const { lang } = shell;
  const mine = (r: RoleGrants) => shell.roles?.includes(r.id) ?? false;
  const ordered = [...v.roles.filter(mine), ...v.roles.filter((r) => !mine(r))];
  const everyone = PERMISSION_IDS.filter((p) => (PERMISSIONS[p].holders as readonly string[]).includes(EVERY_OFFICER));
  const body = html`<h1>${L(lang, 'Hak akses peran', 'Role permissions')}</h1>
<p class="meta">${v.officeName}</p>
<p>${L(
    lang,
    'Setiap peran hanya boleh melakukan yang tercantum di bawah; yang tidak tercantum ditolak. Peran yang memegang tahap prosedur suatu layanan (menurut keputusan standar pelayanan) boleh membuka dan mengerjakan berkas layanan itu. Data pribadi spesifik (kesehatan, disabilitas, anak) dan dokumen unggahan disamarkan (••••) bagi peran lain.',
    'Each role may do only what is listed below; anything else is refused. A role that holds a step of a service’s procedure (as the service standard decree sets it) may open and work that service’s cases. Specific personal data (health, disability, children) and uploaded documents are masked (••••) for other roles.',
  )}</p>
<p>${L(lang, 'Setiap petugas yang masuk boleh', 'Every signed-in officer may')}: ${everyone.map((p, i) => html`${i ? '; ' : ''}${words(lang, p)}`)}.</p>
${ordered.map((r) => {
    const grants = r.grants.filter((g) => g.grant !== 'every-officer');
    return html`<details class="role-grants"${mine(r) ? html` open` : ''}><summary><h2 id="role-${r.id}">${r.name}${mine(r) ? html` <span class="badge sla-on-time">${L(lang, 'peran Anda', 'your role')}</span>` : ''}</h2> <span class="meta">${grants.length} ${L(lang, 'hak', grants.length === 1 ? 'permission' : 'permissions')}</span></summary>
${r.description ? html`<p class="meta">${r.description}</p>` : ''}
${grants.length
  ? html`<ul data-role="${r.id}">${grants.map((g) => html`<li data-permission="${g.permission}">${words(lang, g.permission)}${grantNote(lang, g.grant) ? html` <span class="meta">(${grantNote(lang, g.grant)})</span>` : ''}</li>`)}</ul>`
  : html`<p data-role="${r.id}">${L(lang, 'Tidak ada hak selain yang dimiliki setiap petugas.', 'No permission beyond every officer’s.')}</p>`}</details>`;
  })}`;
  return staffPage(shell, { title: L(lang, 'Hak akses peran', 'Role permissions'), path: PERMISSIONS_PATH, body });
}
