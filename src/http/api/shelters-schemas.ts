/** The zod schemas of the shelters API: one definition for validation, types, OpenAPI and the HTML forms that share them. */
import { z } from 'zod';
import { CATEGORIES, FAMILY_DOCUMENTS, MAX_BEDS_PER_ROOM, MAX_BELONGINGS, MAX_ROOMS, ROOM_CATEGORIES, SERVICE_KINDS, SEXES, SOURCES, TERMINATION_KINDS } from '../../domain/shelters/index.js';
import { DECISIONS } from '../../usecases/shelters/decide-intake.js';

export const BODY_LIMIT = 32 * 1024;
const text = (max: number) => z.string().trim().max(max);

export const shelterBody = z.object({
  name: text(200).min(3),
  address: text(500).optional(),
  rooms: z.array(z.object({ name: text(100).min(1), sex: z.enum([...SEXES, 'any']), category: z.enum(ROOM_CATEGORIES), beds: z.number().int().min(1).max(MAX_BEDS_PER_ROOM) })).min(1).max(MAX_ROOMS),
});
export const shelterCreated = z.object({ id: z.string(), capacity: z.number().int() });

export const clientBody = z.object({
  name: text(200).min(2),
  sex: z.enum(SEXES),
  category: z.enum(CATEGORIES),
  nik: z.string().trim().regex(/^\d{16}$/).optional(),
  birthDate: z.iso.date().optional(),
});

export const stayBody = z.object({
  client: clientBody.optional(),
  intake: z.string().max(100).optional(),
  checkedInAt: z.iso.datetime({ offset: true }).optional(),
  bed: z.string().max(100).optional(),
  overrideReason: text(1000).optional(),
  belongings: z.array(z.object({ item: text(200), quantity: z.number().int().min(1).max(1000) })).max(MAX_BELONGINGS).optional(),
  source: z.enum(SOURCES).optional(),
  requester: text(200).optional(),
});
export const stayCreated = z.object({
  id: z.string(),
  checkedInAt: z.string(),
  limitDays: z.number().int().nullable(),
  eligibleForTerminationAt: z.string().nullable(),
  bed: z.object({ id: z.string(), room: z.string(), label: z.string() }).nullable(),
  override: z.boolean(),
  case: z.string().nullable().describe('Nomor registrasi berkas Banjarmasin 9 yang diajukan check-in langsung / the decreed case a direct check-in filed'),
});

export const intakeBody = z.object({
  shelter: z.string().max(100),
  source: z.enum(SOURCES),
  emergencyReport: z.string().max(40).optional(),
  requester: text(200).optional(),
  client: clientBody,
  healthy: z.boolean(),
  note: text(2000).optional(),
});
/** "Rujuk ke panti" (Banjarmasin 11): where the file goes, the JKN-KIS condition, the documents in hand. */
export const pantiReferralBody = z.object({
  panti: text(300).min(3),
  jknKis: z.boolean(),
  documents: z.object({ ktpKk: z.boolean(), photo: z.boolean(), video: z.boolean() }),
  note: text(2000).optional(),
});
export const consentBody = z.object({ guardianName: text(200), relation: text(100), givenAt: z.iso.datetime({ offset: true }).optional() });
export const decisionBody = z.object({ decision: z.enum(DECISIONS), assessment: text(2000).min(3), referredTo: text(300).optional() });
export const serviceBody = z.object({ kind: z.enum(SERVICE_KINDS), note: text(500).optional() });

export const terminationBody = z.object({
  ready: z.boolean(),
  readiness: text(2000).min(3),
  kind: z.enum(TERMINATION_KINDS),
  destination: text(500).min(3),
  family: z.object({ name: text(200), relationship: text(100).optional(), document: z.enum(FAMILY_DOCUMENTS), documentNumber: z.string().trim().regex(/^\d{0,16}$/), guaranteeLetter: z.boolean() }).optional(),
  escort: z.object({ officer: text(200), assignmentLetter: text(100) }).optional(),
  belongingsReturned: z.boolean(),
});
export const terminated = z.object({ id: z.string(), terminatedAt: z.string(), number: z.string(), verifyUrl: z.string(), case: z.string().nullable() });

const clock = z.object({ limitDays: z.number().nullable(), eligibleAt: z.string().nullable(), daysStayed: z.number(), state: z.string(), warnedAtDay: z.number().nullable() });
const summary = z.object({ id: z.string(), shelterId: z.string(), state: z.string(), category: z.string(), sex: z.string(), checkedInAt: z.string().nullable(), checkedInAtLocal: z.string().nullable(), bed: z.string().nullable(), clock: clock.nullable(), eligibleAtLocal: z.string().nullable() });
export const occupancySchema = z.object({
  shelter: z.object({ id: z.string(), name: z.string(), address: z.string().nullable() }),
  capacity: z.number(),
  occupied: z.number(),
  free: z.number(),
  limitDays: z.number().nullable(),
  rooms: z.array(z.object({ name: z.string(), sex: z.string(), category: z.string(), beds: z.array(z.object({ id: z.string(), label: z.string(), stay: z.object({ id: z.string(), sex: z.string(), category: z.string(), checkedInAt: z.string(), clock }).nullable() })) })),
  overflow: z.array(summary),
  intakes: z.array(z.object({ id: z.string(), sex: z.string(), category: z.string(), source: z.string(), intakeAt: z.string(), intakeAtLocal: z.string(), decision: z.string().nullable() })),
  lengthOfStay: z.array(z.object({ category: z.string(), clients: z.number().int(), medianDays: z.number(), longestDays: z.number() })).describe('Lama tinggal saat ini per kategori (median, terlama; hari) / current length of stay per category'),
});
export const overLimitSchema = z.object({ limitDays: z.number().nullable(), limitText: z.string().nullable(), stays: z.array(summary) });
