/**
 * Which documents a case produces, and the checks that tie an office's templates to its
 * standard (run by `sigap standards validate` and at start-up). Pure.
 *
 * - A template of kind `document` is drafted when one of its `steps` is completed (forward) in
 *   one of its `services` (berita acara, a second surat pengantar...).
 * - Otherwise, completing a `draft` step of a service whose product has a `letterType` drafts
 *   the service's product letter from its `product` template.
 * - A service with a product letter but no step that drafts it (no draft step, no bound step)
 *   gets it drafted at its sign step, or when the case completes.
 * - A case that ends `rejected` gets a rejection letter from the office's `rejection` template.
 */
import type { Office, Service } from '../standards/schema.js';
import type { Located } from '../standards/validate.js';
import { ANSWER_PREFIX } from './fields.js';
import { checkNumberFormat } from './numbering.js';
import type { LetterTemplate } from './template.js';

function boundTemplates(templates: LetterTemplate[], serviceSlug: string, stepId: string): LetterTemplate[] {
  return templates.filter((t) => t.front.kind === 'document' && t.front.services.includes(serviceSlug) && t.front.steps.includes(stepId));
}

export function productTemplate(templates: LetterTemplate[], service: Service): LetterTemplate | undefined {
  const type = service.product?.letterType;
  if (!type) return undefined;
  return templates.find((t) => t.front.kind === 'product' && t.front.letterType === type && t.front.services.includes(service.slug));
}

export function rejectionTemplate(templates: LetterTemplate[], serviceSlug: string): LetterTemplate | undefined {
  return (
    templates.find((t) => t.front.kind === 'rejection' && t.front.services.includes(serviceSlug)) ??
    templates.find((t) => t.front.kind === 'rejection' && t.front.services.length === 0)
  );
}

/** Templates to draft when `stepId` of `service` is completed with a forward outcome. */
export function templatesForStep(templates: LetterTemplate[], service: Service, stepId: string): LetterTemplate[] {
  const bound = boundTemplates(templates, service.slug, stepId);
  if (bound.length) return bound;
  const step = service.procedure?.steps.find((s) => s.id === stepId);
  if (step?.kind !== 'draft') return [];
  const product = productTemplate(templates, service);
  return product ? [product] : [];
}

/** True when some step of the procedure drafts a document (so completion must not invent one). */
export function hasDraftingStep(templates: LetterTemplate[], service: Service): boolean {
  return (service.procedure?.steps ?? []).some((s) => templatesForStep(templates, service, s.id).length > 0);
}

/** The office's role that signs letters of a template when no procedure step says. */
export function defaultSignerRole(t: LetterTemplate | undefined): string {
  return t?.front.signerRole ?? 'kepala-dinas';
}

const loc = (t: LetterTemplate, key: string) => t.at[key] ?? t.at[key.split('.')[0]!] ?? { line: 1, column: 1 };

