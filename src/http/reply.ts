/**
 * The one reply module of the web edge: a failure's HTTP status (the only place that knows it),
 * the JSON error body with its one 422 policy, HTML answers, and reading plain form fields.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { fail, type Failure, type FailureKind, type FieldProblem, type Outcome, type Problem } from '../domain/errors.js';

const STATUS: Record<FailureKind, 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423> = {
  invalid: 422,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  unauthenticated: 401,
  locked: 423,
  'too-large': 413,
  unsupported: 415,
};

export const statusOf = (kind: FailureKind) => STATUS[kind];

export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; problems?: Problem[]; [extra: string]: unknown };
}

/**
 * The error body of a failure. One problem speaks for itself (its code and message; listed in
 * `problems` too when the input is invalid or it names a field or a row). Several
 * problems of invalid input are summed up as `invalid` with their count — of rows when they come
 * from an imported file, else of fields — and listed in `problems` for a form to place each one.
 */
export function failureBody(f: Failure, extra: Record<string, unknown> = {}): ErrorBody {
  const ps = f.problems;
  const first = ps[0] ?? { code: f.kind, message: 'Permintaan tidak dapat diproses', messageEn: 'The request cannot be processed' };
  if (ps.length <= 1) {
    // Invalid input is always listed (a form places each problem); otherwise a lone problem
    // about no particular field is the whole answer.
    const listed = ps.length === 1 && (f.kind === 'invalid' || first.field !== undefined || first.row !== undefined) ? { problems: ps } : {};
    return { error: { code: first.code, message: first.message, messageEn: first.messageEn, ...listed, ...extra } };
  }
  if (f.kind !== 'invalid')
    return { error: { code: first.code, message: ps.map((p) => p.message).join(' '), messageEn: ps.map((p) => p.messageEn).join(' '), problems: ps, ...extra } };
  const rows = new Set(ps.filter((p) => p.row !== undefined).map((p) => p.row)).size;
  return {
    error: {
      code: 'invalid',
      message: rows ? `${rows} baris tidak sah; tidak ada yang disimpan` : `${ps.length} isian perlu diperbaiki`,
      messageEn: rows ? `${rows} invalid row(s); nothing was saved` : `${ps.length} field(s) need fixing`,
      problems: ps,
      ...extra,
    },
  };
}

export function sendFailure(reply: FastifyReply, f: Failure, extra?: Record<string, unknown>) {
  return reply.code(statusOf(f.kind)).type('application/json; charset=utf-8').send(failureBody(f, extra));
}

/** An error that is not a use case's failure (the router's, the framework's, an edge check). */
export function sendError(reply: FastifyReply, status: number, code: string, message: string, messageEn: string, extra?: Record<string, unknown>) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, messageEn, ...extra } });
}

/** JSON serialised beforehand (the catalogue serialises each body once per version); sent as it is. */
export function sendJsonText(reply: FastifyReply, text: string) {
  return reply.type('application/json; charset=utf-8').send(text);
}

