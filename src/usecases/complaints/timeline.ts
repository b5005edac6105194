/** A complaint's timeline from its events: everything for staff, the public events for the complainant. */
import { complaintEvents, type Complaint } from '../../db/complaints-repo.js';
import { stageById } from '../../domain/complaints/index.js';
import type { Ctx } from '../context.js';
import { complaintSetup } from './office-complaints.js';

const EVENT_LABELS: Record<string, [string, string]> = {
  received: ['Pengaduan diterima', 'Complaint received'],
  'stage-changed': ['Tahap penanganan', 'Handling stage'],
  'information-added': ['Pelapor menambahkan informasi', 'The complainant added information'],
  answered: ['Jawaban tertulis', 'Written answer'],
  'not-our-authority': ['Bukan kewenangan Dinas Sosial', 'Not our authority'],
  merged: ['Digabung dengan pengaduan sebelumnya', 'Merged with an earlier complaint'],
  'merged-in': ['Pengaduan lain digabungkan ke sini', 'Another complaint was merged into this one'],
  feedback: ['Tanggapan pelapor atas jawaban', "The complainant's response to the answer"],
  reopened: ['Dibuka kembali untuk ditindaklanjuti', 'Reopened for follow-up'],
  closed: ['Pengaduan selesai', 'Complaint closed'],
  'auto-closed': ['Ditutup otomatis: tidak ada tanggapan 10 hari kerja setelah jawaban', 'Closed automatically: no reply 10 working days after the answer'],
  note: ['Catatan internal', 'Internal note'],
  'sla:at-risk': ['Hampir melewati janji waktu tanggapan', 'At risk of missing the response promise'],
  'sla:late': ['Melewati janji waktu tanggapan', 'Past the response promise'],
  escalated: ['Dieskalasi ke Kepala Dinas', 'Escalated to the head of office'],
  'summary-published': ['Ringkasan dipublikasikan', 'Summary published'],
  'summary-withdrawn': ['Ringkasan ditarik dari publikasi', 'Summary withdrawn from publication'],
};

export type TimelineEntry = {
  /** The event's id, for staff only (the messages it caused follow it); the public timeline has none. */
  id?: string;
  at: string;
  atLocal: string;
  type: string;
  label: string;
  labelEn: string;
  stage: { id: string; label: string; labelEn: string };
  actor: string;
  text: string | null;
  visibility: string;
  data: Record<string, unknown>;
};

export async function complaintTimeline(ctx: Ctx, c: Complaint, publicOnly: boolean): Promise<TimelineEntry[]> {
  const office = ctx.catalogue.officeById(c.officeId);
  const { stages } = complaintSetup(office);
  const events = await complaintEvents(ctx.database.db, c.id, publicOnly);
  return events.map((e) => {
    const st = stageById(stages, e.stage);
    const [label, labelEn] = EVENT_LABELS[e.type] ?? [e.type, e.type];
    return {
      ...(publicOnly ? {} : { id: e.id }),
      at: e.at,
      atLocal: ctx.clock.local(office.office, e.at),
      type: e.type,
      label: e.type === 'stage-changed' && st ? `${label}: ${st.label}` : label,
      labelEn: e.type === 'stage-changed' && st ? `${labelEn}: ${st.labelEn}` : labelEn,
      stage: { id: e.stage, label: st?.label ?? e.stage, labelEn: st?.labelEn ?? e.stage },
      // The public sees roles, never staff names; staff see who acted.
      actor: publicOnly ? (e.actorId ? 'Petugas Dinas Sosial' : e.actorName) : e.actorName,
      text: e.note,
      visibility: e.visibility,
      data: publicOnly ? pick(e.data, ['unit', 'coordination', 'mergedInto', 'resolved']) : e.data,
    };
  });
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) out[k] = o[k];
  return out;
}
