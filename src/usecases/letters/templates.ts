/**
 * Letter templates for use cases: an office's current set, and a letter's frozen template; and
 * the public address a letter's QR code and verification link point to.
 */
import { createHash } from 'node:crypto';
import type { Letter } from '../../db/letters-repo.js';
import { parseTemplate, type LetterTemplate } from '../../domain/letters/template.js';
import { readOfficeTemplates, type OfficeTemplates } from '../../io/templates-dir.js';
import type { Ctx } from '../context.js';

/** An office's templates and logo, read from the product's standards folder at first use. */
export function templatesOf(ctx: Pick<Ctx, 'standardsDir' | 'caches'>, officeSlug: string): OfficeTemplates {
  let found = ctx.caches.letterTemplates.get(officeSlug);
  if (!found) {
    found = readOfficeTemplates(ctx.standardsDir, officeSlug);
    ctx.caches.letterTemplates.set(officeSlug, found);
  }
  return found;
}

// Module-level on purpose: keyed by the SHA-256 of the frozen text, a parse can never go stale
// and is the same for every product in the process.
const frozen = new Map<string, LetterTemplate>();

/** The template a letter was drafted from, parsed from the text frozen into the letter. */
export function frozenTemplate(letter: Pick<Letter, 'template_id' | 'template_source'>): LetterTemplate {
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

/** Where anyone checks a letter: printed on it (text and QR) and linked from the archive. */
export const verifyUrlOf = (ctx: Pick<Ctx, 'publicBaseUrl'>, token: string) => `${ctx.publicBaseUrl}/v/${token}`;
