/**
 * Jawa Tengah's 35 kabupaten/kota as offices onboarded by data alone from the five seed offices
 * (issue 18 §4): the province data set's standards folder (bench/province-data.ts,
 * scripts/province.mjs), kept here beside the sixth office so a pure test proves it loads.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Jawa Tengah's 35 kabupaten/kota (Kemendagri codes), each with the seed office it is copied from. */
export const JAWA_TENGAH: { code: string; kind: 'kabupaten' | 'kota'; name: string; reg: string }[] = [
  ['3301', 'kabupaten', 'Cilacap', 'CLP'], ['3302', 'kabupaten', 'Banyumas', 'BMS'], ['3303', 'kabupaten', 'Purbalingga', 'PBG'],
  ['3304', 'kabupaten', 'Banjarnegara', 'BNA'], ['3305', 'kabupaten', 'Kebumen', 'KBM'], ['3306', 'kabupaten', 'Purworejo', 'PWR'],
  ['3307', 'kabupaten', 'Wonosobo', 'WSB'], ['3308', 'kabupaten', 'Magelang', 'MGL'], ['3309', 'kabupaten', 'Boyolali', 'BYL'],
  ['3310', 'kabupaten', 'Klaten', 'KLT'], ['3311', 'kabupaten', 'Sukoharjo', 'SKH'], ['3312', 'kabupaten', 'Wonogiri', 'WNG'],
  ['3313', 'kabupaten', 'Karanganyar', 'KRA'], ['3314', 'kabupaten', 'Sragen', 'SRG'], ['3315', 'kabupaten', 'Grobogan', 'GRB'],
  ['3316', 'kabupaten', 'Blora', 'BLA'], ['3317', 'kabupaten', 'Rembang', 'RBG'], ['3318', 'kabupaten', 'Pati', 'PTI'],
  ['3319', 'kabupaten', 'Kudus', 'KDS'], ['3320', 'kabupaten', 'Jepara', 'JPR'], ['3321', 'kabupaten', 'Demak', 'DMK'],
  ['3322', 'kabupaten', 'Semarang', 'UNG'], ['3323', 'kabupaten', 'Temanggung', 'TMG'], ['3324', 'kabupaten', 'Kendal', 'KDL'],
  ['3325', 'kabupaten', 'Batang', 'BTG'], ['3326', 'kabupaten', 'Pekalongan', 'KJN'], ['3327', 'kabupaten', 'Pemalang', 'PML'],
  ['3328', 'kabupaten', 'Tegal', 'SLW'], ['3329', 'kabupaten', 'Brebes', 'BBS'], ['3371', 'kota', 'Magelang', 'MGK'],
  ['3372', 'kota', 'Surakarta', 'SKT'], ['3373', 'kota', 'Salatiga', 'SLT'], ['3374', 'kota', 'Semarang', 'SMR'],
  ['3375', 'kota', 'Pekalongan', 'PKL'], ['3376', 'kota', 'Tegal', 'TGL'],
].map(([code, kind, name, reg]) => ({ code: code!, kind: kind as 'kabupaten' | 'kota', name: name!, reg: reg! }));

const TEMPLATES = ['kota-semarang', 'kota-jambi', 'kota-pekanbaru', 'kota-banjarmasin', 'kabupaten-kutai-kartanegara'] as const;

export const provinceSlug = (o: (typeof JAWA_TENGAH)[number]) => `${o.kind}-${o.name.toLowerCase().replace(/ /g, '-')}`;

/**
 * Writes a standards folder of 35 offices: Kota Semarang is its own seed folder unchanged; every
 * other kab/kota is a copy of a seed office in turn (Semarang, Jambi, Pekanbaru, Banjarmasin, Kutai
 * Kartanegara), renamed (slug, name, government, region, registration code). Its decree, services
 * and templates stay the template's: a load-test data set, not those offices' own standards.
 */
export function writeProvinceStandards(seeds: string, root: string, count = JAWA_TENGAH.length): { slug: string; code: string; regency: string }[] {
  mkdirSync(root, { recursive: true });
  const out: { slug: string; code: string; regency: string }[] = [];
  JAWA_TENGAH.slice(0, count).forEach((o, i) => {
    const slug = provinceSlug(o);
    const dir = join(root, slug);
    const regency = `${o.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${o.name}`;
    out.push({ slug, code: o.code, regency });
    if (slug === 'kota-semarang') {
      cpSync(join(seeds, slug), dir, { recursive: true });
      return;
    }
    const template = TEMPLATES[i % TEMPLATES.length]!;
    cpSync(join(seeds, template), dir, { recursive: true });
    const file = join(dir, 'office.yaml');
    const before = readFileSync(file, 'utf8');
    const text = before
      .replace(/^slug: .*$/m, `slug: ${slug}`)
      .replace(/^registrationCode: .*$/m, `registrationCode: ${o.reg}`)
      .replace(/^name: .*$/m, `name: Dinas Sosial ${regency}`)
      .replace(/^government: .*$/m, `government: Pemerintah ${regency}`)
      .replace(/^region: .*$/m, `region: { kind: ${o.kind}, name: ${regency}, province: Jawa Tengah }`);
    if (!text.includes(`slug: ${slug}\n`) || !text.includes(`registrationCode: ${o.reg}\n`) || !text.includes(`province: Jawa Tengah }`))
      throw new Error(`${template}/office.yaml changed shape: update bench/province-data.ts`);
    writeFileSync(file, text);
  });
  return out;
}

