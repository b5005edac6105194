/**
 * Drafting checks on a valid standard: things a person should fix in the decree, reported as
 * warnings. Pure: works on parsed offices and services.
 */
import { approxMinutes } from './sla-words.js';
import { PERMENPAN_COMPONENTS, type Office, type Service } from './schema.js';
import { normalizeMarkup } from './verbatim.js';

export interface LintWarning {
  office: string;
  service: string | null;
  file: string;
  code: 'sla-contradicts-guarantee' | 'product-copied' | 'duplicate-legal-basis' | 'missing-component' | 'not-detailed';
  message: string;
  messageEn: string;
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
