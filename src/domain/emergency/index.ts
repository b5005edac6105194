/**
 * Emergency reports' pure rules (issue 13, docs/EMERGENCY.md): channels, subject categories, team
 * tasks, which services are emergencies, the first-response state and escalation, duplicates.
 */
import type { Problem } from '../errors.js';
import type { Channel } from '../applications/intake.js';
import type { Service } from '../standards/schema.js';

/**
 * The channels the decrees name: Banjarmasin 13 "melalui media komunikasi online maupun offline"
 * (phone, WhatsApp, web, walk-in), Jambi 16–20 "Usulan dari RT/lurah/camat/ call center 112".
 */
export const EMERGENCY_CHANNELS = ['phone', 'whatsapp', 'walk-in', 'web', 'call-center-112', 'rt', 'lurah', 'camat'] as const;
export type EmergencyChannel = (typeof EMERGENCY_CHANNELS)[number];

/** The channels the staff record; the public has one, the web form. */
export const STAFF_CHANNELS = EMERGENCY_CHANNELS.filter((c) => c !== 'web');

/**
 * The case's channel for each (the case keeps the nearest of its own words): a walk-in is the
 * counter; 112 is the call centre; RT, lurah and camat hand a report over as an "Usulan" (Jambi 16–20),
 * recorded as a letter.
 */
export const CASE_CHANNEL: Record<EmergencyChannel, Channel> = {
  phone: 'phone',
  whatsapp: 'whatsapp',
  'walk-in': 'counter',
  web: 'online',
  'call-center-112': 'call-center',
  rt: 'letter',
  lurah: 'letter',
  camat: 'letter',
};

/** Officials hand reports over (initiator "official" where the service allows it); everyone else reports as a citizen. */
export const OFFICIAL_CHANNELS: readonly EmergencyChannel[] = ['call-center-112', 'rt', 'lurah', 'camat'];

export const CHANNEL_NAMES: Record<EmergencyChannel, [string, string]> = {
  phone: ['Telepon', 'Phone'],
  whatsapp: ['WhatsApp', 'WhatsApp'],
  'walk-in': ['Datang langsung', 'Walk-in'],
  web: ['Formulir web', 'Web form'],
  'call-center-112': ['Call center 112', 'Call centre 112'],
  rt: ['Ketua RT', 'Neighbourhood head (RT)'],
  lurah: ['Lurah', 'Village head (lurah)'],
  camat: ['Camat', 'District head (camat)'],
};

