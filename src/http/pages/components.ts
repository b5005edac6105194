/** Small view pieces every capability's pages share: clock badges, messages, field errors. Pure. */
import type { Problem } from '../../domain/errors.js';
import { L, slaLabel, slaTone, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';

/** A clock state as a coloured badge (see i18n.ts for the one wording of each state). */
export const slaBadge = (lang: Lang, state: string): Raw => html`<span class="badge ${slaTone(state)}">${slaLabel(lang, state)}</span>`;

/** The message of a problem in the page's language. */
export const say = (lang: Lang, p: Pick<Problem, 'message' | 'messageEn'>) => (lang === 'id' ? p.message : p.messageEn);

/** The box at the top of a form listing what must be fixed (focusable, announced). */
export function errorSummary(lang: Lang, problems: readonly Pick<Problem, 'message' | 'messageEn'>[]): Raw {
  if (!problems.length) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1"><h2>${L(lang, 'Periksa kembali isian Anda', 'Please check your answers')}</h2><ul>${problems.map(
    (p) => html`<li>${say(lang, p)}</li>`,
  )}</ul></div>`;
}

/** The id of the element that carries a field's error message (for aria-describedby). */
export const errorIdOf = (field: string) => `err-${field.replace(/[^a-z0-9]/gi, '-')}`;

/** The error message(s) under one field, or nothing. */
export function fieldError(lang: Lang, problems: readonly Problem[], ...fields: string[]): Raw {
  const p = problems.filter((x) => x.field !== undefined && fields.includes(x.field));
  if (!p.length) return html``;
  return html`<p class="field-error" id="${errorIdOf(fields[0]!)}">${p.map((x) => say(lang, x)).join(' ')}</p>`;
}

/** aria attributes of an input that has an error. */
export function invalidAttrs(problems: readonly Problem[], ...fields: string[]): Raw | '' {
  return problems.some((x) => x.field !== undefined && fields.includes(x.field)) ? html` aria-invalid="true" aria-describedby="${errorIdOf(fields[0]!)}"` : '';
}

/** A one-line message after an action: done (status) or refused (alert). */
export function flash(msg: { ok?: string; error?: string }): Raw {
  return html`${msg.ok ? html`<div class="notice" role="status"><p>${msg.ok}</p></div>` : ''}${msg.error ? html`<div class="error-summary" role="alert"><p>${msg.error}</p></div>` : ''}`;
}
