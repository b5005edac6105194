/**
 * The printable IKM report (Laporan Hasil Survei Kepuasan Masyarakat) as a PDF: method, respondents'
 * profile, NRR per element with a bar chart, IKM and grade, the trend, the per-service table, the
 * lowest elements, the suggestions and the follow-up plan. pdfkit with DejaVu fonts (wide Unicode
 * coverage); charts are ECharts SVG drawn as vectors by svg-to-pdfkit.
 */
import { ELEMENTS } from '../domain/surveys/index.js';
import type { IkmReportData } from '../usecases/surveys/report-data.js';
import { elementBarSvg, trendSvg } from './charts.js';
import { openPdf } from './pdf-doc.js';
import { reportTools } from './pdf-report.js';

const dec = (n: number, d = 2) => n.toFixed(d).replace('.', ',');
const MARGIN = 50;

export async function renderIkmReportPdf(data: IkmReportData): Promise<Buffer> {
  const { doc, finish } = await openPdf({ margin: MARGIN, bufferPages: true, info: { Title: `Laporan SKM ${data.office.name} ${data.period.label}`, Author: data.office.name, Creator: 'Sigap' } });
  const { width, ensure, heading, para, table, chart } = reportTools(doc, MARGIN);

  const { ikm } = data;
  // Title block
  doc.font('bold').fontSize(14).text('LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)', { align: 'center' });
  doc.font('bold').fontSize(12).text(data.office.name.toUpperCase(), { align: 'center' });
  doc.font('sans').fontSize(10).text(data.office.government, { align: 'center' });
  doc.font('sans').fontSize(10).text(`Periode: ${data.period.label} (${data.period.from} s.d. ${data.period.to})`, { align: 'center' });
  if (data.service) doc.font('sans').fontSize(10).text(`Layanan: ${data.service.title}`, { align: 'center' });
  doc.font('sans').fontSize(8).fillColor('#374151').text(`Dibuat ${data.generatedAtLocal} dengan Sigap`, { align: 'center' }).fillColor('#000');
  doc.moveDown(0.5);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(1).stroke('#0b3d2e');
  doc.moveDown(0.5);

  heading('1. Hasil');
  if (ikm.noData || ikm.ikm === null) {
    para(ikm.message ?? 'Belum ada data.', 11);
  } else {
    doc.font('bold').fontSize(20).text(`IKM ${dec(ikm.ikm)}`, MARGIN, doc.y, { width, align: 'center' });
    doc.font('bold').fontSize(12).text(`Mutu pelayanan ${ikm.grade} — ${ikm.gradeLabel}`, MARGIN, doc.y, { width, align: 'center' });
    doc.moveDown(0.3);
  }
  table(
    [
      { header: 'Jumlah responden', width: width / 4, align: 'center' },
      { header: 'Populasi (permohonan selesai)', width: width / 4, align: 'center' },
      { header: 'Sampel minimum (Krejcie & Morgan)', width: width / 4, align: 'center' },
      { header: 'Kecukupan sampel', width: width / 4, align: 'center' },
    ],
    [[String(ikm.respondents), String(ikm.population), String(ikm.minimumSample), ikm.sufficient ? 'Memadai' : `Belum memadai (kurang ${ikm.shortfall})`]],
  );

  heading('2. Nilai per unsur', 120);
  table(
    [
      { header: 'Unsur', width: 40, align: 'center' },
      { header: 'Uraian', width: width - 40 - 70 - 70 - 80 },
      { header: 'Dijawab', width: 70, align: 'right' },
      { header: 'NRR', width: 70, align: 'right' },
      { header: 'NRR × 1/9', width: 80, align: 'right' },
    ],
    ikm.elements.map((e) => [e.code, e.name, String(e.answered), e.nrr === null ? '—' : dec(e.nrr, 3), e.weighted === null ? '—' : dec(e.weighted, 4)]),
  );
  if (!ikm.noData) chart(elementBarSvg(ikm.elements, { title: 'Nilai rata-rata (NRR) per unsur', width: 520, height: 230 }), 200);
  for (const w of ikm.warnings) para(`Catatan: ${w.message}`, 9);

  if (data.trend.length > 1) {
    heading('3. Tren IKM', 240);
    chart(trendSvg(data.trend.map((t) => ({ label: t.label, ikm: t.ikm })), { title: 'IKM per periode', width: 520, height: 230 }), 200);
    table(
      [
        { header: 'Periode', width: width / 3 },
        { header: 'Responden', width: width / 3, align: 'right' },
        { header: 'IKM', width: width / 3, align: 'right' },
      ],
      data.trend.map((t) => [t.label, String(t.respondents), t.ikm === null ? '—' : dec(t.ikm)]),
    );
  }

  if (!data.service) {
    heading('4. IKM per layanan');
    if (!data.services.length) para('Belum ada layanan dengan responden atau permohonan selesai pada periode ini.');
    else
      table(
        [
          { header: 'Layanan', width: width - 66 - 58 - 58 - 54 - 54 },
          { header: 'Responden', width: 66, align: 'right' },
          { header: 'Populasi', width: 58, align: 'right' },
          { header: 'Sampel min.', width: 58, align: 'right' },
          { header: 'IKM', width: 54, align: 'right' },
          { header: 'Mutu', width: 54, align: 'center' },
        ],
        data.services.map((s) => [s.service?.title ?? '—', String(s.respondents), String(s.population), `${s.minimumSample}${s.sufficient ? '' : ' *'}`, s.ikm === null ? '—' : dec(s.ikm), s.grade ? `${s.grade}` : '—']),
      );
    if (data.services.some((s) => !s.sufficient)) para('* jumlah responden belum mencapai sampel minimum.', 8);
  }

  heading(`${data.service ? 4 : 5}. Profil responden`);
  for (const p of data.profile) {
    ensure(40);
    doc.font('bold').fontSize(10).text(p.label, MARGIN, doc.y).moveDown(0.2);
    table(
      [
        { header: p.label, width: width / 2 },
        { header: 'Jumlah', width: width / 4, align: 'right' },
        { header: 'Persen', width: width / 4, align: 'right' },
      ],
      p.rows.length ? p.rows.map((r) => [r.label, String(r.n), `${dec(r.pct, 1)}%`]) : [['Belum ada data', '0', '—']],
    );
  }

  heading(`${data.service ? 5 : 6}. Unsur dengan nilai terendah`);
  if (!data.lowest.length) para('Belum ada data.');
  else
    for (const e of data.lowest) {
      const el = ELEMENTS.find((x) => x.code === e.code)!;
      para(`${e.code} ${e.name}: NRR ${dec(e.nrr!, 3)} (setara IKM ${dec(e.nrr! * 25)}). Jawaban terbaik: "${el.options[3].label}".`);
    }

  heading(`${data.service ? 6 : 7}. Saran dan masukan responden`);
  if (!data.suggestions.length) para('Tidak ada saran tertulis pada periode ini.');
  else {
    for (const s of data.suggestions) {
      ensure(24);
      doc.font('sans').fontSize(9).text(`• ${s.date}${s.service ? ` (${s.service})` : ''}: ${s.text}`, MARGIN, doc.y, { width });
    }
    if (data.suggestionsTotal > data.suggestions.length) para(`… dan ${data.suggestionsTotal - data.suggestions.length} saran lainnya (lihat ekspor XLSX).`, 9);
    doc.moveDown(0.3);
  }

  heading(`${data.service ? 7 : 8}. Rencana tindak lanjut`, data.followUp ? 60 : 170);
  if (data.followUp) {
    para(data.followUp.text);
    para(`Dicatat oleh ${data.followUp.by}, ${data.followUp.atLocal}.`, 8);
  } else {
    para('Diisi oleh unit pelayanan:', 9);
    for (let i = 0; i < 6; i++) {
      const y = doc.y + 18;
      doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.5).dash(2, { space: 2 }).stroke('#6b7280').undash();
      doc.y = y;
    }
    doc.moveDown(1);
  }

  heading(`${data.service ? 8 : 9}. Metode`);
  para(
    'Survei mengikuti Peraturan Menteri PANRB Nomor 14 Tahun 2017: sembilan unsur (U1 persyaratan; U2 sistem, mekanisme dan prosedur; U3 waktu penyelesaian; U4 biaya/tarif; U5 produk spesifikasi jenis pelayanan; U6 kompetensi pelaksana; U7 perilaku pelaksana; U8 penanganan pengaduan, saran dan masukan; U9 sarana dan prasarana), masing-masing dinilai 1 sampai 4. NRR setiap unsur = jumlah nilai unsur / jumlah kuesioner yang menjawab unsur itu; IKM = Σ (NRR × 1/9) × 25.',
  );
  para(ikm.method.weighting);
  para(ikm.method.sample);
  para('Kuesioner dikumpulkan melalui tautan sekali pakai pada halaman lacak dan surat hasil layanan, formulir kios di kantor, dan kuesioner kertas yang dimasukkan petugas. Mutu: A (88,31–100) Sangat baik; B (76,61–88,30) Baik; C (65,00–76,60) Kurang baik; D (25,00–64,99) Tidak baik.');

  // Page numbers
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('sans').fontSize(8).fillColor('#374151').text(`${data.office.name} · Laporan SKM ${data.period.label} · halaman ${i + 1} dari ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
  }
  return finish();
}