/** Banjarmasin 13 Persyaratan 1 names the PPKS: "Anak Terlantar, Orang Terlantar, Disabilitas Terlantar, Lanjut Usia Terlantar, Gelandangan, Pengemis dan ODGJ Terlantar". */
export const CATEGORIES = ['anak', 'lansia', 'disabilitas', 'gelandangan-pengemis', 'odgj', 'orang-terlantar'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<Category, [string, string]> = {
  anak: ['Anak terlantar', 'Neglected child'],
  lansia: ['Lanjut usia terlantar', 'Neglected older person'],
  disabilitas: ['Disabilitas terlantar', 'Neglected person with a disability'],
  'gelandangan-pengemis': ['Gelandangan / pengemis', 'Homeless person / beggar'],
  odgj: ['ODGJ terlantar', 'Neglected person with a mental disorder (ODGJ)'],
  'orang-terlantar': ['Orang terlantar', 'Stranded person'],
};

/**
 * The team's tasks. Banjarmasin 13 Jaminan Keamanan 2: "Petugas Tim Reaksi Cepat yang melakukan
 * penjemputan dan pengantaran klien memiliki Surat Ijin Mengemudi (SIM)"; outreach
 * ("penjangkauan") asks for the official ID only (Jaminan Keamanan 1).
 */
export const TASKS = ['penjangkauan', 'penjemputan', 'pengantaran'] as const;
export type Task = (typeof TASKS)[number];
export const LICENCE_TASKS: readonly Task[] = ['penjemputan', 'pengantaran'];

export const TASK_NAMES: Record<Task, [string, string]> = {
  penjangkauan: ['Penjangkauan', 'Outreach'],
  penjemputan: ['Penjemputan klien', 'Client pick-up'],
  pengantaran: ['Pengantaran klien', 'Client escort'],
};

/** What the decree asks of a member before a task, as of a date: each missing credential is one problem. */
export function credentialProblems(member: { officialId: string | null; licence: string | null; licenceValidUntil: string | null } | null, task: Task, today: string): Problem[] {
  const out: Problem[] = [];
  if (!member?.officialId)
    out.push({
      code: 'official-id-missing',
      message: 'Petugas belum tercatat memiliki Identitas Resmi dari Dinas Sosial (Jaminan Keamanan 1); catat dulu di daftar piket',
      messageEn: 'The member has no official Dinas Sosial ID on record (safety guarantee 1); record it in the duty roster first',
    });
  if (LICENCE_TASKS.includes(task)) {
    if (!member?.licence)
      out.push({
        code: 'licence-missing',
        message: `Petugas tanpa Surat Ijin Mengemudi (SIM) tidak dapat ditugaskan untuk ${TASK_NAMES[task][0].toLowerCase()} (Jaminan Keamanan 2)`,
        messageEn: `A member without a driving licence (SIM) cannot be assigned to ${TASK_NAMES[task][1].toLowerCase()} (safety guarantee 2)`,
      });
    else if (member.licenceValidUntil && member.licenceValidUntil < today)
      out.push({
        code: 'licence-expired',
        message: `SIM petugas sudah tidak berlaku sejak ${member.licenceValidUntil}; tidak dapat ditugaskan untuk ${TASK_NAMES[task][0].toLowerCase()}`,
        messageEn: `The member's driving licence expired on ${member.licenceValidUntil}; cannot be assigned to ${TASK_NAMES[task][1].toLowerCase()}`,
      });
  }
  return out;
}

/**
 * A service is run as an emergency when its decreed title names it so ("Kedaruratan"):
 * Banjarmasin 13 and Semarang Lampiran II. The other services the issue lists (pemulangan, the Jambi
 * referrals) keep their own intake until their reports are wired in (docs/EMERGENCY.md).
 */
export const isEmergencyService = (svc: Pick<Service, 'title'>) => /kedaruratan/i.test(svc.title);

/** The configurable values of one office (DOMAIN.md §9: never constants). */
export interface EmergencySettings {
  /** Share of the first-response budget after which a report is at risk (0.75: OpenSPP's "At Risk" at 25 % remaining). */
  atRiskShare: number;
  /** How often a case without a decreed limit is reviewed ("sesuai kompleksitas kasus"). */
  reviewHours: number;
  /** Reports about the same person and place within this window may be merged. */
  mergeWindowMinutes: number;
  /** Two reports that both carry coordinates are at the same place when this close (metres); otherwise their place texts must match. */
  mergeRadiusMetres: number;
  /**
   * Assign a new report at once to the member on duty (the rule of pickResponder), instead of
   * waiting for the head of division. Off by default: the decree has the Kepala Bidang order the
   * team ("memerintahkan Tim Reaksi Cepat"); an office that delegates this switches it on.
   */
  autoAssign: boolean;
  /**
   * Minutes an escalated head has to acknowledge on the board before the next level is told (the
   * head of division → the head of office), and between repeat notices to the head of office.
   * Default 10, a choice no decree states: told at 33:45 of 45, an unanswering head of division
   * leaves the head of office 1 min 15 s before the breach rather than none.
   */
  ackMinutes: number;
}

/** Defaults until an office sets its own; marked [U] in DOMAIN.md: no decree states them. */
export const DEFAULT_SETTINGS: EmergencySettings = { atRiskShare: 0.75, reviewHours: 24, mergeWindowMinutes: 120, mergeRadiusMetres: 200, autoAssign: false, ackMinutes: 10 };

/** Bounds of the numeric settings. */
export const SETTINGS_BOUNDS = { atRiskShare: [0.05, 0.95], reviewHours: [1, 720], mergeWindowMinutes: [5, 10_080], mergeRadiusMetres: [10, 5_000], ackMinutes: [1, 240] } as const;

export type FirstResponseState = 'on-time' | 'at-risk' | 'breached' | 'met' | 'met-late' | 'no-limit';

/** Where a report's first response stands at `now`: counted from the report, to the "respon awal" event. */
export function firstResponseState(r: { reportedAt: string; dueAt: string | null; respondedAt: string | null }, now: string, atRiskShare: number): FirstResponseState {
  if (r.respondedAt) return r.dueAt && r.respondedAt > r.dueAt ? 'met-late' : 'met';
  if (!r.dueAt) return 'no-limit';
  if (now > r.dueAt) return 'breached';
  const s = Date.parse(r.reportedAt);
  const d = Date.parse(r.dueAt);
  return Date.parse(now) >= s + (d - s) * atRiskShare ? 'at-risk' : 'on-time';
}

/**
 * The escalation a state calls for (DOMAIN.md §1(d)3: "Escalation goes to the Kabid, then the
 * Kadis"). Chosen: at risk → the head of division, who "memerintahkan Tim Reaksi Cepat"
 * (Banjarmasin 13 step 3); breached → the head of office ("pimpinan", step 6).
 */
export const ESCALATIONS = ['none', 'kepala-bidang', 'kepala-dinas'] as const;
export type Escalation = (typeof ESCALATIONS)[number];
export function escalationFor(state: FirstResponseState): Escalation {
  return state === 'breached' ? 'kepala-dinas' : state === 'at-risk' ? 'kepala-bidang' : 'none';
}
export const escalationRank = (e: string) => Math.max(0, ESCALATIONS.indexOf(e as Escalation));

/** Repeat notices to the head of office while an escalation stays unacknowledged (a choice: enough to be seen, not a flood). */
export const MAX_REMINDERS = 3;

export interface EscalationFacts {
  escalation: string;
  acknowledgedLevel: string;
  /** When the current level was reached (null: escalated before acknowledgements existed). */
  escalatedAt: string | null;
  /** The last notice of the current level. */
  notifiedAt: string | null;
  reminders: number;
}

/** Whether the current escalation level waits for its head's acknowledgement. */
export const awaitingAcknowledgement = (r: Pick<EscalationFacts, 'escalation' | 'acknowledgedLevel'>) => r.escalation !== 'none' && escalationRank(r.acknowledgedLevel) < escalationRank(r.escalation);

export type EscalationStep = { kind: 'escalate'; to: Escalation; reason: 'at-risk' | 'breached' | 'unacknowledged' } | { kind: 'remind' } | null;

/**
 * What the sweep does for an open report at `now`: raise the escalation the state calls for; or,
 * when the head of division has not acknowledged within `ackMinutes`, tell the head of office; or,
 * when the head of office has not either, repeat the notice every `ackMinutes`, at most
 * MAX_REMINDERS times. An acknowledgement stops both for its level; a breach still reaches the head of office.
 */
export function escalationStep(r: EscalationFacts, state: FirstResponseState, now: string, ackMinutes: number): EscalationStep {
  const byState = escalationFor(state);
  if (escalationRank(byState) > escalationRank(r.escalation)) return { kind: 'escalate', to: byState, reason: state === 'breached' ? 'breached' : 'at-risk' };
  if (!awaitingAcknowledgement(r)) return null;
  const waited = (since: string | null) => since !== null && Date.parse(now) - Date.parse(since) >= ackMinutes * 60_000;
  if (r.escalation === 'kepala-bidang' && waited(r.escalatedAt)) return { kind: 'escalate', to: 'kepala-dinas', reason: 'unacknowledged' };
  if (r.escalation === 'kepala-dinas' && r.reminders < MAX_REMINDERS && waited(r.notifiedAt ?? r.escalatedAt)) return { kind: 'remind' };
  return null;
}

/** Milliseconds left until due (negative when past), or null without a decreed limit. */
export const millisLeft = (dueAt: string | null, now: string) => (dueAt ? Date.parse(dueAt) - Date.parse(now) : null);

/** "12 mnt", "-3 mnt", "2 j 05 mnt": a countdown in whole minutes, rounded towards the deadline. */
export function countdownText(ms: number, lang: 'id' | 'en'): string {
  const sign = ms < 0 ? '−' : '';
  const mins = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  const unitH = lang === 'id' ? 'j' : 'h';
  const unitM = lang === 'id' ? 'mnt' : 'min';
  return h ? `${sign}${h} ${unitH} ${String(m).padStart(2, '0')} ${unitM}` : `${sign}${m} ${unitM}`;
}

/** A case's age in hours and minutes, for the stages without a decreed limit. */
export function ageText(fromIso: string, now: string, lang: 'id' | 'en'): string {
  const mins = Math.max(0, Math.floor((Date.parse(now) - Date.parse(fromIso)) / 60_000));
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const parts = lang === 'id' ? [d ? `${d} hari` : '', h ? `${h} jam` : '', `${m} menit`] : [d ? `${d} d` : '', h ? `${h} h` : '', `${m} min`];
  return parts.filter(Boolean).join(' ');
}

/** Coordinates inside the earth's ranges; both or neither. */
export function coordinateProblems(lat: number | undefined, lng: number | undefined): Problem[] {
  if ((lat === undefined) !== (lng === undefined))
    return [{ code: 'coordinates-incomplete', field: 'location.lat', message: 'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya', messageEn: 'Give latitude and longitude together, or neither' } as Problem];
  return [];
}

/** Great-circle distance in metres (haversine on a 6,371 km sphere: within 0.5 % of the ellipsoid, plenty for "the same street corner"). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface IncidentFacts {
  locationText: string;
  lat?: number | null;
  lng?: number | null;
  subjectName: string | null;
  category: string;
  reportedAt: string;
}

/**
 * Two reports are about the same person and place within the window: same category, the same place
 * (within `radiusMetres` when both carry coordinates, else the same place text), the same subject
 * name when both give one.
 */
export function sameIncident(a: IncidentFacts, b: IncidentFacts, windowMinutes: number, radiusMetres: number = DEFAULT_SETTINGS.mergeRadiusMetres): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const bothPlaced = a.lat != null && a.lng != null && b.lat != null && b.lng != null;
  const samePlace = bothPlaced ? distanceMetres({ lat: a.lat!, lng: a.lng! }, { lat: b.lat!, lng: b.lng! }) <= radiusMetres : norm(a.locationText) === norm(b.locationText);
  if (a.category !== b.category || !samePlace) return false;
  if (a.subjectName && b.subjectName && norm(a.subjectName) !== norm(b.subjectName)) return false;
  return Math.abs(Date.parse(a.reportedAt) - Date.parse(b.reportedAt)) <= windowMinutes * 60_000;
}

