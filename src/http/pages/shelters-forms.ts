/**
 * The shelter forms' flat fields shaped like the JSON bodies whose zod schemas parse them
 * (api/shelters-schemas.ts): a missing text becomes empty so that the schema names it beside its field.
 */
import { localInputToIso } from './complaints-forms.js';

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const int = (v: string | undefined) => (v && v.trim() ? Number(v.trim()) : NaN);

/** "Tas kain; 1" per line (quantity 1 when left out) → [{ item, quantity }]. */
export function belongingsOf(text: string | undefined) {
  const lines = (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.map((l) => {
    const m = /^(.*?)[;,]\s*(\d+)\s*$/.exec(l);
    return m ? { item: m[1]!.trim(), quantity: Number(m[2]) } : { item: l, quantity: 1 };
  });
}

const clientOf = (f: Record<string, string>) => ({ name: f['client.name'] ?? '', sex: f['client.sex'] ?? '', category: f['client.category'] ?? '', nik: opt(f['client.nik']), birthDate: opt(f['client.birthDate']) });

/** The check-in form → POST /api/v1/shelters/{id}/stays. */
export const stayBodyOf = (tz: string, f: Record<string, string>) => ({
  client: f.intake ? undefined : clientOf(f),
  intake: opt(f.intake),
  checkedInAt: localInputToIso(opt(f.checkedInAt), tz),
  bed: opt(f.bed),
  overrideReason: opt(f.overrideReason),
  belongings: belongingsOf(f.belongings),
  source: opt(f.source),
  requester: opt(f.requester),
});

/** The intake form (also "rujuk ke rumah singgah" from an emergency report) → POST /api/v1/shelter-intakes. */
export const intakeBodyOf = (f: Record<string, string>) => ({ shelter: f.shelter ?? '', source: f.source ?? 'emergency', emergencyReport: opt(f.emergencyReport), requester: opt(f.requester), client: clientOf(f), healthy: f.healthy === 'ya', note: opt(f.note) });

export const decisionBodyOf = (f: Record<string, string>) => ({ decision: f.decision ?? '', assessment: f.assessment ?? '', referredTo: opt(f.referredTo) });

/** Rooms are rows room.N.name / .sex / .category / .beds; empty rows are left out. */
export function shelterBodyOf(f: Record<string, string>) {
  const rooms = [];
  for (let i = 0; i < 30; i++) {
    const name = opt(f[`rooms.${i}.name`]);
    if (name) rooms.push({ name, sex: f[`rooms.${i}.sex`] ?? '', category: f[`rooms.${i}.category`] ?? '', beds: int(f[`rooms.${i}.beds`]) });
  }
  return { name: f.name ?? '', address: opt(f.address), rooms };
}

export const terminationBodyOf = (f: Record<string, string>) => ({
  ready: f.ready === 'ya',
  readiness: f.readiness ?? '',
  kind: f.kind ?? '',
  destination: f.destination ?? '',
  family: f.kind === 'family' ? { name: f['family.name'] ?? '', relationship: opt(f['family.relationship']), document: f['family.document'] ?? 'ktp', documentNumber: (f['family.documentNumber'] ?? '').replace(/\s/g, ''), guaranteeLetter: f['family.guaranteeLetter'] === '1' } : undefined,
  escort: f.kind === 'escort' ? { officer: f['escort.officer'] ?? '', assignmentLetter: f['escort.assignmentLetter'] ?? '' } : undefined,
  belongingsReturned: f.belongingsReturned === '1',
});

export const pantiReferralBodyOf = (f: Record<string, string>) => ({ panti: f.panti ?? '', jknKis: f.jknKis === 'ya', documents: { ktpKk: !!f['documents.ktpKk'], photo: !!f['documents.photo'], video: !!f['documents.video'] }, note: opt(f.note) });
