/**
 * Drafting checks on a valid standard: things a person should fix in the decree, reported as
 * warnings. Pure: works on parsed offices and services.
 */
import { isScalar, LineCounter, parseDocument } from 'yaml';
import { approxMinutes } from './sla-words.js';
import { PERMENPAN_COMPONENTS, type Office, type Service } from './schema.js';
import type { SourceFile } from './validate.js';
import { normalizeLoose, normalizeMarkup } from './verbatim.js';
import { isEmergencyService } from '../emergency/index.js';
import type { RegulationLintCode } from './lint-regulations.js';

export interface LintWarning {
  office: string;
  service: string | null;
  file: string;
  /** The line in `file`, when the finding is about one value. */
  line?: number;
  code: 'sla-contradicts-guarantee' | 'product-copied' | 'duplicate-legal-basis' | 'missing-component' | 'not-detailed' | 'not-in-decree' | 'no-decree-text' | 'emergency-office-hours' | 'emergency-identity-required' | RegulationLintCode;
  message: string;
  messageEn: string;
}

/** Findings that break the format's first principle (verbatim text): `sigap standards lint` fails on them. */
export const VERBATIM_CODES: readonly LintWarning['code'][] = ['not-in-decree'];

type Path = (string | number)[];
/** A value the format marks as quoted from the decree, with its place in the YAML and how to name it. */
interface Quoted {
  path: Path;
  text: string;
  what: [string, string];
}

/** Office values quoted from the decree (docs/STANDARDS-FORMAT.md, principle 1). */
function quotedOfOffice(o: Office): Quoted[] {
  const q: Quoted[] = [{ path: ['decree', 'title'], text: o.decree.title, what: ['judul keputusan', 'decree title'] }];
  if (o.serviceHours.text) q.push({ path: ['serviceHours', 'text'], text: o.serviceHours.text, what: ['waktu pelayanan', 'service hours'] });
  if (o.complaints.responsePromise) q.push({ path: ['complaints', 'responsePromise', 'text'], text: o.complaints.responsePromise.text, what: ['janji respon pengaduan', 'complaint response promise'] });
  for (const k of ['maklumat', 'vision', 'motto'] as const) if (o[k]) q.push({ path: [k], text: o[k], what: [k, k] });
  for (const k of ['mission', 'values', 'codeOfEthics'] as const) (o[k] ?? []).forEach((text, i) => q.push({ path: [k, i], text, what: [`${k}[${i}]`, `${k}[${i}]`] }));
  o.notes.forEach((n, i) => q.push({ path: ['notes', i, 'text'], text: n.text, what: [`catatan "${n.heading}"`, `note "${n.heading}"`] }));
  return q;
}

/** Service values quoted from the decree: its names, every component, and the wording of time limit, fee and products. */
function quotedOfService(s: Service): Quoted[] {
  const q: Quoted[] = [{ path: ['title'], text: s.title, what: ['judul', 'title'] }];
  if (s.heading) q.push({ path: ['heading'], text: s.heading, what: ['judul standar', 'heading'] });
  s.components.forEach((c, i) => {
    q.push({ path: ['components', i, 'heading'], text: c.heading, what: [`judul komponen ${c.key}`, `heading of component ${c.key}`] });
    q.push({ path: ['components', i, 'text'], text: c.text, what: [`komponen ${c.key}`, `component ${c.key}`] });
  });
  if (s.serviceHours?.text) q.push({ path: ['serviceHours', 'text'], text: s.serviceHours.text, what: ['waktu pelayanan', 'service hours'] });
  if (s.sla) q.push({ path: ['sla', 'text'], text: s.sla.text, what: ['jangka waktu', 'time limit'] });
  s.sla?.stages.forEach((st, i) => q.push({ path: ['sla', 'stages', i, 'text'], text: st.text, what: [`tahap ${st.id}`, `stage ${st.id}`] }));
  if (s.fee) q.push({ path: ['fee', 'text'], text: s.fee.text, what: ['biaya', 'fee'] });
  if (s.product) q.push({ path: ['product', 'text'], text: s.product.text, what: ['produk', 'product'] });
  if (s.product?.validity) q.push({ path: ['product', 'validity', 'text'], text: s.product.validity.text, what: ['masa berlaku', 'validity'] });
  s.otherProducts.forEach((p, i) => {
    q.push({ path: ['otherProducts', i, 'text'], text: p.text, what: [`produk lain ${i + 1}`, `other product ${i + 1}`] });
    if (p.validity) q.push({ path: ['otherProducts', i, 'validity', 'text'], text: p.validity.text, what: [`masa berlaku produk lain ${i + 1}`, `validity of other product ${i + 1}`] });
  });
  return q;
}

