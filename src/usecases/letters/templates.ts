/** Letter templates for use cases: an office's current set, and a letter's frozen template. */
import { createHash } from 'node:crypto';
import type { LettersTable } from '../../db/schema-letters.js';
import { parseTemplate, type LetterTemplate } from '../../domain/letters/template.js';
import { officeTemplates, type OfficeTemplates } from '../../io/templates-dir.js';

export function templatesOf(officeSlug: string): OfficeTemplates {
  return officeTemplates(officeSlug);
}

const frozen = new Map<string, LetterTemplate>();

/** The template a letter was drafted from, parsed from the text frozen into the letter. */
export function frozenTemplate(letter: Pick<LettersTable, 'template_id' | 'template_source'>): LetterTemplate {
  const key = createHash('sha256').update(letter.template_source).digest('hex');
  let t = frozen.get(key);
  if (!t) {
    const parsed = parseTemplate(`${letter.template_id}.txt`, letter.template_source);
    if (!parsed.template) throw new Error(`frozen template ${letter.template_id} no longer parses: ${parsed.problems[0]?.messageEn}`);
    t = parsed.template;
    if (frozen.size > 500) frozen.clear();
    frozen.set(key, t);
  }
  return t;
}

export const publicBaseUrl = () => (process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
export const verifyUrlOf = (token: string) => `${publicBaseUrl()}/v/${token}`;
