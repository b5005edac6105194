/**
 * Decree lints from DOMAIN.md §8 that read the decree's own text (issue 15 §6), pure: a cited
 * regulation with a wrong title or year or one that was revoked (checked against the known facts in
 * standards/regulations.yaml, each with its source), a budget (DPA) year older than the decree, and
 * a service list longer than the annexes that carry one service each.
 */
import { z } from 'zod';
import { check, parse, type Located, type SourceFile } from './validate.js';

export type RegulationLintCode = 'wrong-title' | 'wrong-year' | 'revoked-regulation' | 'stale-budget-year' | 'missing-annex';

const RegulationsFile = z
  .object({
    regulations: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]{3,60}$/),
            kind: z.string().min(2).max(100),
            number: z.number().int().min(1).max(10000),
            year: z.number().int().min(1945).max(2100),
            title: z.string().min(3).max(300),
            revokedBy: z.string().min(5).max(300).optional(),
            source: z.string().min(10).max(2000),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();

export type RegulationFact = z.infer<typeof RegulationsFile>['regulations'][number];

export function validateRegulationsFile(file: SourceFile): { regulations: RegulationFact[]; problems: Located[] } {
  const problems: Located[] = [];
  const parsed = parse(file, problems);
  const data = parsed ? check(parsed, RegulationsFile, problems) : null;
  return { regulations: data?.regulations ?? [], problems };
}

export interface DecreeLint {
  code: RegulationLintCode;
  /** 1-based lines of decree.txt where it is found (the first is the warning's line). */
  lines: number[];
  message: string;
  messageEn: string;
}

const norm = (s: string) => s.toLowerCase().replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const words = (s: string) => s.trim().split(/[\s-]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]+');
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function roman(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    n += i + 1 < s.length && ROMAN[s[i + 1]!]! > v ? -v : v;
  }
  return n;
}

/** The citations of one regulation (kind and number, any year) in a line, with the year and the words after "tentang". */
function citations(line: string, r: RegulationFact): { year: number; about: string; quoted: string }[] {
  // "Undang-Undang Republik Indonesia Nomor 11 Tahun 2009 tentang …", "Undang Undang Nomor : 11 Tahun 2009 Tentang …", "Undang-Undang No 11 Tahun 2019 tentang …"
  const re = new RegExp(`${words(r.kind)}(?:\\s+(?:Republik\\s+Indonesia|RI))?\\s+(?:Nomor|No\\.?)\\s*:?\\s*0*${r.number}\\s+Tahun\\s+(\\d{4})\\s+tentang\\s+([^;]{0,200})`, 'gi');
  return [...line.matchAll(re)].map((m) => ({ year: Number(m[1]), about: norm(m[2]!), quoted: m[2]!.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) }));
}

export function lintDecreeText(decreeText: string, facts: readonly RegulationFact[], o: { decreeDate: string | null }): DecreeLint[] {
  const lines = decreeText.split('\n');
  const found = new Map<string, DecreeLint>();
  const add = (key: string, line: number, l: Omit<DecreeLint, 'lines'>) => {
    const f = found.get(key);
    if (f) f.lines.push(line);
    else found.set(key, { ...l, lines: [line] });
  };
  lines.forEach((text, i) => {
    const n = i + 1;
    for (const r of facts) {
      const cite = `${r.kind} Nomor ${r.number} Tahun ${r.year}`;
      for (const c of citations(text, r)) {
        const titled = c.about.startsWith(norm(r.title));
        if (c.year === r.year && !titled)
          add(`title:${r.id}`, n, { code: 'wrong-title', message: `${cite} dikutip dengan judul yang salah ("tentang ${c.quoted}…"); judulnya: "${r.title}"`, messageEn: `${cite} is cited with a wrong title ("tentang ${c.quoted}…"); its title is "${r.title}"` });
        if (c.year !== r.year && titled)
          add(`year:${r.id}:${c.year}`, n, { code: 'wrong-year', message: `${r.kind} Nomor ${r.number} tentang ${r.title} dikutip bertahun ${c.year}; tahunnya ${r.year}`, messageEn: `${r.kind} Nomor ${r.number} on ${r.title} is cited as of ${c.year}; it is of ${r.year}` });
        if (c.year === r.year && r.revokedBy)
          add(`revoked:${r.id}`, n, { code: 'revoked-regulation', message: `${cite} tentang ${r.title} dikutip sebagai dasar hukum, padahal sudah dicabut oleh ${r.revokedBy}`, messageEn: `${cite} on ${r.title} is cited as a legal basis, but it was revoked by ${r.revokedBy}` });
      }
    }
    // "dibebankan pada Dokumen Pelaksanaan Anggaran … Tahun 2023" in a decree of 2024.
    const dpa = /Dokumen\s+Pelaksanaan\s+Anggaran[^;.]{0,200}?Tahun(?:\s+Anggaran)?\s+(\d{4})/i.exec(text);
    const decreeYear = o.decreeDate ? Number(o.decreeDate.slice(0, 4)) : null;
    if (dpa && decreeYear && Number(dpa[1]) < decreeYear)
      add('dpa', n, { code: 'stale-budget-year', message: `Biaya dibebankan pada Dokumen Pelaksanaan Anggaran tahun ${dpa[1]}, padahal keputusan ditetapkan tahun ${decreeYear}`, messageEn: `Costs are charged to the budget implementation document (DPA) of ${dpa[1]}, but the decree was issued in ${decreeYear}` });
  });
  // One annex per service: a diktum listing services "sebagaimana pada Lampiran I", "… Lampiran II", ….
  const listed = lines.map((t, i) => ({ i, m: /^\s*(\d+)\.\s.*\bLampiran\s+([IVXLC]+)\b/i.exec(t) })).filter((x) => x.m);
  if (new Set(listed.map((x) => x.m![2]!.toUpperCase())).size >= 2) {
    const start = listed[0]!.i;
    let last = 0;
    let lastLine = start;
    for (let i = start; i < lines.length; i++) {
      const m = /^\s*(\d+)\.\s/.exec(lines[i]!);
      if (m) {
        last = Number(m[1]);
        lastLine = i;
      } else if (lines[i]!.trim()) break;
    }
    const annexes = Math.max(0, ...lines.map((t) => /^\s*Lampiran\s+([IVXLC]+)\s*$/i.exec(t)).filter((m) => m).map((m) => roman(m![1]!.toUpperCase())));
    if (annexes > 0 && last > annexes)
      add('annex', lastLine + 1, { code: 'missing-annex', message: `Keputusan menyebut ${last} layanan, tetapi lampirannya hanya sampai Lampiran ${toRoman(annexes)}: ${last - annexes} layanan tanpa lampiran standar`, messageEn: `The decree lists ${last} services, but its annexes stop at Lampiran ${toRoman(annexes)}: ${last - annexes} service(s) without an annexed standard` });
  }
  return [...found.values()];
}

function toRoman(n: number): string {
  const t: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) (s += r), (n -= v);
  return s;
}