/** The line of the `lineIndex`-th line of the value at `path` (a block scalar's lines start below its header). */
function lineOf(file: SourceFile, path: Path, lineIndex: number): number {
  const lc = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lc });
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return 1;
  const line = lc.linePos(node.range[0]).line;
  return node.type === 'BLOCK_LITERAL' ? line + 1 + lineIndex : node.type === 'BLOCK_FOLDED' ? line + 1 : line;
}

/**
 * Text the format marks as quoted from the decree (components, names, time limit, fee, product,
 * office profile) that cannot be found in the office's decree.txt, line by line, comparing loosely
 * (normalizeLoose): what is left is a paraphrase, a typo fixed, or a different edition.
 */
export function lintVerbatim(input: { office: Office; services: Service[]; decreeText: string | null; officeFile: SourceFile; serviceFiles: Record<string, SourceFile> }): LintWarning[] {
  const { office } = input;
  if (input.decreeText === null)
    return [
      {
        office: office.slug,
        service: null,
        file: input.officeFile.path,
        code: 'no-decree-text',
        message: 'decree.txt tidak ada di samping office.yaml: teks standar tidak dapat dicocokkan dengan keputusan',
        messageEn: 'no decree.txt beside office.yaml: the standard\'s text cannot be checked against the decree',
      },
    ];
  const decree = normalizeLoose(input.decreeText);
  const out: LintWarning[] = [];
  const check = (file: SourceFile, service: Service | null, quoted: Quoted[]) => {
    for (const q of quoted)
      q.text.split('\n').forEach((raw, i) => {
        const line = normalizeLoose(raw);
        if (!line || decree.includes(line)) return;
        const shown = normalizeMarkup(raw);
        const cut = shown.length > 120 ? `${shown.slice(0, 117)}...` : shown;
        const [id, en] = service ? [`Layanan ${service.no}, ${q.what[0]}`, `Service ${service.no}, ${q.what[1]}`] : [`Kantor, ${q.what[0]}`, `Office, ${q.what[1]}`];
        out.push({
          office: office.slug,
          service: service?.slug ?? null,
          file: file.path,
          line: lineOf(file, q.path, i),
          code: 'not-in-decree',
          message: `${id}: teks tidak ditemukan di decree.txt: "${cut}"`,
          messageEn: `${en}: text not found in decree.txt: "${cut}"`,
        });
      });
  };
  check(input.officeFile, null, quotedOfOffice(office));
  for (const s of input.services) {
    const file = input.serviceFiles[s.slug];
    if (file) check(file, s, quotedOfService(s));
  }
  return out;
}

const UNIT_WORDS: [RegExp, string][] = [
  [/menit/i, 'minutes'],
  [/jam/i, 'hours'],
  [/hari\s+kerja/i, 'working_days'],
  [/hari/i, 'days'],
  [/bulan/i, 'months'],
  [/tahun/i, 'years'],
];

/** Time promises inside free text, e.g. "paling lama 1 hari kerja". */
export function promisedLimits(text: string): { value: number; unit: string; phrase: string }[] {
  const out: { value: number; unit: string; phrase: string }[] = [];
  const re = /(paling\s+lama|paling\s+lambat|maksimal|selambat-lambatnya)\s+(\d+)\s*(?:\([^)]*\)\s*)?(menit|jam|hari\s+kerja|hari|bulan|tahun)/gi;
  for (const m of text.matchAll(re)) {
    // "berlaku maksimal 5 tahun" is a validity period, not a promise about service time.
    const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0);
    if (/berlaku/i.test(before)) continue;
    const unit = UNIT_WORDS.find(([r]) => r.test(m[3]!))?.[1];
    if (unit) out.push({ value: Number(m[2]), unit, phrase: m[0] });
  }
  return out;
}

/** Items of a numbered list in one paragraph ("1. A 2. B ..."), normalised for comparison. */
export function numberedItems(text: string): string[] {
  const flat = normalizeMarkup(text.replace(/\n/g, ' '));
  return flat
    .split(/(?:^|\s)\d{1,2}\.\s+/)
    .map((s) => s.replace(/[;.,\s]+$/, '').trim())
    .filter((s) => s.length > 8);
}

function legalKey(item: string): string {
  return item
    .toLowerCase()
    .replace(/keputusan|kep\./g, 'kep')
    .replace(/undang-undang|uu/g, 'uu')
    .replace(/nomor|no\./g, 'no')
    .replace(/republik indonesia|ri/g, 'ri')
    .replace(/[^a-z0-9]/g, '');
}