/** A team member as the assignment rule sees them at the moment of a report. */
export interface Candidate {
  userId: string;
  name: string;
  /** The start of the duty shift they are on now (null: not on duty). */
  onShiftSince: string | null;
  credentials: { officialId: string | null; licence: string | null; licenceValidUntil: string | null } | null;
  /** Reports assigned to them that are still open (not yet closed or merged). */
  openAssignments: number;
}

/**
 * The assignment rule (settings.autoAssign): among the members on duty now whose credentials allow
 * the task (Jaminan Keamanan 1–2), the one with the fewest open reports; on a tie, the one on shift
 * longest, then by name. Nobody fits: null, and the report waits for the head of division as before.
 */
export function pickResponder(candidates: readonly Candidate[], task: Task, today: string): Candidate | null {
  const fit = candidates.filter((c) => c.onShiftSince !== null && credentialProblems(c.credentials, task, today).length === 0);
  fit.sort((a, b) => a.openAssignments - b.openAssignments || a.onShiftSince!.localeCompare(b.onShiftSince!) || a.name.localeCompare(b.name, 'id'));
  return fit[0] ?? null;
}

/** The task an automatic assignment gives: going out to the report ("penjangkauan"), which asks only the official ID; pick-up and escort are ordered by the head once the case is known. */
export const AUTO_TASK: Task = 'penjangkauan';

/** The month's first-response promise as the board states it: kept in time out of those decided (met or late); the rest still within their time or closed unanswered. */
export function promiseKept(t: { reports: number; met: number; late: number }): { decided: number; rate: number | null } {
  const decided = t.met + t.late;
  return { decided, rate: decided ? Math.round((t.met / decided) * 1000) / 10 : null };
}
