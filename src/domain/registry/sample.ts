/**
 * A deterministic generator of realistic DTKS-like extracts, for demonstrations, training, tests
 * and benchmarks (`sigap registry sample`). Families of 1–6 members living in the office's own
 * kecamatan, with valid NIKs (birth date, +40 for women, unique serial) and No. KKs, Indonesian
 * names, addresses, desil weighted towards the poorest, and programme flags. Pure: no I/O.
 */
export const SAMPLE_HEADER = [
  'iddtks', 'provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan', 'alamat', 'dusun', 'rt', 'rw',
  'nomor_kk', 'nomor_nik', 'nama', 'tanggal_lahir', 'tempat_lahir', 'jenis_kelamin', 'nama_ibu_kandung',
  'hubungan_keluarga', 'desil', 'pkh', 'bpnt', 'pbi_jk',
];

interface Region {
  province: string;
  regency: string;
  code: string;
  districts: [string, string, string[]][];
}

/** Kecamatan codes and names of the five seed offices (Kemendagri area codes). */
const SAMPLE_REGIONS: Record<string, Region> = {
  'kota-jambi': {
    province: 'JAMBI',
    regency: 'KOTA JAMBI',
    code: '1571',
    districts: [
      ['01', 'KOTA BARU', ['SIMPANG III SIPIN', 'SUKA KARYA', 'PAAL LIMA']],
      ['02', 'JAMBI SELATAN', ['PAKUAN BARU', 'WIJAYA PURA', 'THEHOK']],
      ['03', 'JELUTUNG', ['JELUTUNG', 'KEBUN HANDIL', 'CEMPAKA PUTIH']],
      ['04', 'PASAR JAMBI', ['PASAR JAMBI', 'ORANG KAYO HITAM', 'BERINGIN']],
      ['05', 'TELANAIPURA', ['TELANAIPURA', 'PEMATANG SULUR', 'SUNGAI PUTRI']],
      ['06', 'DANAU TELUK', ['PASIR PANJANG', 'OLAK KEMANG', 'TANJUNG PASIR']],
      ['07', 'PELAYANGAN', ['TAHTUL YAMAN', 'TENGAH', 'JELMU']],
      ['08', 'JAMBI TIMUR', ['TALANG BANJAR', 'SULANJANA', 'RAJAWALI']],
    ],
  },
  'kota-semarang': {
    province: 'JAWA TENGAH',
    regency: 'KOTA SEMARANG',
    code: '3374',
    districts: [
      ['01', 'SEMARANG TENGAH', ['SEKAYU', 'PANDANSARI', 'KRANGGAN']],
      ['02', 'SEMARANG UTARA', ['BANDARHARJO', 'TANJUNG MAS', 'KUNINGAN']],
      ['03', 'SEMARANG TIMUR', ['REJOSARI', 'KEMIJEN', 'MLATIBARU']],
      ['04', 'GAYAMSARI', ['GAYAMSARI', 'SAMBIREJO', 'TAMBAKREJO']],
      ['05', 'GENUK', ['GENUKSARI', 'BANGETAYU WETAN', 'TRIMULYO']],
    ],
  },
  'kota-pekanbaru': {
    province: 'RIAU',
    regency: 'KOTA PEKANBARU',
    code: '1471',
    districts: [
      ['01', 'SUKAJADI', ['JADIREJO', 'KAMPUNG MELAYU', 'HARJOSARI']],
      ['02', 'PEKANBARU KOTA', ['SIMPANG EMPAT', 'SUMAHILANG', 'TANAH DATAR']],
      ['03', 'SAIL', ['CINTARAJA', 'SUKAMULIA', 'SUKAMAJU']],
      ['04', 'LIMA PULUH', ['RINTIS', 'SEKIP', 'TANJUNG RHU']],
      ['05', 'SENAPELAN', ['PADANG BULAN', 'KAMPUNG BANDAR', 'KAMPUNG BARU']],
    ],
  },
  'kota-banjarmasin': {
    province: 'KALIMANTAN SELATAN',
    regency: 'KOTA BANJARMASIN',
    code: '6371',
    districts: [
      ['01', 'BANJARMASIN SELATAN', ['KELAYAN LUAR', 'PEKAPURAN LAUT', 'TANJUNG PAGAR']],
      ['02', 'BANJARMASIN TIMUR', ['KURIN', 'PEKAPURAN RAYA', 'PENGAMBANGAN']],
      ['03', 'BANJARMASIN BARAT', ['PELAMBUAN', 'TELAGA BIRU', 'TELUK TIRAM']],
      ['04', 'BANJARMASIN TENGAH', ['KERTAK BARU ILIR', 'PASAR LAMA', 'SUNGAI BARU']],
      ['05', 'BANJARMASIN UTARA', ['ALALAK UTARA', 'SUNGAI JINGAH', 'KUIN UTARA']],
    ],
  },
  'kabupaten-kutai-kartanegara': {
    province: 'KALIMANTAN TIMUR',
    regency: 'KABUPATEN KUTAI KARTANEGARA',
    code: '6403',
    districts: [
      ['01', 'SEMBOJA', ['SEMBOJA BARAT', 'SANIPAH', 'TANJUNG HARAPAN']],
      ['02', 'MUARA JAWA', ['MUARA JAWA ILIR', 'MUARA JAWA ULU', 'DONDANG']],
      ['03', 'SANGA-SANGA', ['SANGA-SANGA DALAM', 'PENDINGIN', 'JAWA']],
      ['04', 'LOA JANAN', ['LOA JANAN ILIR', 'BAKUNGAN', 'TANI BHAKTI']],
      ['05', 'TENGGARONG', ['MELAYU', 'TIMBAU', 'SUKARAME']],
    ],
  },
};

