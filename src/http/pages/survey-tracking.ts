/** What the survey capability adds to a case's public tracking page: the link to its one-time survey. */
import type { ApplicationsTable } from '../../db/schema.js';
import type { Ctx } from '../../usecases/context.js';
import { surveyAnswered } from '../../usecases/surveys/survey-answered.js';
import { surveyUrlFor } from '../../usecases/surveys/survey-link.js';
import type { Lang } from '../i18n.js';
import { html, type Raw } from './html.js';
import { withLang } from './layout.js';

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

export async function surveyLinkFor(ctx: Ctx, app: ApplicationsTable, _code: string, lang: Lang): Promise<Raw> {
  if (app.status !== 'completed') return html``;
  if (await surveyAnswered(ctx, app.id))
    return html`<p class="meta" data-testid="survey-answered">${L(lang, 'Terima kasih, Anda sudah mengisi survei kepuasan untuk permohonan ini.', 'Thank you, you have answered the satisfaction survey for this application.')}</p>`;
  const path = await surveyUrlFor(ctx, app.id, null);
  return html`<section aria-labelledby="h-survey" class="receipt"><h2 id="h-survey">${L(lang, 'Bagaimana pelayanan kami?', 'How was our service?')}</h2>
<p>${L(lang, 'Isi Survei Kepuasan Masyarakat (9 pertanyaan, tanpa nama, satu kali). Jawaban Anda membantu kami memperbaiki pelayanan.', 'Answer the satisfaction survey (9 questions, anonymous, once). Your answers help us improve the service.')}</p>
<p><a class="button" data-testid="survey-link" href="${withLang(path, lang)}">${L(lang, 'Isi survei kepuasan', 'Answer the survey')}</a></p></section>`;
}
