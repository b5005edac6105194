/**
 * The dashboard as tables, once, for the page and the XLSX export (same columns, same numbers):
 * each count carries the path of the cases behind it (the staff case search, filtered).
 */
import { amount, percent } from '../../domain/oversight/evaluate.js';
import { STATUS_LABEL } from '../../domain/applications/status.js';
import type { OfficeDashboard } from './compile-dashboard.js';

type Lang = 'id' | 'en';
const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

export const DASHBOARD_TABLES = ['volume', 'services', 'backlog', 'roles', 'officers', 'ageing', 'ontime', 'stages', 'late', 'ikm', 'complaints', 'operations'] as const;
export type DashboardTableId = (typeof DASHBOARD_TABLES)[number];

/** A cell: a number, a share 0–1 (`pct`), or text; `href` leads to the cases behind a count, `label` names the link for a screen reader. */
export interface Cell {
  v: string | number | null;
  pct?: boolean;
  href?: string;
  label?: string;
}

export interface DashTable {
  id: DashboardTableId;
  title: string;
  note?: string;
  headers: string[];
  rows: Cell[][];
}

/** The staff case search with the dashboard's filters (see search-cases.ts: open, slaState, stepId). */
export function casesPath(f: { serviceId?: string; from?: string | null; to?: string; status?: string; open?: boolean; slaState?: string; stepId?: string }): string {
  const p = new URLSearchParams();
  if (f.serviceId) p.set('serviceId', f.serviceId);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.status) p.set('status', f.status);
  if (f.open) p.set('open', '1');
  if (f.slaState) p.set('slaState', f.slaState);
  if (f.stepId) p.set('stepId', f.stepId);
  return `/petugas/cari?${p.toString()}`;
}

const monthEnd = (m: string) => {
  const [y, mo] = m.split('-').map(Number);
  return `${m}-${String(new Date(Date.UTC(y!, mo!, 0)).getUTCDate()).padStart(2, '0')}`;
};

const num = (v: number, href?: string, label?: string): Cell => (href && v > 0 ? { v, href, ...(label ? { label } : {}) } : { v });
const text = (v: string | null): Cell => ({ v });
const pct = (v: number | null): Cell => ({ v, pct: true });

