/**
 * The registry's files at the edge, for the API and the pages alike: an extract received (the
 * file, an optional column mapping file, plain fields) and CSV files sent (rejected-rows reports,
 * exports), both streamed, never held in memory (an extract may be 4 GB). Multipart bodies pass the
 * CSRF hook unread, so a cookie session's token (header `x-csrf-token` or field `_csrf`) is checked
 * here, before the first byte of a file is written.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { ensurePrivateDir, PRIVATE_FILE } from '../io/private-files.js';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { failWith, type Failure } from '../domain/errors.js';
import { csrfValid } from './auth.js';

const MAX_EXTRACT_BYTES = 4 * 1024 ** 3;

export interface ReceivedExtract {
  /** The plain fields (period, threshold, _csrf). */
  fields: Record<string, string>;
  /** Where the extract was stored, or null when none was sent. */
  file: string | null;
  /** The extract's file name as sent. */
  name: string;
  /** The mapping file's text, if one was sent. */
  mappingText: string | null;
}

export type Received = { ok: true; value: ReceivedExtract } | { ok: false; csrf: true } | { ok: false; csrf: false; error: Failure };

const refused = (f: { ok: false; error: Failure }): Received => ({ ...f, csrf: false });

export async function receiveExtract(req: FastifyRequest, target: string): Promise<Received> {
  if (!req.isMultipart()) return refused(failWith('unsupported', 'multipart-required', 'Kirim berkas sebagai multipart/form-data', 'Send the file as multipart/form-data'));
  const fields: Record<string, string> = {};
  let file: string | null = null;
  let name = '';
  let mappingText: string | null = null;
  let checked = false;
  const header = req.headers['x-csrf-token'];
  const tokenValid = () => csrfValid(req, typeof header === 'string' ? header : fields._csrf);
  ensurePrivateDir(dirname(target));
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_EXTRACT_BYTES, files: 2, fields: 20 } })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      // The form puts its token before its files: a forged upload is refused before it is stored.
      if (!checked && !tokenValid()) {
        part.file.resume();
        return { ok: false, csrf: true };
      }
      checked = true;
      if (part.fieldname === 'mapping') {
        const buf = await part.toBuffer();
        if (buf.length) mappingText = buf.toString('utf8');
        continue;
      }
      name = part.filename || 'registri.csv';
      await pipeline(part.file, createWriteStream(target, { mode: PRIVATE_FILE }));
      if (part.file.truncated) {
        await rm(target, { force: true });
        return refused(failWith('too-large', 'file-too-large', 'Berkas terlalu besar (maksimal 4 GB)', 'File too large (at most 4 GB)'));
      }
      file = target;
    }
  } catch {
    await rm(target, { force: true });
    return refused(failWith('invalid', 'upload-invalid', 'Unggahan tidak dapat dibaca', 'The upload could not be read'));
  }
  if (!checked && !tokenValid()) return { ok: false, csrf: true };
  return { ok: true, value: { fields, file, name, mappingText } };
}

/** A CSV download (a file on disk, or lines as they are produced); personal data: never cached. */
export function sendCsv(reply: FastifyReply, filename: string, from: { path: string } | { lines: AsyncIterable<string> }) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send('path' in from ? createReadStream(from.path) : Readable.from(from.lines));
}