export function lintOffice(office: Office, services: Service[], files: Record<string, string>): LintWarning[] {
  const warnings: LintWarning[] = [];
  const w = (service: Service | null, code: LintWarning['code'], message: string, messageEn: string) =>
    warnings.push({ office: office.slug, service: service?.slug ?? null, file: service ? files[service.slug] ?? '' : `${office.slug}/office.yaml`, code, message, messageEn });

  for (const s of services) {
    if (!s.detailed) {
      w(s, 'not-detailed', `Layanan ${s.no} "${s.title}" hanya tercantum dalam daftar tanpa rincian standar`, `Service ${s.no} "${s.title}" is listed without a detailed standard`);
      continue;
    }
    const keys = new Set(s.components.map((c) => c.key));
    for (const k of PERMENPAN_COMPONENTS)
      if (!keys.has(k))
        w(s, 'missing-component', `Layanan ${s.no}: komponen PermenPANRB 15/2014 tidak ada: ${k}`, `Service ${s.no}: PermenPANRB 15/2014 component missing: ${k}`);

    if (s.sla?.value != null && s.sla.unit) {
      const promise = approxMinutes(s.sla.maxValue ?? s.sla.value, s.sla.unit);
      for (const c of s.components.filter((c) => c.key === 'jaminan-pelayanan'))
        for (const p of promisedLimits(c.text)) {
          const guaranteed = approxMinutes(p.value, p.unit);
          if (guaranteed !== promise && (p.unit !== s.sla.unit || p.value !== (s.sla.maxValue ?? s.sla.value)))
            w(
              s,
              'sla-contradicts-guarantee',
              `Layanan ${s.no}: jangka waktu "${s.sla.text}" bertentangan dengan jaminan pelayanan "${p.phrase}"`,
              `Service ${s.no}: time limit "${s.sla.text}" contradicts the service guarantee "${p.phrase}"`,
            );
        }
    }

    // Issue 13 / DOMAIN.md §8: an emergency waits for the office to open (Semarang's Kedaruratan, "1 (Satu) hari kerja"
    // on "Senin – Kamis : jam 08.00 – 14.00"); Sigap runs it as decreed and says so. A stage on a 24-hour clock is enough.
    if (isEmergencyService(s) && s.sla && (s.sla.calendar ?? 'office-hours') === 'office-hours' && !s.sla.stages.some((st) => st.calendar === '24x7'))
      w(
        s,
        'emergency-office-hours',
        `Layanan ${s.no}: layanan kedaruratan dengan jam kantor ("${s.sla.text}"); laporan malam dan hari libur menunggu kantor buka`,
        `Service ${s.no}: emergency service on an office-hours clock ("${s.sla.text}"); reports at night and on holidays wait for the office to open`,
      );
    // An emergency that demands identity documents without "jika ada" turns away the person nobody can identify.
    if (isEmergencyService(s))
      for (const r of s.requirements.filter((r) => r.kind === 'document' && r.required && /\b(KTP|KK)\b/.test(r.label) && !/jika ada/i.test(r.label)))
        w(
          s,
          'emergency-identity-required',
          `Layanan ${s.no}: layanan kedaruratan mewajibkan "${r.label}" tanpa "jika ada"`,
          `Service ${s.no}: emergency service requires "${r.label}" without "jika ada" (if available)`,
        );

    const legal = s.components.filter((c) => c.key === 'dasar-hukum');
    const seen = new Map<string, string>();
    for (const c of legal)
      for (const item of numberedItems(c.text)) {
        const k = legalKey(item);
        if (seen.has(k))
          w(s, 'duplicate-legal-basis', `Layanan ${s.no}: dasar hukum tercantum dua kali: "${item}"`, `Service ${s.no}: legal basis listed twice: "${item}"`);
        else seen.set(k, item);
      }
  }

  // A product text that names another service's programme, or is word-for-word another service's.
  const detailed = services.filter((s) => s.detailed && s.product);
  for (const s of detailed) {
    const text = s.product!.text;
    const twin = detailed.find((o) => o !== s && o.product!.text === text);
    const programmes = ['PKH', 'BPNT', 'KIP', 'PBI', 'UHC', 'KIS', 'SKTM', 'DTKS', 'PUB', 'LKS'];
    const named = programmes.filter((p) => new RegExp(`\\b${p}\\b`).test(text));
    const inTitle = programmes.filter((p) => new RegExp(`\\b${p}\\b`).test(`${s.title} ${s.heading ?? ''}`));
    const foreign = named.filter((p) => !inTitle.includes(p) && inTitle.length > 0);
    if (twin && foreign.length > 0)
      w(
        s,
        'product-copied',
        `Layanan ${s.no}: produk "${text}" sama dengan layanan ${twin.no} dan menyebut ${foreign.join(', ')} padahal layanan ini tentang ${inTitle.join(', ')}`,
        `Service ${s.no}: product "${text}" is the same as service ${twin.no} and names ${foreign.join(', ')} although this service is about ${inTitle.join(', ')}`,
      );
    else if (twin && twin.no < s.no && s.title !== twin.title)
      w(s, 'product-copied', `Layanan ${s.no}: teks produk sama persis dengan layanan ${twin.no}`, `Service ${s.no}: product text is identical to service ${twin.no}`);
  }
  return warnings;
}
