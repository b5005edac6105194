/**
 * The JSON API of group programmes (KUBE, RST), quota queues and the programmes' public
 * transparency (docs/PROGRAMMES.md): register a group (refused 422 in the rule's own words), its
 * group SK, disbursement and report; a period's quota and queue; the public recipients list and the
 * citizen's self-check (rate-limited, logged). Thin: parse, call one use case, map the answer.
 */
import { z } from 'zod';
import type { Group } from '../../db/programme-groups-repo.js';
import type { Permission } from '../../domain/staff/permissions.js';
import type { Ctx } from '../../usecases/context.js';
import { checkOwnRegistration } from '../../usecases/programmes/check-own-registration.js';
import { queueProposal, setProgrammeQuota } from '../../usecases/programmes/queue-proposal.js';
import { listGroups, showGroup } from '../../usecases/programmes/read-groups.js';
import { readPublicRecipients } from '../../usecases/programmes/read-public-recipients.js';
import { readQueue } from '../../usecases/programmes/read-queue.js';
import { recordGroupDecree } from '../../usecases/programmes/record-group-decree.js';
import { recordGroupDisbursement } from '../../usecases/programmes/record-group-disbursement.js';
import { recordGroupReport } from '../../usecases/programmes/record-group-report.js';
import { registerGroup } from '../../usecases/programmes/register-group.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { sendFailure } from '../reply.js';
import {
  groupBody,
  groupDecreeBody,
  groupDetail,
  groupDisbursementBody,
  groupRegistered,
  groupReportBody,
  groupSummary,
  periodParams,
  publicProgrammeParams,
  queueBody,
  queueList,
  queuePlace,
  queueQuery,
  quotaBody,
  recipientsPage,
  recipientsQuery,
  selfCheckAnswer,
  selfCheckBody,
} from './programme-groups-schemas.js';
import { errors, idParams, slugParams } from './schemas.js';

const staff = (may: Permission) => ({ access: 'staff', may }) as const;
const tags = ['programmes'];
/** The self-check answers a yes/no about a person: few tries per client, like the tracking look-up. */
export const SELF_CHECK_RATE = { max: 10, timeWindow: '1 minute' } as const;
export const PUBLIC_LIST_RATE = { max: 60, timeWindow: '1 minute' } as const;

export const groupJson = (g: Group): z.infer<typeof groupSummary> => ({
  id: g.id,
  name: g.name,
  individual: g.individual === 1,
  village: g.village,
  proposalDate: g.proposal_date,
  status: g.status,
  rabTotal: g.rab_total,
  decree: g.decree_number && g.decree_date ? { number: g.decree_number, date: g.decree_date, issuer: g.decree_issuer } : null,
  disbursedOn: g.disbursed_on,
  reportDue: g.report_due,
  reportedOn: g.reported_on,
  version: g.version,
});

