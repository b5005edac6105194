/**
 * The readable copy of a data-subject export (UU 27/2022 Pasal 32) as a bilingual PDF: who asked,
 * then every section of the JSON export (cases with answers, events and uploads, letters,
 * complaints, registry look-ups, and the processing record: audit rows and logged reads).
 * pdfkit with DejaVu fonts, so any Unicode name renders; the JSON file is the complete copy.
 */
import type { SubjectExport } from '../domain/privacy/index.js';
import { openPdf } from './pdf-doc.js';
const MARGIN = 50;

/** A value of a form answer as one line of text. */
const flat = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export async function renderSubjectExportPdf(x: SubjectExport, local: (iso: string) => string): Promise<Buffer> {
  const at = new Date(x.generatedAt);
  const { doc, finish } = await openPdf({ margin: MARGIN, info: { Title: `Data pribadi / Personal data ${x.request.number}`, Author: x.office.name, Creator: 'Sigap', CreationDate: at, ModDate: at } });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (id: string, en: string) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#0b3d2e').text(`${id} / ${en}`, MARGIN, doc.y, { width }).fillColor('#000').moveDown(0.2);
  };
  const line = (text: string, size = 9) => doc.font('sans').fontSize(size).text(text, MARGIN, doc.y, { width });
  const none = () => line('Tidak ada / None');

  doc.font('bold').fontSize(14).text('SALINAN DATA PRIBADI DAN REKAM JEJAK PEMROSESAN', { align: 'center' });
  doc.font('sans').fontSize(10).text('Copy of personal data and its processing record (UU 27/2022 Pasal 32)', { align: 'center' });
  doc.font('bold').fontSize(11).text(x.office.name, { align: 'center' });
  doc.moveDown(0.5);
  line(`Nomor permintaan / Request number: ${x.request.number}`, 10);
  line(`Subjek data / Data subject: ${x.subject.name} — NIK ${x.subject.nik}`, 10);
  line(`Diterima / Received: ${local(x.request.receivedAt)} · Batas waktu / Due: ${local(x.request.dueAt)}`, 10);
  line(`Dibuat / Produced: ${local(x.generatedAt)}`, 10);
  if (x.truncated.length) line(`Bagian terpotong / Sections cut: ${x.truncated.join(', ')} (berkas JSON / the JSON file)`, 9);

  heading('Permohonan layanan', 'Applications');
  if (!x.applications.length) none();
  for (const a of x.applications) {
    doc.font('bold').fontSize(10).text(`${a.registrationNumber} · ${a.service} · ${a.status}`, MARGIN, doc.y, { width });
    line(`Diajukan / Submitted ${local(a.submittedAt)} via ${a.channel}${a.closedAt ? ` · Selesai / Closed ${local(a.closedAt)}` : ''}`);
    for (const [k, v] of Object.entries((a.applicant ?? {}) as Record<string, unknown>)) line(`  ${k}: ${flat(v)}`);
    for (const [k, v] of Object.entries((a.answers ?? {}) as Record<string, unknown>)) line(`  ${k}: ${flat(v)}`);
    if (a.uploads.length) line('  Dokumen / Documents:');
    for (const u of a.uploads) line(`   - ${u.requirement}: ${u.fileName ?? (u.shownTo ? `ditunjukkan / shown (${u.shownTo})` : '—')}${u.sha256 ? ` · SHA-256 ${u.sha256}` : ''}`, 8);
    if (a.events.length) line('  Riwayat / History:');
    for (const e of a.events) line(`   - ${local(e.at)} · ${e.type}${e.step ? ` (${e.step})` : ''}${e.outcome ? ` → ${e.outcome}` : ''} · ${e.actor}${e.note ? ` · ${e.note}` : ''}`, 8);
    doc.moveDown(0.3);
  }

  heading('Surat', 'Letters');
  if (!x.letters.length) none();
  for (const l of x.letters) {
    line(`${l.number ?? '(belum bernomor / unnumbered)'} · ${l.title} · ${l.status}${l.issuedOn ? ` · ${l.issuedOn}` : ''}${l.verifyUrl ? ` · ${l.verifyUrl}` : ''}`);
    for (const e of l.events) line(`   - ${local(e.at)} · ${e.type} · ${e.actor}`, 8);
  }

  heading('Pengaduan', 'Complaints');
  if (!x.complaints.length) none();
  for (const c of x.complaints) line(`${c.receiptNumber} · ${c.type} · ${c.status} · ${local(c.receivedAt)}: ${c.text}${c.answer ? ` — Jawaban / Answer: ${c.answer}` : ''}`);

  heading('Pemeriksaan DTKS', 'Registry look-ups');
  if (!x.registryLookups.length) none();
  for (const r of x.registryLookups) line(`${local(r.at)} · ${r.actor} · ${r.action}${r.reason ? ` · ${r.reason}` : ''}`);

  heading('Rekam jejak pemrosesan: audit', 'Processing record: audit');
  if (!x.processing.audit.length) none();
  for (const e of x.processing.audit) line(`${local(e.at)} · ${e.actor} · ${e.action} · ${e.subject}`, 8);

  heading('Rekam jejak pemrosesan: pembacaan data', 'Processing record: reads');
  if (!x.processing.reads.length) none();
  for (const r of x.processing.reads) line(`${local(r.at)} · ${r.actor} (${r.roles.join(', ')}) · ${r.action} · ${r.recordKind} · ${r.purpose}${r.fields.length ? ` · ${r.fields.join(', ')}` : ''}`, 8);

  return finish();
}