const MALE = ['BUDI', 'AGUS', 'AHMAD', 'MUHAMMAD', 'HENDRA', 'RUDI', 'JOKO', 'SLAMET', 'BAMBANG', 'DEDI', 'EKO', 'ANDI', 'RIZKI', 'FAJAR', 'HADI', 'IRWAN', 'YUSUF', 'SUTRISNO', 'SUPRIYADI', 'DARMAWAN', 'ARIF', 'TAUFIK', 'SYAIFUL', 'ZULKIFLI'];
const FEMALE = ['SITI', 'SRI', 'DEWI', 'NUR', 'ANI', 'RINA', 'WATI', 'YUNI', 'LESTARI', 'FITRI', 'RATNA', 'NURHAYATI', 'AMINAH', 'AISYAH', 'PUTRI', 'INDAH', 'SURYANI', 'RAHMAWATI', 'KARTINI', 'MARYAM', 'HALIMAH', 'SALMAH'];
const SECOND = ['SANTOSO', 'SAPUTRA', 'WIJAYA', 'HIDAYAT', 'KURNIAWAN', 'SETIAWAN', 'PRATAMA', 'NASUTION', 'SIREGAR', 'HARAHAP', 'LUBIS', 'RAHMAN', 'HASIBUAN', 'SEMBIRING', 'HALIM', 'SYAHPUTRA', 'HANDAYANI', 'WULANDARI', 'PERMATASARI', 'NINGSIH', 'FAUZI', 'MAULANA'];
const STREETS = ['JL. MERDEKA', 'JL. SUDIRMAN', 'JL. DIPONEGORO', 'JL. KARTINI', 'JL. PATTIMURA', 'JL. GAJAH MADA', 'JL. HANG TUAH', 'JL. SULTAN THAHA', 'GG. MAWAR', 'GG. MELATI', 'JL. KENANGA', 'JL. NUSA INDAH', 'LRG. PERMATA', 'JL. SEI AMPAR'];

/** mulberry32: small, fast, seedable. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Generated serials start at 0501, so hand-made examples (serials below 0500) never collide. */
const SERIAL_BASE = 500;

export interface SampleOptions {
  office: string;
  seed?: number;
  /** Reference date for ages and issue dates, 'YYYY-MM-DD'. */
  today?: string;
}

/**
 * Yields `rows` data rows (cells in SAMPLE_HEADER order), family by family. Deterministic for a
 * given office, seed and reference date. Memory stays small: two maps of serial counters.
 */
