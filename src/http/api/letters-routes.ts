/**
 * JSON API of the letter capability: public verification by QR token (and of an uploaded PDF),
 * and for staff the archive, one letter, its PDF, the register (XLSX), signing, numbering,
 * revocation, cancellation and delegation of signing. Thin: decisions are in usecases/letters/.
 */
import type { Permission } from '../../domain/staff/permissions.js';
import { z } from 'zod';
import type { Letter } from '../../db/letters-repo.js';
import { cancelLetter } from '../../usecases/letters/cancel-letter.js';
import { createDelegation } from '../../usecases/letters/create-delegation.js';
import { downloadLetter } from '../../usecases/letters/download-letter.js';
import { endDelegation } from '../../usecases/letters/end-delegation.js';
import { exportRegister } from '../../usecases/letters/export-register.js';
import { listDelegations } from '../../usecases/letters/list-delegations.js';
import { numberLetters } from '../../usecases/letters/number-letters.js';
import { revokeLetter } from '../../usecases/letters/revoke-letter.js';
import { searchArchive } from '../../usecases/letters/search-archive.js';
import { showLetter } from '../../usecases/letters/show-letter.js';
import { signLetters } from '../../usecases/letters/sign-letters.js';
import { matchesSigned, verifyLetter } from '../../usecases/letters/verify-letter.js';
import type { Ctx } from '../../usecases/context.js';
import { officerOf } from '../auth.js';
import type { ZodApp } from '../pages/plugin.js';
import { readOneFile, sendError, sendFailure, sendFile } from '../reply.js';
import {
  archiveQuery,
  cancelBody,
  delegationBody,
  delegationSchema,
  fileCheckSchema,
  itemResult,
  letterDetail,
  letterSchema,
  letterSummary,
  MAX_CHECKED_PDF,
  numberBody,
  revokeBody,
  signBody,
  tokenParams,
  verifySchema,
  XLSX,
} from './letters-schemas.js';
import { errors, idParams } from './schemas.js';

const letterDto = (l: Letter) => ({
  id: l.id,
  applicationId: l.application_id,
  kind: l.kind,
  letterType: l.letter_type,
  template: l.template_id,
  status: l.status,
  number: l.number,
  title: l.title,
  subject: l.subject,
  holder: l.holder_name,
  paper: l.paper,
  signerRole: l.signer_role,
  issuedOn: l.issued_on,
  validUntil: l.valid_until,
  signedAt: l.signed_at,
  signer: l.signer,
  sha256: l.sha256,
  revokedAt: l.revoked_at,
  revocationReason: l.revocation_reason,
  replacedBy: l.replaced_by,
  verifyPath: l.signed_at ? `/v/${l.token}` : null,
  version: l.version,
});

