/** A service's procedure as a numbered step list: readable on any phone, by a screen reader and on paper. */
import { readingOrder, stepKindName } from '../../domain/procedure/reading-order.js';
import type { Procedure } from '../../domain/standards/schema.js';
import { L, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';

/**
 * Who does each step and where each answer leads, in words. The decree gives one time limit for the
 * whole service, not one per step, so the time is said once above the list rather than invented.
 */
export function stepList(lang: Lang, proc: Procedure, roleName: (id: string) => string, timeLimit: string | null): Raw {
  const steps = readingOrder(proc);
  const number = new Map(steps.map((s, i) => [s.id, i + 1]));
  const ends = new Map(proc.ends.map((e) => [e.id, e]));
  const where = (from: number, next: string): string => {
    const end = ends.get(next);
    if (end) return end.kind === 'completed' ? L(lang, `selesai: ${end.label}`, `done: ${end.label}`) : L(lang, `berhenti: ${end.label}`, `stops: ${end.label}`);
    const to = number.get(next);
    if (to === undefined) return next;
    return to <= from ? L(lang, `kembali ke langkah ${to}`, `back to step ${to}`) : L(lang, `lanjut ke langkah ${to}`, `on to step ${to}`);
  };
  return html`${timeLimit ? html`<p class="meta">${L(lang, 'Seluruh langkah diselesaikan dalam', 'All steps are completed within')} ${timeLimit}.</p>` : ''}
<ol class="steps">${steps.map((s, i) => {
    const n = i + 1;
    const only = s.outcomes.length === 1 ? s.outcomes[0]! : null;
    // A single answer that simply leads to the next number needs no words.
    const plain = only !== null && number.get(only.next) === n + 1;
    const who = s.kind === 'external' && s.external ? s.external : roleName(s.role);
    return html`<li id="langkah-${n}"><p class="step-what">${s.label}</p>
<p class="step-who">${who} · ${stepKindName(s.kind, lang)}</p>${
      plain
        ? ''
        : only
          ? html`<p class="step-next">→ ${capital(where(n, only.next))}</p>`
          : html`<ul class="branches">${s.outcomes.map((o) => html`<li><span class="branch-if">${o.label}</span> → ${where(n, o.next)}</li>`)}</ul>`
    }</li>`;
  })}</ol>`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