export function* sampleRows(rows: number, opts: SampleOptions): Generator<string[]> {
  const region = SAMPLE_REGIONS[opts.office] ?? SAMPLE_REGIONS['kota-jambi']!;
  const today = opts.today ?? '2026-01-15';
  const ty = Number(today.slice(0, 4));
  const rand = rng(opts.seed ?? 20260115);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const nikSerial = new Map<number, number>();
  const kkSerial = new Map<number, number>();
  let made = 0;
  let family = 0;
  while (made < rows) {
    family++;
    const di = Math.floor(rand() * region.districts.length);
    const [dcode, dname, villages] = region.districts[di]!;
    const area = `${region.code}${dcode}`;
    const village = pick(villages);
    const issueYear = 2005 + Math.floor(rand() * Math.min(20, ty - 2005));
    const im = 1 + Math.floor(rand() * 12);
    const id = 1 + Math.floor(rand() * 28);
    const kkKey = di * 100000 + (issueYear - 2000) * 400 + im * 31 + id;
    const ks = (kkSerial.get(kkKey) ?? SERIAL_BASE) + 1;
    kkSerial.set(kkKey, ks);
    const kk = `${area}${pad(id, 2)}${pad(im, 2)}${pad(issueYear % 100, 2)}${pad(ks, 4)}`;
    const address = `${pick(STREETS)} NO. ${1 + Math.floor(rand() * 120)}`;
    const rt = pad(1 + Math.floor(rand() * 15), 3);
    const rw = pad(1 + Math.floor(rand() * 8), 3);
    const r = rand();
    const desil = r < 0.3 ? 1 : r < 0.52 ? 2 : r < 0.68 ? 3 : r < 0.8 ? 4 : r < 0.88 ? 5 : 6 + Math.floor(rand() * 5);
    const pkh = desil <= 4 && rand() < 0.35 ? '1' : '0';
    const bpnt = desil <= 5 && rand() < 0.45 ? '1' : '0';
    const size = Math.min(rows - made, 1 + Math.floor(rand() * 6));
    const surname = pick(SECOND);
    const headAge = 25 + Math.floor(rand() * 45);
    const mother = `${pick(FEMALE)} ${pick(SECOND)}`;
    for (let m = 0; m < size; m++) {
      const role = m === 0 ? 'KEPALA KELUARGA' : m === 1 && size > 1 ? 'ISTRI' : 'ANAK';
      const female = m === 1 ? true : m === 0 ? rand() < 0.12 : rand() < 0.5;
      const age = m === 0 ? headAge : m === 1 ? Math.max(18, headAge - Math.floor(rand() * 8)) : Math.floor(rand() * Math.max(1, headAge - 18));
      const by = ty - age - 1;
      const bm = 1 + Math.floor(rand() * 12);
      const bd = 1 + Math.floor(rand() * 28);
      const nikKey = di * 10000000 + by * 400 + bm * 31 + bd;
      const ns = (nikSerial.get(nikKey) ?? SERIAL_BASE) + 1;
      nikSerial.set(nikKey, ns);
      const nik = `${area}${pad(bd + (female ? 40 : 0), 2)}${pad(bm, 2)}${pad(by % 100, 2)}${pad(ns, 4)}`;
      const first = female ? pick(FEMALE) : pick(MALE);
      const name = m === 0 || rand() < 0.5 ? `${first} ${surname}` : `${first} ${pick(SECOND)}`;
      const pbi = desil <= 5 ? (rand() < 0.7 ? '1' : '0') : rand() < 0.1 ? '1' : '0';
      made++;
      yield [
        String(3000000 + family * 10 + m),
        region.province,
        region.regency,
        dname,
        village,
        address,
        '',
        rt,
        rw,
        kk,
        nik,
        name,
        `${by}-${pad(bm, 2)}-${pad(bd, 2)}`,
        region.regency.replace(/^(KOTA|KABUPATEN) /, ''),
        female ? 'P' : 'L',
        m === 0 ? mother : `${pick(FEMALE)} ${surname}`,
        role,
        String(desil),
        pkh,
        bpnt,
        pbi,
      ];
    }
  }
}

/** One CSV line (comma-separated, quoted only where needed). */
export function csvLine(cells: string[], sep = ','): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (i) out += sep;
    out += c.includes(sep) || c.includes('"') || c.includes('\n') || c.includes('\r') ? `"${c.replace(/"/g, '""')}"` : c;
  }
  return out;
}
