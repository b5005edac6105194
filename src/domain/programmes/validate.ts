/**
 * Validates an office's programme files like its services: schema, then the rules a schema cannot
 * express (declared roles, the linked service, facts a rule may read, bounds in order), every
 * problem at file:line:column in both languages. Pure: the caller reads the files.
 */
import type { Office } from '../standards/schema.js';
import { check, locate, parse, ruleFacts, type Located, type Parsed, type SourceFile } from '../standards/validate.js';
import { PROGRAMME_FACTS, Programme, type Condition } from './schema.js';

function checkProgramme(parsed: Parsed, p: Programme, office: Office, serviceSlugs: ReadonlySet<string>, problems: Located[]): void {
  const at = (path: (string | number)[], code: string, message: string, messageEn: string) =>
    problems.push({ file: parsed.file.path, ...locate(parsed, path), code, message, messageEn });
  const roles = new Set(office.roles.map((r) => r.id));
  if (p.service !== null && !serviceSlugs.has(p.service))
    at(['service'], 'unknown-ref', `layanan tidak dikenal di kantor ini: ${p.service}`, `unknown service in this office: ${p.service}`);
  p.verification.roles.forEach((r, i) => {
    if (!roles.has(r)) at(['verification', 'roles', i], 'unknown-role', `peran tidak dideklarasikan di office.yaml: ${r}`, `role not declared in office.yaml: ${r}`);
  });
  const conditions = (list: Condition[], path: (string | number)[]) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) at([...path, i, 'id'], 'duplicate-id', `id syarat ganda: ${c.id}`, `duplicate condition id: ${c.id}`);
      seen.add(c.id);
      if (c.check === 'registry' && !c.rule)
        at([...path, i], 'rule-missing', 'syarat yang diperiksa dari registri wajib memuat rule', 'a condition checked from the registry needs a rule');
      if (c.check === 'verification' && c.rule)
        at([...path, i, 'rule'], 'rule-unused', 'syarat yang diperiksa petugas lapangan tidak memakai rule (hapus rule atau ubah check menjadi registry)', 'a condition checked by the field verifier takes no rule (remove it or set check: registry)');
      if (c.rule)
        for (const f of ruleFacts(c.rule))
          if (!(PROGRAMME_FACTS as readonly string[]).includes(f))
            at([...path, i, 'rule'], 'unknown-fact', `fakta tidak dikenal untuk program: ${f} (yang dikenal: ${PROGRAMME_FACTS.join(', ')})`, `unknown programme fact: ${f} (known: ${PROGRAMME_FACTS.join(', ')})`);
    });
  };
  conditions(p.conditions, ['conditions']);
  const keys = new Set<string>();
  p.categories.forEach((c, i) => {
    if (keys.has(c.key)) at(['categories', i, 'key'], 'duplicate-id', `kunci kategori ganda: ${c.key}`, `duplicate category key: ${c.key}`);
    keys.add(c.key);
    if (c.age && c.age.min !== null && c.age.max !== null && c.age.min > c.age.max)
      at(['categories', i, 'age'], 'age-band', `batas usia terbalik: ${c.age.min} > ${c.age.max}`, `age band reversed: ${c.age.min} > ${c.age.max}`);
    if (c.every === 'once' && c.count !== null && c.count !== 1)
      at(['categories', i, 'count'], 'count-once', 'bantuan sekali diberikan tepat 1 kali (count: 1)', 'a one-off aid is given exactly once (count: 1)');
    if (c.amount.kind === 'in-kind' && c.amount.value !== null)
      at(['categories', i, 'amount', 'value'], 'in-kind-value', 'bantuan barang tidak bernilai rupiah di sini (value: null)', 'aid in kind carries no rupiah value here (value: null)');
    conditions(c.conditions, ['categories', i, 'conditions']);
  });
  if (p.unit === 'group' && !p.group) at(['group'], 'required', 'program kelompok wajib memuat aturan kelompok (group)', 'a group programme needs its group rules (group)');
  if (p.unit !== 'group' && p.group) at(['group'], 'group-unit', 'aturan kelompok hanya untuk unit: group', 'group rules are for unit: group only');
  if (p.group) {
    if (p.group.size.min > p.group.size.max)
      at(['group', 'size'], 'group-size', `ukuran kelompok terbalik: ${p.group.size.min} > ${p.group.size.max}`, `group size reversed: ${p.group.size.min} > ${p.group.size.max}`);
    if (p.group.age && p.group.age.min !== null && p.group.age.max !== null && p.group.age.min > p.group.age.max)
      at(['group', 'age'], 'age-band', `batas usia terbalik: ${p.group.age.min} > ${p.group.age.max}`, `age band reversed: ${p.group.age.min} > ${p.group.age.max}`);
  }
  if (p.recipientDecree.signedInSigap && p.recipientDecree.issuer !== 'kepala-dinas')
    at(['recipientDecree', 'signedInSigap'], 'issuer-outside', 'hanya SK Kepala Dinas yang ditandatangani di Sigap; SK pejabat lain disiapkan sebagai rancangan', "only the head of office's SK is signed in Sigap; another official's SK is prepared as a draft");
}

/** Validates the programme files of one office (already validated) against it. */
export function validateProgrammes(office: Office, serviceSlugs: ReadonlySet<string>, files: SourceFile[]): { programmes: Programme[]; problems: Located[] } {
  const problems: Located[] = [];
  const programmes: Programme[] = [];
  const bySlug = new Map<string, string>();
  for (const file of files) {
    const parsed = parse(file, problems);
    const p = parsed ? check(parsed, Programme, problems) : null;
    if (!parsed || !p) continue;
    if (bySlug.has(p.slug))
      problems.push({ file: file.path, ...locate(parsed, ['slug']), code: 'duplicate-slug', message: `slug program ganda: ${p.slug} (juga di ${bySlug.get(p.slug)})`, messageEn: `duplicate programme slug: ${p.slug} (also in ${bySlug.get(p.slug)})` });
    bySlug.set(p.slug, file.path);
    checkProgramme(parsed, p, office, serviceSlugs, problems);
    programmes.push(p);
  }
  return { programmes: problems.length ? [] : programmes.sort((a, b) => a.slug.localeCompare(b.slug)), problems };
}
