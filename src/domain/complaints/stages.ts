/**
 * The stages a complaint passes, configurable per office. Defaults follow Perpres 76/2013
 * (receive → sort → route → resolve) and Kota Banjarmasin's decree ("cek administrasi",
 * "koordinasi internal/eksternal"):
 *
 *   received → [work stages, in order] → answered → closed
 *
 * plus two ways out that also answer the complainant: "not our authority" (with where to go
 * instead) and "merged with an earlier complaint". The office's `complaints.stages` list in
 * office.yaml replaces the default work stages; the last work stage is the routing stage (to a
 * unit, internal or external coordination) and needs the unit named. Pure.
 */
import { cleanText, type FieldProblem } from './text.js';

export type StageKind = 'received' | 'work' | 'answered' | 'closed' | 'not-our-authority' | 'merged';

export interface Stage {
  id: string;
  label: string;
  labelEn: string;
  kind: StageKind;
  /** The work stage that routes the complaint to a unit (needs `unit` and `coordination`). */
  routing: boolean;
}

/** Where a complaint stands for the complainant: awaiting an answer, answered, or closed. */
export const COMPLAINT_STATUSES = ['open', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** How the routing stage reaches the unit it names: within the office, or with another body. */
export const COORDINATIONS = ['internal', 'external'] as const;
export type Coordination = (typeof COORDINATIONS)[number];

const fixed = (id: string, label: string, labelEn: string, kind: StageKind): Stage => ({ id, label, labelEn, kind, routing: false });

export const RECEIVED = fixed('diterima', 'Diterima', 'Received', 'received');
export const ANSWERED = fixed('dijawab', 'Dijawab', 'Answered', 'answered');
export const CLOSED = fixed('selesai', 'Selesai', 'Closed', 'closed');
export const NOT_OUR_AUTHORITY = fixed('bukan-kewenangan', 'Bukan kewenangan Dinas Sosial', 'Not our authority', 'not-our-authority');
export const MERGED = fixed('digabung', 'Digabung dengan pengaduan sebelumnya', 'Merged with an earlier complaint', 'merged');

/** Default work stages when the decree names none. */
const DEFAULT_WORK_STAGES: readonly string[] = ['Cek administrasi', 'Diteruskan ke unit / koordinasi internal atau eksternal'];

const KNOWN_EN: Record<string, string> = {
  'cek administrasi': 'Administrative check',
  'diteruskan ke unit / koordinasi internal atau eksternal': 'Routed to a unit / internal or external coordination',
  'koordinasi internal/eksternal': 'Internal/external coordination',
};

/** Short ids for the default stages (the others are slugs of the decree's words). */
const KNOWN_ID: Record<string, string> = { 'diteruskan ke unit / koordinasi internal atau eksternal': 'diteruskan' };

function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The office's stages: received, its work stages (from the decree, else the defaults), answered, closed and the two exits. */
export function complaintStages(configured?: readonly string[] | null): Stage[] {
  const work = (configured && configured.length ? configured : DEFAULT_WORK_STAGES).map((raw, i, all): Stage => {
    const text = raw.trim();
    const label = text.charAt(0).toUpperCase() + text.slice(1);
    const reserved = new Set([RECEIVED.id, ANSWERED.id, CLOSED.id, NOT_OUR_AUTHORITY.id, MERGED.id]);
    let id = KNOWN_ID[text.toLowerCase()] ?? (slugify(text) || `tahap-${i + 1}`);
    if (reserved.has(id)) id = `${id}-${i + 1}`;
    return { id, label, labelEn: KNOWN_EN[text.toLowerCase()] ?? label, kind: 'work', routing: i === all.length - 1 };
  });
  return [RECEIVED, ...work, ANSWERED, CLOSED, NOT_OUR_AUTHORITY, MERGED];
}

export function stageById(stages: readonly Stage[], id: string): Stage | undefined {
  return stages.find((s) => s.id === id);
}

export function statusOf(stage: Stage): ComplaintStatus {
  if (stage.kind === 'answered') return 'answered';
  if (stage.kind === 'closed' || stage.kind === 'not-our-authority' || stage.kind === 'merged') return 'closed';
  return 'open';
}

/** Where a complaint may go from a stage. */
export function allowedNext(stages: readonly Stage[], fromId: string): Stage[] {
  const from = stageById(stages, fromId);
  if (!from) return [];
  const work = stages.filter((s) => s.kind === 'work');
  const exits = stages.filter((s) => s.kind === 'answered' || s.kind === 'not-our-authority' || s.kind === 'merged');
  switch (from.kind) {
    case 'received':
      return [...work, ...exits];
    case 'work': {
      const i = work.findIndex((s) => s.id === from.id);
      return [...work.slice(i + 1), ...exits];
    }
    case 'answered':
      // Close, or reopen into a work stage (the complainant said the answer did not resolve it).
      return [...stages.filter((s) => s.kind === 'closed'), ...work];
    default:
      return [];
  }
}

export interface TransitionInput {
  to: string;
  note?: unknown;
  answer?: unknown;
  unit?: unknown;
  coordination?: unknown;
  referral?: unknown;
  mergeInto?: unknown;
}

export interface CheckedTransition {
  target: Stage;
  note: string | null;
  answer: string | null;
  unit: string | null;
  coordination: Coordination | null;
  referral: string | null;
  mergeInto: string | null;
  reopen: boolean;
}

export type TransitionCheck = { ok: true; value: CheckedTransition } | { ok: false; problems: FieldProblem[] };

/** Checks a move and the data its target stage needs: the written answer, the unit, where to go instead, the earlier complaint. */
export function checkTransition(stages: readonly Stage[], fromId: string, input: TransitionInput): TransitionCheck {
  const problems: FieldProblem[] = [];
  const from = stageById(stages, fromId);
  const target = stageById(stages, String(input.to ?? ''));
  if (!from || !target || !allowedNext(stages, fromId).some((s) => s.id === target.id)) {
    const allowed = allowedNext(stages, fromId).map((s) => s.id);
    return {
      ok: false,
      problems: [
        {
          field: 'to',
          code: 'transition-not-allowed',
          message: `Tahap "${String(input.to ?? '')}" tidak dapat dituju dari tahap "${from?.label ?? fromId}". Tahap yang dapat dituju: ${allowed.join(', ') || '(tidak ada: pengaduan sudah selesai)'}`,
          messageEn: `Stage "${String(input.to ?? '')}" cannot follow "${from?.labelEn ?? fromId}". Allowed: ${allowed.join(', ') || '(none: the complaint is closed)'}`,
        },
      ],
    };
  }
  const take = (v: unknown, rule: Parameters<typeof cleanText>[1]) => {
    const r = cleanText(v, rule);
    if (!r.ok) {
      problems.push(r.problem);
      return null;
    }
    return r.value;
  };
  const note = take(input.note, { field: 'note', label: 'Catatan', labelEn: 'Note', max: 4000, multiline: true });
  let answer: string | null = null;
  let unit: string | null = null;
  let coordination: Coordination | null = null;
  let referral: string | null = null;
  let mergeInto: string | null = null;
  if (target.kind === 'answered') answer = take(input.answer, { field: 'answer', label: 'Jawaban tertulis', labelEn: 'Written answer', min: 10, max: 8000, multiline: true, required: true });
  if (target.kind === 'work' && target.routing) {
    unit = take(input.unit, { field: 'unit', label: 'Unit atau instansi tujuan', labelEn: 'Unit or body routed to', min: 3, max: 200, required: true });
    if (input.coordination !== 'internal' && input.coordination !== 'external')
      problems.push({ field: 'coordination', code: 'coordination-required', message: 'Pilih koordinasi internal atau eksternal', messageEn: 'Choose internal or external coordination' });
    else coordination = input.coordination;
  }
  if (target.kind === 'not-our-authority')
    referral = take(input.referral, { field: 'referral', label: 'Instansi yang berwenang (ke mana pelapor harus menyampaikan)', labelEn: 'The competent body (where the complainant should go)', min: 5, max: 1000, multiline: true, required: true });
  if (target.kind === 'merged') {
    mergeInto = take(input.mergeInto, { field: 'mergeInto', label: 'Nomor pengaduan sebelumnya', labelEn: 'Earlier complaint number', max: 40, required: true });
    if (mergeInto) mergeInto = mergeInto.toUpperCase();
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { target, note, answer, unit, coordination, referral, mergeInto, reopen: from.kind === 'answered' && target.kind === 'work' } };
}