export function lettersRoutes(app: ZodApp, ctx: Ctx): void {
  const tags = ['letters'];
  const staff = (may: Permission) => ({ access: 'staff', may }) as const;

  /* ---------- public verification ---------- */

  app.get(
    '/api/v1/verify/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Verifikasi surat dengan token QR / Verify a letter by its QR token', params: tokenParams, response: { 200: verifySchema, ...errors(404) } },
    },
    async (req, reply) => {
      const v = await verifyLetter(ctx, req.params.token);
      return v.ok ? v.value : sendFailure(reply, v.error);
    },
  );

  app.post(
    '/api/v1/verify/:token/file',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Periksa berkas PDF (multipart, kolom "file") sama dengan surat bertanda tangan / Check a PDF (multipart field "file") is the signed letter',
        consumes: ['multipart/form-data'],
        params: tokenParams,
        response: { 200: fileCheckSchema, ...errors(404, 422) },
      },
    },
    async (req, reply) => {
      const v = await verifyLetter(ctx, req.params.token);
      if (!v.ok) return sendFailure(reply, v.error);
      const { file, tooLarge } = await readOneFile(req, MAX_CHECKED_PDF);
      if (!file)
        return tooLarge
          ? sendError(reply, 422, 'file-too-large', 'Berkas terlalu besar (maksimal 10 MB)', 'File too large (at most 10 MB)')
          : sendError(reply, 422, 'file-required', 'Kirim berkas PDF pada kolom "file" (multipart)', 'Send the PDF as multipart field "file"');
      const m = matchesSigned(v.value, file);
      return { match: m.match, sha256: m.sha256, signedSha256: v.value.sha256, status: v.value.status, embeddedSignature: m.embedded };
    },
  );

  /* ---------- staff: the archive and one letter ---------- */

  app.get(
    '/api/v1/letters',
    { config: staff('letters.read'), schema: { tags, summary: 'Arsip surat kantor (cari) / Search the office letter archive', querystring: archiveQuery, response: { 200: z.object({ letters: z.array(letterSummary) }), ...errors(401) } } },
    async (req) => {
      const rows = await searchArchive(ctx, officerOf(req).office.id, req.query);
      return {
        letters: rows.map((r) => ({
          id: r.id,
          applicationId: r.application_id,
          registrationNumber: r.registration_number,
          kind: r.kind,
          letterType: r.letter_type,
          status: r.status,
          number: r.number,
          title: r.title,
          subject: r.subject,
          holder: r.holder_name,
          issuedOn: r.issued_on,
          validUntil: r.valid_until,
          signerRole: r.signer_role,
          createdAt: r.created_at,
        })),
      };
    },
  );

  app.get(
    '/api/v1/letters/register.xlsx',
    {
      config: staff('letters.read'),
      schema: {
        tags,
        summary: 'Ekspor agenda surat keluar (XLSX) / Export the outgoing-letter register (XLSX)',
        querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
        produces: [XLSX],
        response: errors(401, 422),
      },
    },
    async (req, reply) => {
      const { from, to } = req.query;
      if (to < from) return sendError(reply, 422, 'range-invalid', 'Tanggal akhir sebelum tanggal awal', 'The end date is before the start date');
      const o = officerOf(req);
      const xlsx = await exportRegister(ctx, o.office.id, { from, to }, o.actor);
      return sendFile(reply, xlsx, { type: XLSX, fileName: `agenda-surat-keluar-${from}-${to}.xlsx` });
    },
  );

  app.get(
    '/api/v1/letters/:id',
    { config: staff('letters.read'), schema: { tags, summary: 'Rincian surat dan riwayatnya / A letter and its history', params: idParams, response: { 200: letterDetail, ...errors(401, 404) } } },
    async (req, reply) => {
      const r = await showLetter(ctx, officerOf(req).office.id, req.params.id, officerOf(req).actor);
      if (!r.ok) return sendFailure(reply, r.error);
      return { ...letterDto(r.value.letter), events: r.value.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at, data: e.data })) };
    },
  );

  app.get(
    '/api/v1/letters/:id/pdf',
    {
      config: staff('letters.read'),
      schema: { tags, summary: 'PDF surat (bertanda tangan, atau pratinjau DRAF) / The letter PDF (signed, or a DRAFT preview)', params: idParams, produces: ['application/pdf'], response: errors(401, 404) },
    },
    async (req, reply) => {
      const r = await downloadLetter(ctx, officerOf(req).office.id, req.params.id, officerOf(req).actor);
      return r.ok ? sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName }) : sendFailure(reply, r.error);
    },
  );

  /* ---------- staff: acting on letters ---------- */

  app.post(
    '/api/v1/letters/sign',
    {
      config: { ...staff('letters.sign'), rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Tandatangani satu atau banyak surat (wajib kata sandi) / Sign one or many letters (password required)',
        body: signBody,
        // 423: the signer's account is locked after five wrong passwords (signing and sign-in count together).
        response: { 200: z.object({ signed: z.number().int(), results: z.array(itemResult) }), ...errors(401, 422, 423) },
      },
    },
    async (req, reply) => {
      const r = await signLetters(ctx, req.body, officerOf(req).actor);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/letters/number',
    {
      config: staff('letters.number'),
      schema: {
        tags,
        summary: 'Beri nomor surat yang belum bernomor / Number unnumbered letters',
        body: numberBody,
        response: { 200: z.object({ results: z.array(itemResult) }), ...errors(401) },
      },
    },
    async (req, reply) => {
      const r = await numberLetters(ctx, req.body.ids, officerOf(req).actor);
      return r.ok ? { results: r.value } : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/letters/:id/revoke',
    {
      config: staff('letters.manage'),
      schema: { tags, summary: 'Cabut surat bertanda tangan / Revoke a signed letter', params: idParams, body: revokeBody, response: { 200: letterSchema, ...errors(401, 403, 404, 409, 422) } },
    },
    async (req, reply) => {
      const r = await revokeLetter(ctx, req.params.id, req.body, officerOf(req).actor);
      return r.ok ? letterDto(r.value) : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/letters/:id/cancel',
    {
      config: staff('letters.manage'),
      schema: {
        tags,
        summary: 'Batalkan surat yang belum ditandatangani (nomornya tetap tercatat) / Cancel an unsigned letter (its number stays recorded)',
        params: idParams,
        body: cancelBody,
        response: { 200: letterSchema, ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await cancelLetter(ctx, req.params.id, req.body, officerOf(req).actor);
      return r.ok ? letterDto(r.value) : sendFailure(reply, r.error);
    },
  );

  /* ---------- staff: delegation of signing ---------- */

  app.get(
    '/api/v1/letter-delegations',
    { config: staff('letters.read'), schema: { tags, summary: 'Pelimpahan wewenang tanda tangan / Signing delegations', response: { 200: z.object({ delegations: z.array(delegationSchema) }), ...errors(401) } } },
    async (req) => {
      const rows = await listDelegations(ctx, officerOf(req).office.id);
      return { delegations: rows.map((d) => ({ id: d.id, role: d.role, from: d.fromName, to: d.toName, toUsername: d.toUsername, kind: d.kind, startsOn: d.startsOn, endsOn: d.endsOn, reason: d.reason, endedAt: d.endedAt })) };
    },
  );

  app.post(
    '/api/v1/letter-delegations',
    {
      config: staff('letters.delegate'),
      schema: {
        tags,
        summary: 'Limpahkan wewenang tanda tangan (a.n./Plt.) untuk rentang tanggal / Delegate signing (a.n./Plt.) for a date range',
        body: delegationBody,
        response: { 201: z.object({ id: z.string() }), ...errors(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const r = await createDelegation(ctx, req.body, officerOf(req).actor);
      return r.ok ? reply.code(201).send(r.value) : sendFailure(reply, r.error);
    },
  );

  app.post(
    '/api/v1/letter-delegations/:id/end',
    { config: staff('letters.delegate'), schema: { tags, summary: 'Akhiri pelimpahan / End a delegation', params: idParams, response: { 200: z.object({ ended: z.literal(true) }), ...errors(401, 404) } } },
    async (req, reply) => {
      const r = await endDelegation(ctx, req.params.id, officerOf(req).actor);
      return r.ok ? r.value : sendFailure(reply, r.error);
    },
  );
}