/** Cross-file checks: templates against the office's services, roles and number format. */
export function validateTemplateSet(
  office: Office,
  services: Service[],
  templates: LetterTemplate[],
  paths: { serviceFiles?: Record<string, string>; templatesDir?: string; officeFile?: string } = {},
): Located[] {
  const serviceFiles = paths.serviceFiles ?? {};
  const templatesDir = paths.templatesDir ?? 'templates';
  const problems: Located[] = [];
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  const roles = new Set(office.roles.map((r) => r.id));
  for (const t of templates) {
    const at = (key: string) => ({ file: t.file, ...loc(t, key) });
    t.front.services.forEach((slug, i) => {
      const svc = bySlug.get(slug);
      if (!svc) {
        problems.push({ ...at(`services.${i}`), code: 'template-service-unknown', message: `Layanan "${slug}" tidak ada di ${office.slug}`, messageEn: `Service "${slug}" does not exist in ${office.slug}` });
        return;
      }
      if (t.front.kind === 'product' && svc.product?.letterType !== t.front.letterType)
        problems.push({
          ...at(`services.${i}`),
          code: 'template-letter-type',
          message: `Produk layanan "${slug}" berjenis ${svc.product?.letterType ?? '(bukan surat)'}, bukan ${t.front.letterType}`,
          messageEn: `Service "${slug}" has product letter type ${svc.product?.letterType ?? '(none)'}, not ${t.front.letterType}`,
        });
      for (const u of t.uses)
        if (u.path.startsWith(ANSWER_PREFIX)) {
          const input = u.path.slice(ANSWER_PREFIX.length);
          if (!svc.inputs.some((x) => x.id === input))
            problems.push({
              file: t.file,
              line: u.line,
              column: u.column,
              code: 'template-answer-unknown',
              message: `Kolom {{${u.path}}} tidak ada pada formulir layanan "${slug}" (isian: ${svc.inputs.map((x) => x.id).join(', ') || 'tidak ada'})`,
              messageEn: `Field {{${u.path}}} is not on the form of service "${slug}" (inputs: ${svc.inputs.map((x) => x.id).join(', ') || 'none'})`,
            });
        }
    });
    if (t.front.services.length === 0)
      for (const u of t.uses)
        if (u.path.startsWith(ANSWER_PREFIX))
          problems.push({ file: t.file, line: u.line, column: u.column, code: 'template-answer-generic', message: `Templat untuk semua layanan tidak boleh memakai {{${u.path}}}`, messageEn: `A template for every service cannot use {{${u.path}}}` });
    t.front.steps.forEach((stepId, i) => {
      const owners = t.front.services.map((s) => bySlug.get(s)).filter((s): s is Service => !!s && !!s.procedure?.steps.some((x) => x.id === stepId));
      if (owners.length === 0)
        problems.push({ ...at(`steps.${i}`), code: 'template-step-unknown', message: `Langkah "${stepId}" tidak ada pada layanan yang disebut`, messageEn: `Step "${stepId}" is not in any of the listed services` });
    });
    if (t.front.signerRole && !roles.has(t.front.signerRole))
      problems.push({ ...at('signerRole'), code: 'template-role-unknown', message: `Peran "${t.front.signerRole}" tidak dideklarasikan di office.yaml`, messageEn: `Role "${t.front.signerRole}" is not declared in office.yaml` });
  }
  // Ambiguity: one template per product, per bound step, per rejection scope.
  const seen = new Map<string, LetterTemplate>();
  for (const t of templates) {
    const keys =
      t.front.kind === 'product'
        ? t.front.services.map((s) => `product:${s}`)
        : t.front.kind === 'document'
          ? t.front.services.flatMap((s) => t.front.steps.map((st) => `step:${s}:${st}`))
          : t.front.services.length
            ? t.front.services.map((s) => `rejection:${s}`)
            : ['rejection:*'];
    for (const k of keys) {
      const other = seen.get(k);
      if (other)
        problems.push({ file: t.file, ...loc(t, 'kind'), code: 'template-duplicate', message: `Templat ganda untuk ${k.replace(/:/g, ' ')} (juga ${other.file})`, messageEn: `Duplicate template for ${k.replace(/:/g, ' ')} (also ${other.file})` });
      else seen.set(k, t);
    }
  }
  // Coverage: every document product has a template; every rejecting service a rejection letter.
  for (const svc of services) {
    if (!svc.procedure) continue;
    const where = { file: serviceFiles[svc.slug] ?? templatesDir, line: 1, column: 1 };
    if (svc.product?.letterType && !productTemplate(templates, svc) && !templates.some((t) => t.front.kind === 'document' && t.front.services.includes(svc.slug)))
      problems.push({
        ...where,
        code: 'template-missing',
        message: `Produk "${svc.product.letterType}" layanan "${svc.slug}" belum punya templat di ${templatesDir}`,
        messageEn: `Product "${svc.product.letterType}" of service "${svc.slug}" has no template in ${templatesDir}`,
      });
    if (svc.procedure.ends.some((e) => e.kind === 'rejected') && !rejectionTemplate(templates, svc.slug))
      problems.push({ ...where, code: 'template-rejection-missing', message: `Layanan "${svc.slug}" dapat berakhir ditolak tetapi tidak ada templat surat penolakan (kind: rejection)`, messageEn: `Service "${svc.slug}" can end rejected but there is no rejection template (kind: rejection)` });
  }
  const types = [...new Set(templates.map((t) => t.front.letterType))];
  for (const p of checkNumberFormat({ format: office.letterNumbering.format, scope: office.letterNumbering.scope, codes: office.letterNumbering.codes }, types))
    problems.push({ file: paths.officeFile ?? 'office.yaml', line: 1, column: 1, ...p });
  return problems;
}
