/** What the letter capability adds to a case's public tracking page: the applicant's letters. */
import { lettersOfApplication } from '../../db/letters-repo.js';
import type { ApplicationsTable } from '../../db/schema.js';
import { indonesianDate, englishDate } from '../../domain/letters/dates.js';
import type { Ctx } from '../../usecases/context.js';
import type { Lang } from '../i18n.js';
import { html, type Raw } from './html.js';
import { withLang } from './layout.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

export async function letterLinksFor(ctx: Ctx, app: ApplicationsTable, code: string, lang: Lang): Promise<Raw> {
  const letters = (await lettersOfApplication(ctx.database.db, app.id)).filter((l) => l.status !== 'cancelled' && l.status !== 'draft');
  if (letters.length === 0) return html``;
  const date = (d: string | null) => (d ? (lang === 'id' ? indonesianDate(d) : englishDate(d)) : '');
  const items = letters.map((l) => {
    if (l.status === 'signed')
      return html`<li><a href="${withLang(`/lacak/${app.registration_number}/surat/${l.id}?code=${encodeURIComponent(code)}`, lang)}" data-testid="letter-download">${L(lang, 'Unduh', 'Download')} ${l.title} ${l.number ?? ''} (PDF)</a><br><span class="meta">${L(lang, 'Tanggal', 'Date')} ${date(l.issued_on)}${l.valid_until ? html` · ${L(lang, 'berlaku s.d.', 'valid until')} ${date(l.valid_until)}` : ''} · <a href="/v/${l.token}">${L(lang, 'periksa keaslian', 'verify')}</a></span></li>`;
    if (l.status === 'revoked') return html`<li>${l.title} ${l.number ?? ''}: <strong>${L(lang, 'dicabut', 'revoked')}</strong> — ${l.revocation_reason ?? ''}</li>`;
    return html`<li>${l.title}: ${L(lang, 'sedang menunggu tanda tangan pejabat', 'waiting for the official signature')}</li>`;
  });
  return html`<section aria-labelledby="h-letters"><h2 id="h-letters">${L(lang, 'Surat', 'Letters')}</h2><ul>${items}</ul></section>`;
}