export function sendHtml(reply: FastifyReply, html: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** The string fields of a posted form (urlencoded, or multipart read as fields); anything else is dropped. */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A form's zod findings as field problems in both languages, for the form to show beside each field. */
export function zodProblems(e: z.ZodError): FieldProblem[] {
  return e.issues.map((i) => {
    const field = i.path.map(String).join('.') || 'form';
    const [id, en] = issueWords(i);
    return { field, code: 'invalid-input', message: `Isian "${field}" ${id}`, messageEn: `Field "${field}" ${en}` };
  });
}

const listed = (values: readonly unknown[]) => values.slice(0, 12).map(String).join(', ');
const num = (v: number | bigint) => String(v);

/** What is wrong with one value, in words a clerk or a citizen reads (both languages); zod's own English message only as a last resort. */
export function issueWords(i: z.core.$ZodIssue): [string, string] {
  switch (i.code) {
    case 'too_big':
      if (i.origin === 'string') return [`paling banyak ${num(i.maximum)} karakter`, `must be at most ${num(i.maximum)} characters`];
      if (i.origin === 'array' || i.origin === 'set') return [`paling banyak ${num(i.maximum)} butir`, `must have at most ${num(i.maximum)} items`];
      return [`paling besar ${num(i.maximum)}`, `must be at most ${num(i.maximum)}`];
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? ['wajib diisi', 'is required'] : [`paling sedikit ${num(i.minimum)} karakter`, `must be at least ${num(i.minimum)} characters`];
      if (i.origin === 'array' || i.origin === 'set') return [`paling sedikit ${num(i.minimum)} butir`, `must have at least ${num(i.minimum)} items`];
      return [`paling kecil ${num(i.minimum)}`, `must be at least ${num(i.minimum)}`];
    case 'invalid_type':
      if (/received undefined/.test(i.message)) return ['wajib diisi', 'is required'];
      if (i.expected === 'number' || i.expected === 'int') return ['harus berupa angka', 'must be a number'];
      if (i.expected === 'boolean') return ['harus ya atau tidak', 'must be yes or no'];
      return [`harus berupa ${i.expected === 'string' ? 'teks' : i.expected}`, `must be ${i.expected === 'string' ? 'text' : i.expected}`];
    case 'invalid_value':
      return [`harus salah satu dari: ${listed(i.values)}`, `must be one of: ${listed(i.values)}`];
    case 'invalid_format':
      return i.format === 'datetime' || i.format === 'date'
        ? ['bukan tanggal/waktu yang sah', 'is not a valid date/time']
        : i.format === 'email'
          ? ['bukan alamat surel yang sah', 'is not a valid e-mail address']
          : [`formatnya tidak sah (${i.format})`, `has an invalid format (${i.format})`];
    case 'not_multiple_of':
      return [`harus kelipatan ${String(i.divisor)}`, `must be a multiple of ${String(i.divisor)}`];
    case 'unrecognized_keys':
      return [`berisi isian yang tidak dikenal: ${listed(i.keys)}`, `has unknown fields: ${listed(i.keys)}`];
    default:
      return [`tidak sah (${i.message})`, `is invalid (${i.message})`];
  }
}

/**
 * A form's fields, shaped like its JSON twin's body, parsed by the same zod schema: the value, or
 * an `invalid` failure naming each field that does not fit, for the page to show beside it.
 */
export function parseForm<S extends z.ZodType>(schema: S, shaped: unknown): Outcome<z.output<S>> {
  const r = schema.safeParse(shaped);
  return r.success ? { ok: true, value: r.data } : fail('invalid', ...zodProblems(r.error));
}

/**
 * After a form post, back to a page with a one-line message for `flash()` (`?ok=` or `?error=`),
 * in the page's language (303: the browser follows with a GET).
 */
export function redirectWithMessage(reply: FastifyReply, lang: 'id' | 'en', path: string, key: 'ok' | 'error', message: string) {
  const sep = (s: string) => (s.includes('?') ? '&' : '?');
  const to = `${path}${sep(path)}${key}=${encodeURIComponent(message)}`;
  return reply.redirect(lang === 'en' ? `${to}${sep(to)}lang=en` : to, 303);
}

/** A generated file to download (or, `inline`, to show), never sniffed as another type. */
export function sendFile(reply: FastifyReply, body: Buffer, o: { type: string; fileName: string; inline?: boolean }) {
  return reply
    .type(o.type)
    .header('content-disposition', `${o.inline ? 'inline' : 'attachment'}; filename="${o.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

/**
 * A multipart file's bytes, or null when it went over the size limit. toBuffer() alone is not
 * enough: when the limit falls exactly on a chunk boundary no further chunk arrives to make it
 * throw, and the first `limit` bytes came back as if they were the whole file (a truncated upload
 * stored silently). The stream's `truncated` flag is the answer, checked after reading.
 */
export async function wholeFile(part: { toBuffer(): Promise<Buffer>; file: { truncated: boolean } }): Promise<Buffer | null> {
  const buf = await part.toBuffer().catch(() => null);
  return buf && !part.file.truncated ? buf : null;
}

/** The first file of a multipart request, read into memory up to `maxBytes` (null: none sent, or too large). */
export async function readOneFile(req: FastifyRequest, maxBytes: number): Promise<{ file: Buffer | null; tooLarge: boolean }> {
  if (!req.isMultipart()) return { file: null, tooLarge: false };
  for await (const part of req.parts({ limits: { files: 1, fileSize: maxBytes } })) {
    if (part.type !== 'file') continue;
    const file = await wholeFile(part);
    return file ? { file, tooLarge: false } : { file: null, tooLarge: true };
  }
  return { file: null, tooLarge: false };
}

/**
 * A multipart form's fields and at most one file (null: none sent), the file read into memory up to
 * `maxBytes`; `tooLarge` when it went over. The CSRF token is among the fields, for the caller to check.
 */
export async function readFieldsAndFile(req: FastifyRequest, maxBytes: number): Promise<{ fields: Record<string, string>; file: { buf: Buffer; name: string } | null; tooLarge: boolean }> {
  if (!req.isMultipart()) return { fields: formFields(req.body), file: null, tooLarge: false };
  const fields: Record<string, string> = {};
  let file: { buf: Buffer; name: string } | null = null;
  let tooLarge = false;
  for await (const part of req.parts({ limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 4096 } })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const buf = await wholeFile(part);
    if (!buf) tooLarge = true;
    else if (buf.length) file = { buf, name: part.filename };
  }
  return { fields, file, tooLarge };
}
