/**
 * DOMAIN.md §8's lints on the decree's own text (wrong title or year of a cited regulation, a revoked
 * one, a stale budget year, a missing annex) for the evaluation page, beside `sigap standards lint`'s
 * other findings. Reads decree.txt and standards/regulations.yaml once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredOffice } from '../../db/standards-repo.js';
import { lintDecreeText } from '../../domain/standards/lint-regulations.js';
import { loadRegulations } from '../../io/regulations-file.js';
import type { Ctx } from '../context.js';
import type { DecreeLint } from './read-decree-lints.js';

// Keyed by office folder within this ctx's caches: the files are the deployment's, read at first use.
const cache = new WeakMap<object, Map<string, DecreeLint[]>>();

export function readDecreeTextLints(ctx: Pick<Ctx, 'standardsDir' | 'caches'>, office: StoredOffice): DecreeLint[] {
  let byOffice = cache.get(ctx.caches);
  if (!byOffice) cache.set(ctx.caches, (byOffice = new Map()));
  const slug = office.office.slug;
  const hit = byOffice.get(slug);
  if (hit) return hit;
  const path = join(ctx.standardsDir, slug, 'decree.txt');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const lints = text
    ? lintDecreeText(text, loadRegulations(ctx.standardsDir).regulations, { decreeDate: office.office.decree.date }).map((l) => ({
        service: null,
        code: l.code,
        text: { id: `${l.message} (decree.txt baris ${l.lines.join(', ')})`, en: `${l.messageEn} (decree.txt line${l.lines.length > 1 ? 's' : ''} ${l.lines.join(', ')})` },
      }))
    : [];
  byOffice.set(slug, lints);
  return lints;
}