export function dashboardTables(d: OfficeDashboard, lang: Lang): DashTable[] {
  const st = (s: 'completed' | 'rejected' | 'withdrawn') => L(lang, STATUS_LABEL[s].id, STATUS_LABEL[s].en);
  const volumeHeaders = [L(lang, 'Diajukan', 'Submitted'), st('completed'), st('rejected'), st('withdrawn'), L(lang, 'Masih terbuka', 'Still open')];
  // One service: the month's counts drill down to its cases; a whole office too; a division mixes services the search cannot filter together.
  const single = d.division ? (d.services.length === 1 ? d.services[0]!.serviceId : null) : undefined;
  const linkable = single !== null;
  const volumeCells = (v: OfficeDashboard['volume']['total'], f: { serviceId?: string; from: string; to: string }, what: string) => [
    num(v.submitted, linkable ? casesPath(f) : undefined, L(lang, `${v.submitted} berkas diajukan ${what}`, `${v.submitted} cases submitted ${what}`)),
    num(v.completed, linkable ? casesPath({ ...f, status: 'completed' }) : undefined),
    num(v.rejected, linkable ? casesPath({ ...f, status: 'rejected' }) : undefined),
    num(v.withdrawn, linkable ? casesPath({ ...f, status: 'withdrawn' }) : undefined),
    num(v.open, linkable ? casesPath({ ...f, open: true }) : undefined),
  ];
  const sid = single ?? undefined;
  const bandWords = (unit: 'working_days' | 'days') => {
    const [a, b, c] = d.ageing.unitNote[unit];
    const u = unit === 'working_days' ? L(lang, 'hari kerja', 'working days') : L(lang, 'hari', 'days');
    return [`≤ ${a} ${u}`, `${a! + 1}–${b} ${u}`, `${b! + 1}–${c} ${u}`, `> ${c} ${u}`];
  };
  const unitOf = (u: string | null, v: number | null) => (v === null || u === null ? '—' : amount(lang, v, u as Parameters<typeof amount>[2]));
  const o = d.operations;

  return [
    {
      id: 'volume',
      title: L(lang, 'Volume per bulan', 'Volume by month'),
      note: L(lang, 'Berkas menurut bulan diajukan, dan keadaannya sekarang.', 'Cases by month of submission, and where they stand now.'),
      headers: [L(lang, 'Bulan', 'Month'), ...volumeHeaders],
      rows: [...d.volume.months.map((m) => [text(m.month), ...volumeCells(m, { ...(sid ? { serviceId: sid } : {}), from: `${m.month}-01`, to: monthEnd(m.month) }, m.month)]), [text(L(lang, 'Jumlah', 'Total')), ...volumeCells(d.volume.total, { ...(sid ? { serviceId: sid } : {}), from: d.range.from, to: d.range.to }, L(lang, 'dalam periode', 'in the period'))]],
    },
    {
      id: 'services',
      title: L(lang, 'Volume per layanan', 'Volume by service'),
      headers: [L(lang, 'Layanan', 'Service'), ...volumeHeaders],
      rows: d.volume.services.map((s) => {
        const f = { serviceId: s.serviceId, from: d.range.from, to: d.range.to };
        return [
          text(s.service),
          num(s.submitted, casesPath(f), L(lang, `${s.submitted} berkas ${s.service}`, `${s.submitted} cases of ${s.service}`)),
          num(s.completed, casesPath({ ...f, status: 'completed' })),
          num(s.rejected, casesPath({ ...f, status: 'rejected' })),
          num(s.withdrawn, casesPath({ ...f, status: 'withdrawn' })),
          num(s.open, casesPath({ ...f, open: true })),
        ];
      }),
    },
    {
      id: 'backlog',
      title: L(lang, 'Antrean per tahap', 'Backlog by step'),
      note: L(lang, 'Tugas terbuka sekarang (semua tanggal pengajuan).', 'Open tasks now (any submission date).'),
      headers: [L(lang, 'Layanan', 'Service'), L(lang, 'Tahap', 'Step'), L(lang, 'Peran', 'Role'), L(lang, 'Terbuka', 'Open'), L(lang, 'Terlambat', 'Late')],
      rows: d.backlog.steps.map((s) => [
        text(s.service),
        text(s.step),
        text(s.roleName),
        num(s.open, casesPath({ serviceId: s.serviceId, open: true, stepId: s.stepId }), L(lang, `${s.open} berkas terbuka pada tahap ${s.step}`, `${s.open} open cases at step ${s.step}`)),
        num(s.late, casesPath({ serviceId: s.serviceId, open: true, stepId: s.stepId, slaState: 'late' }), L(lang, `${s.late} berkas terlambat pada tahap ${s.step}`, `${s.late} late cases at step ${s.step}`)),
      ]),
    },
    {
      id: 'roles',
      title: L(lang, 'Antrean per peran', 'Backlog by role'),
      headers: [L(lang, 'Peran', 'Role'), L(lang, 'Terbuka', 'Open'), L(lang, 'Terlambat', 'Late')],
      rows: d.backlog.roles.map((r) => [text(r.roleName), num(r.open, '/petugas/supervisi'), num(r.late, '/petugas/supervisi')]),
    },
    {
      id: 'officers',
      title: L(lang, 'Antrean per petugas', 'Backlog by officer'),
      headers: [L(lang, 'Petugas', 'Officer'), L(lang, 'Terbuka', 'Open'), L(lang, 'Terlambat', 'Late')],
      rows: d.backlog.officers.map((r) => [text(r.officer ?? L(lang, 'Belum diambil petugas', 'Not claimed yet')), num(r.open, '/petugas/supervisi'), num(r.late, '/petugas/supervisi')]),
    },
    {
      id: 'ageing',
      title: L(lang, 'Umur berkas terbuka', 'Age of open cases'),
      note: L(
        lang,
        'Sejak hari diajukan sampai hari ini. Layanan yang jamnya menghitung hari kerja: hari kerja menurut kalender kantor (libur nasional, cuti bersama dan akhir pekan tidak dihitung); layanan lain: hari kalender.',
        'From the day of submission to today. Services whose clock counts working days: working days on the office calendar (national holidays, cuti bersama and weekends not counted); other services: calendar days.',
      ),
      // Each band names both units; the row's unit says which one applies to its service.
      headers: [L(lang, 'Layanan', 'Service'), L(lang, 'Satuan', 'Unit'), ...bandWords('working_days').map((w, i) => `${w} · ${bandWords('days')[i]}`), L(lang, 'Jumlah', 'Total')],
      rows: d.ageing.rows.map((a) => {
        const words = bandWords(a.unit);
        return [
          text(a.service),
          text(a.unit === 'working_days' ? L(lang, 'hari kerja', 'working days') : L(lang, 'hari kalender', 'calendar days')),
          ...a.counts.map((n, i) => num(n, casesPath({ serviceId: a.serviceId, open: true, from: a.bounds[i]!.from, to: a.bounds[i]!.to }), `${a.service}: ${n} (${words[i]})`)),
          num(a.total, casesPath({ serviceId: a.serviceId, open: true })),
        ];
      }),
    },
    {
      id: 'ontime',
      title: L(lang, 'Tepat waktu per layanan', 'On time per service'),
      note: L(lang, 'Berkas yang diajukan dalam periode; tepat waktu: ditutup paling lambat pada tenggat jam layanan.', "Cases submitted in the period; on time: closed no later than the clock's due time."),
      headers: [L(lang, 'Layanan', 'Service'), L(lang, 'Janji keputusan', "Decree's promise"), L(lang, 'Kasus', 'Cases'), L(lang, 'Selesai', 'Completed'), L(lang, 'Tepat waktu', 'On time'), L(lang, 'Persentase', 'Share'), 'Median', 'p90', L(lang, 'Terbuka terlambat', 'Open late'), L(lang, 'Berisiko', 'At risk')],
      rows: d.onTime.map((s) => {
        const f = { serviceId: s.serviceId, from: d.range.from, to: d.range.to };
        return [
          text(s.service),
          text(s.promise),
          num(s.cases, casesPath(f), L(lang, `${s.cases} kasus ${s.service}`, `${s.cases} cases of ${s.service}`)),
          num(s.completed),
          num(s.onTime),
          pct(s.onTimeRate),
          text(unitOf(s.unit, s.median)),
          text(unitOf(s.unit, s.p90)),
          num(s.openLate, casesPath({ ...f, open: true, slaState: 'late' })),
          num(s.openAtRisk, casesPath({ ...f, open: true, slaState: 'at-risk' })),
        ];
      }),
    },
    {
      id: 'stages',
      title: L(lang, 'Tepat waktu per tahap', 'On time per stage'),
      note: L(lang, 'Tahap yang batas waktunya ditetapkan keputusan.', 'Stages whose time limit the decree sets.'),
      headers: [L(lang, 'Layanan', 'Service'), L(lang, 'Tahap', 'Stage'), L(lang, 'Batas', 'Limit'), L(lang, 'Dimulai', 'Started'), L(lang, 'Selesai', 'Finished'), L(lang, 'Tepat waktu', 'On time'), L(lang, 'Persentase', 'Share')],
      rows: d.stages.map((s) => [text(s.service), text(s.stage), text(s.limit ?? '—'), num(s.started, casesPath({ serviceId: s.serviceId, from: d.range.from, to: d.range.to })), num(s.finished), num(s.onTime), pct(s.onTimeRate)]),
    },
    {
      id: 'late',
      title: L(lang, 'Berkas terlambat dan berisiko', 'Late and at-risk cases'),
      note: L(lang, `${d.late.counts.late} terlambat, ${d.late.counts.atRisk} berisiko (semua tanggal pengajuan); tenggat paling awal dahulu, paling banyak 50 berkas.`, `${d.late.counts.late} late, ${d.late.counts.atRisk} at risk (any submission date); earliest due first, at most 50 cases.`),
      headers: [L(lang, 'No. registrasi', 'Registration no.'), L(lang, 'Pemohon', 'Applicant'), L(lang, 'Layanan', 'Service'), L(lang, 'Tahap', 'Step'), L(lang, 'Keadaan', 'State'), L(lang, 'Tenggat', 'Due')],
      rows: d.late.cases.map((c) => [
        { v: c.registrationNumber, href: `/petugas/berkas/${c.id}` },
        text(c.applicant),
        text(c.service),
        text(c.step ?? '—'),
        text(c.slaState === 'late' ? L(lang, 'Terlambat', 'Late') : L(lang, 'Berisiko', 'At risk')),
        text(c.dueLocal ?? '—'),
      ]),
    },
    {
      id: 'ikm',
      title: L(lang, 'Indeks Kepuasan Masyarakat (SKM)', 'Public satisfaction index (SKM)'),
      headers: [L(lang, 'Cakupan', 'Scope'), 'IKM', L(lang, 'Mutu', 'Grade'), L(lang, 'Responden', 'Respondents')],
      rows: [
        ...(d.ikm.office ? [[text(L(lang, 'Seluruh kantor', 'Whole office')), { v: d.ikm.office.value }, text(d.ikm.office.grade), num(d.ikm.office.respondents, '/petugas/survei')]] : []),
        ...d.ikm.services.map((s) => [text(s.service), { v: s.value }, text(s.grade), num(s.respondents, '/petugas/survei')]),
      ],
    },
    {
      id: 'complaints',
      title: L(lang, 'Pengaduan per saluran', 'Complaints by channel'),
      note: L(lang, 'Diterima dalam periode; waktu tanggapan dalam hari kalender sejak diterima.', 'Received in the period; response time in calendar days since receipt.') + (d.complaints.truncated ? L(lang, ' Sebagian saja: batas pembacaan tercapai.', ' Partial: the reading bound was reached.') : ''),
      headers: [L(lang, 'Saluran', 'Channel'), L(lang, 'Diterima', 'Received'), L(lang, 'Ditanggapi', 'Answered'), L(lang, 'Ditanggapi tepat waktu', 'Answered on time'), L(lang, 'Median waktu tanggapan (hari)', 'Median response time (days)')],
      rows: d.complaints.channels.map((c) => [text(L(lang, c.label.id, c.label.en)), num(c.received, '/petugas/pengaduan'), num(c.answered), num(c.answeredOnTime), { v: c.medianDays }]),
    },
    {
      id: 'operations',
      title: L(lang, 'Darurat, rumah singgah, program dan logistik', 'Emergencies, shelter, programmes and logistics'),
      note: L(lang, 'Seluruh kantor (tidak dibagi per bidang).', 'The whole office (not split by division).'),
      headers: [L(lang, 'Angka', 'Figure'), L(lang, 'Nilai', 'Value'), L(lang, 'Rincian', 'Details')],
      rows: [
        [text(L(lang, `Respons pertama darurat tepat waktu, bulan ini (${o.emergency.month})`, `Emergency first response on time, this month (${o.emergency.month})`)), pct(o.emergency.rate), { v: L(lang, `${o.emergency.onTime} dari ${o.emergency.withDue} laporan bertenggat; ${o.emergency.reports} laporan`, `${o.emergency.onTime} of ${o.emergency.withDue} reports with a deadline; ${o.emergency.reports} reports`), href: '/petugas/darurat' }],
        [text(L(lang, 'Keterisian rumah singgah sekarang', 'Shelter occupancy now')), pct(o.shelters.occupancy), { v: L(lang, `${o.shelters.resident} klien di ${o.shelters.beds} tempat tidur`, `${o.shelters.resident} clients in ${o.shelters.beds} beds`), href: '/petugas/rumah-singgah' }],
        [text(L(lang, 'Median lama tinggal (hari kalender), klien keluar dalam periode', 'Median length of stay (calendar days), clients who left in the period')), { v: o.shelters.medianStayDays }, { v: L(lang, `${o.shelters.ended} klien keluar`, `${o.shelters.ended} clients left`), href: '/petugas/rumah-singgah' }],
        [text(L(lang, 'Cakupan program: penerima yang sudah dibayar atau menerima, siklus jatuh tempo dalam periode', 'Programme coverage: recipients paid or delivered to, cycles due in the period')), pct(o.programmes.coverage), { v: L(lang, `${o.programmes.served} dari ${o.programmes.listed} penerima`, `${o.programmes.served} of ${o.programmes.listed} recipients`), href: '/petugas/program' }],
        [text(L(lang, 'Keberhasilan transfer bank diselesaikan dalam periode', 'Bank transfers settled in the period that succeeded')), pct(o.programmes.successRate), { v: L(lang, `${o.programmes.paid} berhasil, ${o.programmes.failed} gagal`, `${o.programmes.paid} paid, ${o.programmes.failed} failed`), href: '/petugas/program' }],
        [text(L(lang, 'Barang di bawah stok minimum', 'Items below minimum stock')), { v: o.logistics.belowMinimum }, { v: L(lang, `${o.logistics.warehouses} gudang`, `${o.logistics.warehouses} warehouses`), href: '/petugas/logistik' }],
        [text(L(lang, 'Lot mendekati kedaluwarsa / sudah kedaluwarsa', 'Lots expiring soon / expired')), { v: `${o.logistics.expiring} / ${o.logistics.expired}` }, { v: L(lang, 'Logistik bencana', 'Disaster logistics'), href: '/petugas/logistik' }],
      ],
    },
  ];
}

/** How a cell reads as text (the page; the XLSX keeps numbers and shares as numbers). */
export function cellText(lang: Lang, c: Cell): string {
  if (c.v === null) return '—';
  if (c.pct && typeof c.v === 'number') return percent(lang, c.v);
  if (typeof c.v === 'number' && !Number.isInteger(c.v)) return lang === 'id' ? String(c.v).replace('.', ',') : String(c.v);
  return String(c.v);
}