export function programmeGroupsRoutes(app: ZodApp, ctx: Ctx): void {
  app.post(
    '/api/v1/programmes/:slug/groups',
    {
      config: staff('programmes.groups'),
      schema: {
        tags,
        summary: 'Daftarkan kelompok program (KUBE, RST) / Register a programme group (KUBE, RST)',
        description: "Members with NIK and KK, officers, the group account and the RAB. The programme's size, age (on the proposal date) and officer rules → 422 with the rule's own wording, each problem at its member's field (members.<i>.birthDate).",
        params: slugParams,
        body: groupBody,
        response: { 201: groupRegistered, ...errors(403, 404, 422) },
      },
    },
    async (req, reply) => {
      const r = await registerGroup(ctx, officerOf(req).actor, req.params.slug, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/programmes/:slug/groups',
    { config: staff('programmes.read'), schema: { tags, summary: 'Kelompok satu program / A programme’s groups', params: slugParams, response: { 200: z.array(groupSummary), ...errors(403, 404) } } },
    async (req, reply) => {
      const r = await listGroups(ctx, officerOf(req).actor, req.params.slug);
      return r.ok ? r.value.groups.map(groupJson) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/programmes/groups/:id',
    { config: staff('programmes.read'), schema: { tags, summary: 'Satu kelompok dengan anggotanya (dicatat) / One group with its members (logged)', params: idParams, response: { 200: groupDetail, ...errors(403, 404) } } },
    async (req, reply) => {
      const r = await showGroup(ctx, officerOf(req).actor, req.params.id);
      if (!r.ok) return sendFailure(reply, r.error);
      const { group: g, members } = r.value;
      return {
        ...groupJson(g),
        business: g.business,
        account: { bank: g.account_bank, number: g.account_number, holder: g.account_holder },
        rab: g.rab,
        members: members.map((m) => ({ position: m.position, nik: m.nik, kk: m.kk, name: m.name, birthDate: m.birth_date, role: m.role as 'ketua' | 'sekretaris' | 'bendahara' | null })),
      };
    },
  );

  app.post(
    '/api/v1/programmes/groups/:id/decree',
    { config: staff('programmes.groups'), schema: { tags, summary: 'Catat SK pembentukan kelompok (KUBE: SK Lurah) / Record the group’s decree (KUBE: the Lurah’s SK)', params: idParams, body: groupDecreeBody, response: { 200: z.object({ version: z.number() }), ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await recordGroupDecree(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/groups/:id/disbursement',
    { config: staff('programmes.groups'), schema: { tags, summary: 'Catat pencairan ke rekening kelompok (tenggat laporan dari data program) / Record the disbursement (report deadline from the programme data)', params: idParams, body: groupDisbursementBody, response: { 200: z.object({ version: z.number(), reportDue: z.string().nullable() }), ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await recordGroupDisbursement(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/groups/:id/report',
    { config: staff('programmes.groups'), schema: { tags, summary: 'Catat laporan kelompok setelah pencairan / Record the group’s report after disbursement', params: idParams, body: groupReportBody, response: { 200: z.object({ version: z.number(), late: z.boolean() }), ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await recordGroupReport(ctx, officerOf(req).actor, req.params.id, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.put(
    '/api/v1/programmes/:slug/quotas/:period',
    { config: staff('programmes.manage'), schema: { tags, summary: 'Tetapkan kuota satu periode (sebagaimana dialokasikan) / Set a period’s quota (as allotted)', params: periodParams, body: quotaBody, response: { 200: z.object({ quota: z.number() }), ...errors(403, 404, 422) } } },
    async (req, reply) => {
      const r = await setProgrammeQuota(ctx, officerOf(req).actor, req.params.slug, { period: req.params.period, ...req.body });
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/programmes/:slug/queue',
    { config: staff('programmes.manage'), schema: { tags, summary: 'Masukkan usulan ke antrean kuota; jawab nomor antrean / Queue a proposal against the quota; answers the position', params: slugParams, body: queueBody, response: { 201: queuePlace, ...errors(403, 404, 409, 422) } } },
    async (req, reply) => {
      const r = await queueProposal(ctx, officerOf(req).actor, req.params.slug, req.body);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.get(
    '/api/v1/programmes/:slug/queue',
    { config: staff('programmes.read'), schema: { tags, summary: 'Antrean kuota satu periode (NIK tersamar; dicatat) / A period’s quota queue (NIK masked; logged)', params: slugParams, querystring: queueQuery, response: { 200: queueList, ...errors(403, 404) } } },
    async (req, reply) => {
      const r = await readQueue(ctx, officerOf(req).actor, req.params.slug, req.query.period);
      if (!r.ok) return sendFailure(reply, r.error);
      return { period: r.value.period, quota: r.value.quota, entries: r.value.entries.map((e) => ({ position: e.position, nik: e.nik, name: e.name, category: e.category, registrationNumber: e.registration_number, withinQuota: e.withinQuota })) };
    },
  );

  app.get(
    '/api/v1/offices/:slug/programmes/:programme/recipients',
    { config: { access: 'public', rateLimit: PUBLIC_LIST_RATE }, schema: { tags, summary: 'Daftar penerima per periode dari SK yang terbit (NIK tersamar) / Recipients per period from issued SKs (NIK masked)', params: publicProgrammeParams, querystring: recipientsQuery, response: { 200: recipientsPage, ...errors(404) } } },
    async (req, reply) => {
      const r = await readPublicRecipients(ctx, req.params.slug, req.params.programme, req.query.period, req.query.page);
      if (!r.ok) return sendFailure(reply, r.error);
      const { programme, period, decrees, recipients, total, more } = r.value;
      return { programme: programme.slug, period, decrees, recipients, total, more };
    },
  );

  app.post(
    '/api/v1/offices/:slug/programmes/:programme/self-check',
    {
      config: { access: 'public', rateLimit: SELF_CHECK_RATE },
      schema: {
        tags,
        summary: 'Cek mandiri NIK + KK: terdaftar / tidak, dan tanggal siklus berikutnya / Self-check by NIK + KK: registered or not, and the next cycle date',
        description: 'Answers only registered (true/false), the period it is about and the next cycle date. Logged; 10 a minute per client.',
        params: publicProgrammeParams,
        body: selfCheckBody,
        response: { 200: selfCheckAnswer, ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const r = await checkOwnRegistration(ctx, req.params.slug, req.params.programme, req.body);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );
}
