/** A procedure as people read it: steps numbered along the main path, each kind of step named. */
import type { Procedure, Step } from '../standards/schema.js';

export type Lang = 'id' | 'en';

const KIND_NAMES: Record<Step['kind'], { id: string; en: string }> = {
  intake: { id: 'Penerimaan', en: 'Intake' },
  check: { id: 'Pemeriksaan berkas', en: 'File check' },
  verification: { id: 'Verifikasi', en: 'Verification' },
  'field-visit': { id: 'Kunjungan lapangan', en: 'Field visit' },
  assessment: { id: 'Asesmen', en: 'Assessment' },
  decision: { id: 'Keputusan', en: 'Decision' },
  disposition: { id: 'Disposisi', en: 'Disposition' },
  draft: { id: 'Penyusunan', en: 'Drafting' },
  sign: { id: 'Penandatanganan', en: 'Signing' },
  number: { id: 'Penomoran', en: 'Numbering' },
  deliver: { id: 'Penyerahan', en: 'Delivery' },
  external: { id: 'Menunggu instansi lain', en: 'Waiting on another body' },
  action: { id: 'Pelaksanaan', en: 'Action' },
  report: { id: 'Pelaporan', en: 'Reporting' },
};

export const stepKindName = (kind: string, lang: Lang): string => KIND_NAMES[kind as Step['kind']]?.[lang] ?? kind;

/**
 * The steps in reading order: depth first from the start, forward outcomes before returns and
 * rejections, so the usual path gets consecutive numbers and each branch follows its fork. Steps
 * no path reaches (a data slip the validator reports) still come last rather than disappear.
 */
export function readingOrder(proc: Procedure): Step[] {
  const byId = new Map(proc.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out: Step[] = [];
  const rank = (k: string) => (k === 'forward' ? 0 : k === 'return' ? 1 : 2);
  const visit = (id: string) => {
    const s = byId.get(id);
    if (!s || seen.has(id)) return;
    seen.add(id);
    out.push(s);
    for (const o of [...s.outcomes].sort((a, b) => rank(a.kind) - rank(b.kind))) visit(o.next);
  };
  visit(proc.start);
  for (const s of proc.steps) if (!seen.has(s.id)) out.push(s);
  return out;
}
