/** The zod schemas of the emergency API: one definition for validation, types, OpenAPI and the HTML forms that share them. */
import { z } from 'zod';
import { CATEGORIES, DEFAULT_SETTINGS, EMERGENCY_CHANNELS, SETTINGS_BOUNDS, TASKS } from '../../domain/emergency/index.js';
import { NOTIFY_CHANNELS } from '../../domain/notifications/consent.js';

export const BODY_LIMIT = 32 * 1024;

const text = (max: number) => z.string().trim().max(max);
const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const reportBody = z.object({
  office: z.string().max(100),
  service: z.string().max(100),
  reportedAt: z.iso.datetime({ offset: true }).optional(),
  channel: z.enum(EMERGENCY_CHANNELS),
  location: z.object({ text: text(500).min(3), lat: lat.optional(), lng: lng.optional() }),
  description: text(4000).min(5),
  reporter: z
    .object({
      name: text(200).optional(),
      phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/).optional(),
      email: z.string().trim().max(254).optional(),
      /** How the reporter wants news of the report (the citizen's choice of channel, domain/notifications/consent.ts). */
      notify: z.object({ channels: z.array(z.enum(NOTIFY_CHANNELS)).max(3) }).optional(),
    })
    .optional(),
  subject: z.object({ name: text(200).optional(), nik: z.string().trim().max(32).optional(), category: z.enum(CATEGORIES) }),
  answers: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean()])).optional(),
  /** Documents the decree asks for, shown at the counter (staff) or uploaded (POST /api/v1/uploads). */
  documents: z.array(z.object({ requirement: z.string().max(100), shown: z.boolean().optional(), upload: z.string().max(100).optional() })).max(20).optional(),
});

export const reported = z.object({
  registrationNumber: z.string(),
  trackingCode: z.string(),
  reportedAt: z.string(),
  firstResponseDueAt: z.string().nullable(),
  firstResponseDueAtLocal: z.string().nullable(),
  possibleDuplicates: z.array(z.string()),
});

export const firstResponseBody = z.object({
  at: z.iso.datetime({ offset: true }).optional(),
  lat: lat.optional(),
  lng: lng.optional(),
  note: text(2000).min(3),
  photo: z.string().max(100).optional(),
  /** The capturing device's key: a replay of the same capture answers as the first did, never a second response. */
  key: z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/).optional(),
});

export const firstResponded = z.object({ registrationNumber: z.string(), firstResponseAt: z.string(), firstResponseAtLocal: z.string(), minutes: z.number().int(), met: z.boolean().nullable() });

export const assignBody = z.object({ member: z.string().max(100), task: z.enum(TASKS) });
/** The escalated head's acknowledgement on the board, optionally with an order (assign a member). */
export const acknowledgeBody = z.object({ note: text(1000).min(2), order: assignBody.optional() });
export const acknowledged = z.object({ registrationNumber: z.string(), level: z.string(), acknowledgedAt: z.string(), acknowledgedBy: z.string(), waitedMinutes: z.number().int().nullable(), assigned: z.string().nullable() });
export const assigned = z.object({ registrationNumber: z.string(), member: z.string(), task: z.enum(TASKS), onDuty: z.boolean() });

export const mergeBody = z.object({ into: z.string().trim().min(1).max(40) });
export const merged = z.object({ merged: z.string(), into: z.string() });

export const shiftBody = z.object({ member: z.string().max(100), startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) });
export const credentialsBody = z.object({ officialId: text(100).optional(), licence: text(100).optional(), licenceValidUntil: z.string().max(10).optional() });
export const settingsBody = z.object({
  atRiskShare: z.number().min(SETTINGS_BOUNDS.atRiskShare[0]).max(SETTINGS_BOUNDS.atRiskShare[1]),
  reviewHours: z.number().int().min(SETTINGS_BOUNDS.reviewHours[0]).max(SETTINGS_BOUNDS.reviewHours[1]),
  mergeWindowMinutes: z.number().int().min(SETTINGS_BOUNDS.mergeWindowMinutes[0]).max(SETTINGS_BOUNDS.mergeWindowMinutes[1]),
  mergeRadiusMetres: z.number().int().min(SETTINGS_BOUNDS.mergeRadiusMetres[0]).max(SETTINGS_BOUNDS.mergeRadiusMetres[1]).default(DEFAULT_SETTINGS.mergeRadiusMetres),
  autoAssign: z.boolean().default(false),
  ackMinutes: z.number().int().min(SETTINGS_BOUNDS.ackMinutes[0]).max(SETTINGS_BOUNDS.ackMinutes[1]).default(DEFAULT_SETTINGS.ackMinutes),
});

export const numberParams = z.object({ registrationNumber: z.string().max(40) });
export const boardQuery = z.object({ state: z.enum(['open']).optional() });

const entry = z.object({
  registrationNumber: z.string(),
  service: z.string(),
  channel: z.string(),
  category: z.string(),
  location: z.object({ text: z.string(), lat: z.number().nullable(), lng: z.number().nullable() }),
  reportedAt: z.string(),
  firstResponseDueAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  firstResponseMinutes: z.number().nullable(),
  firstResponseState: z.string(),
  millisLeft: z.number().nullable(),
  escalation: z.string(),
  acknowledgement: z.object({ awaiting: z.boolean(), level: z.string(), escalatedAt: z.string().nullable(), waitingMs: z.number().nullable(), by: z.string().nullable(), at: z.string().nullable() }),
  assigned: z.array(z.object({ name: z.string(), task: z.string() })),
  nextReviewAt: z.string().nullable(),
});
export const boardSchema = z.object({ now: z.string(), open: z.array(entry), responded: z.array(entry) });
