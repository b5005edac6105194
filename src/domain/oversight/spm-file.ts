/**
 * Validates an office's SPM mapping (standards/<office>/spm.yaml): which services, ending how,
 * count towards which of the five kab/kota indicators, each with the decree's words it rests on.
 * Every problem at file:line:column in both languages. Pure: the caller reads the file.
 */
import { z } from 'zod';
import type { Service } from '../standards/schema.js';
import { check, locate, parse, type Located, type SourceFile } from '../standards/validate.js';
import { SPM_INDICATORS, type SpmCode, type SpmMapping } from './spm.js';

const codes = SPM_INDICATORS.map((i) => i.code) as [SpmCode, ...SpmCode[]];

const SpmFile = z
  .object({
    mappings: z
      .array(
        z
          .object({
            service: z.string().min(1).max(100),
            indicator: z.enum(codes),
            ends: z.array(z.string().min(1).max(100)).min(1).max(20),
            // The decree's words the line rests on (copied exactly; docs/STANDARDS-FORMAT.md).
            source: z.string().min(10).max(2000),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

export function validateSpmFile(file: SourceFile, services: readonly Service[]): { mapping: SpmMapping[]; problems: Located[] } {
  const problems: Located[] = [];
  const parsed = parse(file, problems);
  const data = parsed ? check(parsed, SpmFile, problems) : null;
  if (!parsed || !data) return { mapping: [], problems };
  const at = (path: (string | number)[], code: string, message: string, messageEn: string) => problems.push({ file: file.path, ...locate(parsed, path), code, message, messageEn });
  const seen = new Set<string>();
  data.mappings.forEach((m, i) => {
    const svc = services.find((s) => s.slug === m.service);
    if (!svc) return at(['mappings', i, 'service'], 'unknown-ref', `layanan tidak dikenal di kantor ini: ${m.service}`, `unknown service in this office: ${m.service}`);
    if (seen.has(m.service)) at(['mappings', i, 'service'], 'duplicate-service', `layanan dipetakan dua kali: ${m.service} (satu layanan satu indikator)`, `service mapped twice: ${m.service} (one indicator per service)`);
    seen.add(m.service);
    const ends = svc.procedure?.ends ?? [];
    m.ends.forEach((e, j) => {
      const end = ends.find((x) => x.id === e);
      if (!end) at(['mappings', i, 'ends', j], 'unknown-end', `akhir prosedur tidak dikenal pada ${m.service}: ${e}`, `unknown procedure end of ${m.service}: ${e}`);
      else if (end.kind !== 'completed') at(['mappings', i, 'ends', j], 'end-not-delivered', `akhir "${e}" bukan layanan yang diberikan (${end.kind})`, `end "${e}" is not a delivered service (${end.kind})`);
    });
  });
  return { mapping: problems.length ? [] : data.mappings.map((m) => ({ service: m.service, indicator: m.indicator, ends: m.ends })), problems };
}
