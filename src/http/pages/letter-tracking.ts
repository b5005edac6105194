/** What the letter capability adds to a case's public tracking page. */
import type { ApplicationsTable } from '../../db/schema.js';
import type { Ctx } from '../../usecases/context.js';
import type { Lang } from '../i18n.js';
import { html, type Raw } from './html.js';

export async function letterLinksFor(_ctx: Ctx, _app: ApplicationsTable, _code: string, _lang: Lang): Promise<Raw> {
  return html``;
}
