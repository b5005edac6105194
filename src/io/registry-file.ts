/**
 * Streaming readers of registry extracts. The file is never held in memory whole: one pass hashes
 * it (SHA-256) and checks its encoding, a second pass yields records in batches.
 *
 * CSV: comma, semicolon, pipe or tab, detected from the header line (per line when a row does not
 * split into the header's column count with it, so files glued together from different exports
 * still read); UTF-8 with or without BOM, Windows-1252, or a mix of both line by line; quoted
 * fields with separators, doubled quotes and line breaks; blank lines skipped (but counted, so
 * row numbers match a spreadsheet's). XLSX: exceljs's streaming reader (no row beyond Excel's last, REGISTRY_XLSX_MAX_ROW), first worksheet or a
 * named one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { inspectZipFile } from './zip-bounds.js';

export type SourceKind = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'windows-1252' | 'mixed';

export interface SourceInfo {
  path: string;
  size: number;
  sha256: string;
  kind: SourceKind;
  /** CSV only: utf-8 when the whole file is valid UTF-8, else mixed (each line UTF-8 if valid, else Windows-1252). */
  encoding: Encoding | null;
}

export interface RecordBatch {
  rowNos: number[];
  /** The cells of each row, or null for a line not split yet (see `lines`). */
  rows: (string[] | null)[];
  /** The source line of each row read without quotes (else null): checked and kept as is when it can be. */
  lines: (string | null)[];
  /** Bytes of the source consumed so far (CSV), or an estimate (XLSX). */
  bytesRead: number;
}

export interface OpenedSource {
  header: string[];
  headerRowNo: number;
  separator: string | null;
  batches: AsyncGenerator<RecordBatch>;
}

export class SourceError extends Error {
  constructor(
    readonly code: string,
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

const CHUNK = 1 << 20;

/** The length of `buf` that ends on a complete UTF-8 sequence (the rest is carried over). */
function completeUtf8Length(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** One pass: SHA-256, size, kind (by content) and, for CSV, whether every byte is valid UTF-8. */
export async function inspectSource(path: string, onBytes?: (n: number) => void): Promise<SourceInfo> {
  const size = (await stat(path)).size;
  const fh = await open(path, 'r');
  const head = Buffer.alloc(4);
  await fh.read(head, 0, 4, 0);
  await fh.close();
  const kind: SourceKind = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 ? 'xlsx' : 'csv';
  const hash = createHash('sha256');
  let utf8 = kind === 'csv';
  let carry: Buffer | null = null;
  let read = 0;
  // Smaller reads here: the hashing pass allocates a buffer per read and nothing else.
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK / 4 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    read += chunk.length;
    onBytes?.(read);
    if (!utf8) continue;
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const ok = completeUtf8Length(buf);
    if (!isUtf8(buf.subarray(0, ok))) utf8 = false;
    carry = ok < buf.length ? Buffer.from(buf.subarray(ok)) : null;
  }
  if (carry && utf8) utf8 = false; // ends inside a multi-byte sequence
  return { path, size, sha256: hash.digest('hex'), kind, encoding: kind === 'csv' ? (utf8 ? 'utf-8' : 'mixed') : null };
}

/* ---------------------------------------------------------------------------------------- */
/* CSV */

const CANDIDATES = [',', ';', '|', '\t'];

/** The separator that splits the header line into the most fields (outside quotes). */
export function detectSeparator(line: string): string {
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let n = 0;
  for (const [c, k] of counts)
    if (k > n) {
      best = c;
      n = k;
    }
  return best;
}

/** Incremental decoder for one of the encodings. */
function decoderFor(encoding: Encoding): { write(b: Buffer): string; end(): string } {
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8');
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  if (encoding === 'windows-1252') {
    const d = iconv.getDecoder('windows1252');
    return { write: (b) => d.write(b), end: () => d.end() ?? '' };
  }
  // Mixed: whole lines are decoded one by one, UTF-8 when valid, else Windows-1252. A line break
  // byte (0x0A) never occurs inside a UTF-8 or Windows-1252 character, so lines split safely.
  let carry: Buffer | null = null;
  const decodeLines = (buf: Buffer): string => {
    let high = false;
    for (let i = 0; i < buf.length; i++)
      if (buf[i]! >= 0x80) {
        high = true;
        break;
      }
    if (!high) return buf.toString('latin1');
    let out = '';
    let start = 0;
    while (start < buf.length) {
      let nl = buf.indexOf(0x0a, start);
      nl = nl < 0 ? buf.length : nl + 1;
      const line = buf.subarray(start, nl);
      out += isUtf8(line) ? line.toString('utf8') : iconv.decode(line, 'windows1252');
      start = nl;
    }
    return out;
  };
  return {
    write(b) {
      const buf = carry ? Buffer.concat([carry, b]) : b;
      const last = buf.lastIndexOf(0x0a);
      if (last < 0) {
        carry = Buffer.from(buf);
        return '';
      }
      carry = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : null;
      return decodeLines(buf.subarray(0, last + 1));
    },
    end() {
      const c = carry;
      carry = null;
      return c ? decodeLines(c) : '';
    },
  };
}

/** Longest record accepted (an unclosed quote would otherwise swallow the rest of the file). */
const MAX_RECORD_CHARS = 1 << 20;

/**
 * Splits decoded text into records. Fast path: a line without quotes is split with
 * String#split; a line with quotes goes through a small state machine that may span lines.
 */
export class CsvSplitter {
  private buf = '';
  /** Row number of the last record emitted (1 = first line), blank lines included. */
  rowNo = 0;
  /** Expected number of fields (the header's, set by the first non-blank record), to try the other separators on a mismatching row. */
  expected = 0;

  readonly sepCode: number;

  constructor(public sep: string) {
    this.sepCode = sep.charCodeAt(0);
  }

  /** Appends text and returns the complete records it closes (blank lines are returned as null). */
  push(text: string, final: boolean, out: SplitRecord[]): void {
    let buf = this.buf.length ? this.buf + text : text;
    if (this.rowNo === 0 && buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    const len = buf.length;
    let p = 0;
    let nq = -2;
    while (p < len) {
      const nl = buf.indexOf('\n', p);
      if (nl < 0 && !final) break;
      const end = nl < 0 ? len : nl;
      if (nq !== -1 && nq < p) nq = buf.indexOf('"', p);
      if (nq === -1 || nq >= end) {
        let lineEnd = end;
        if (lineEnd > p && buf.charCodeAt(lineEnd - 1) === 13) lineEnd--;
        this.rowNo++;
        if (lineEnd === p) out.push({ rowNo: this.rowNo, cells: null, line: null });
        else {
          const line = buf.slice(p, lineEnd);
          const c0 = line.charCodeAt(0);
          if (this.expected && c0 > 32 && c0 !== this.sepCode) {
            // Not blank (its first cell has text): handed over unsplit, for the fast path.
            out.push({ rowNo: this.rowNo, cells: null, line });
          } else {
            const [cells, sep] = splitLine(line, this.sep, this.expected);
            const blank = isBlank(cells);
            // The first non-blank record is the header: it sets the expected column count.
            if (!blank && !this.expected) this.expected = cells.length;
            out.push(blank ? { rowNo: this.rowNo, cells: null, line: null } : { rowNo: this.rowNo, cells, line: sep === this.sep ? line : null });
          }
        }
        p = end + 1;
        continue;
      }
      const r = this.quoted(buf, p, final, this.sep);
      if (!r) {
        if (len - p > MAX_RECORD_CHARS)
          throw new SourceError(
            'unclosed-quote',
            `Tanda kutip tidak ditutup mulai baris ${this.rowNo + 1}: satu baris melebihi ${MAX_RECORD_CHARS} karakter`,
            `Unclosed quote starting at row ${this.rowNo + 1}: one row exceeds ${MAX_RECORD_CHARS} characters`,
          );
        break;
      }
      this.rowNo++;
      let cells = r.cells;
      if (this.expected && cells.length !== this.expected) {
        for (const alt of CANDIDATES) {
          if (alt === this.sep) continue;
          const again = this.quoted(buf, p, true, alt);
          if (again && again.next === r.next && again.cells.length === this.expected) {
            cells = again.cells;
            break;
          }
        }
      }
      const blank = isBlank(cells);
      if (!blank && !this.expected) this.expected = cells.length;
      out.push({ rowNo: this.rowNo, cells: blank ? null : cells, line: null });
      p = r.next;
      nq = -2;
    }
    this.buf = p < len ? buf.slice(p) : '';
  }


  /** Parses one record starting at `p` that contains quotes; null when it needs more text. */
  private quoted(buf: string, p: number, final: boolean, sep: string): { cells: string[]; next: number } | null {
    const cells: string[] = [];
    const len = buf.length;
    let i = p;
    for (;;) {
      let field = '';
      if (i < len && buf[i] === '"') {
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q < 0) {
            if (!final) return null;
            field += buf.slice(i);
            i = len;
            break;
          }
          field += buf.slice(i, q);
          if (buf[q + 1] === '"') {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= len && !final) return null;
          i = q + 1;
          break;
        }
        // Lenient: text after the closing quote belongs to the field ("abc"def → abcdef).
        while (i < len && buf[i] !== sep && buf[i] !== '\n' && buf[i] !== '\r') field += buf[i++];
      } else {
        while (i < len && buf[i] !== sep && buf[i] !== '\n') field += buf[i++];
        if (field.endsWith('\r') && (i >= len || buf[i] === '\n')) field = field.slice(0, -1);
      }
      cells.push(field);
      if (i >= len) {
        if (!final) return null;
        return { cells, next: len };
      }
      if (buf[i] === sep) {
        i++;
        continue;
      }
      if (buf[i] === '\r') i++;
      if (i < len && buf[i] === '\n') return { cells, next: i + 1 };
      if (i >= len) {
        if (!final) return null;
        return { cells, next: len };
      }
    }
  }
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Splits a line read without quotes; when it does not give the expected number of cells, another
 * separator that does is used (a row glued in from another export). Returns the cells and the
 * separator used.
 */
export function splitLine(line: string, sep: string, expected: number): [string[], string] {
  const cells = line.split(sep);
  if (!expected || cells.length === expected) return [cells, sep];
  for (const alt of CANDIDATES) {
    if (alt === sep || !line.includes(alt)) continue;
    const c = line.split(alt);
    if (c.length === expected) return [c, alt];
  }
  return [cells, sep];
}

/**
 * A record: blank (both null), read with quotes (cells), or a line read without quotes (line; its
 * cells when it had to be split already). Lines are split by the consumer only when needed.
 */
export interface SplitRecord {
  rowNo: number;
  cells: string[] | null;
  line: string | null;
}

async function* csvBatches(
  info: SourceInfo,
  encoding: Encoding,
  separator: string | undefined,
  batchSize: number,
  first: { header?: string[]; headerRowNo?: number; sep?: string },
): AsyncGenerator<RecordBatch> {
  const decoder = decoderFor(encoding);
  let splitter: CsvSplitter | null = null;
  let pending = '';
  let read = 0;
  let rowNos: number[] = [];
  let rows: (string[] | null)[] = [];
  let lines: (string | null)[] = [];
  const out: SplitRecord[] = [];
  const take = () => {
    for (const r of out) {
      if (!r.cells && r.line === null) continue;
      if (!first.header) {
        first.header = (r.cells ?? r.line!.split(splitter!.sep)).map((c) => c.trim());
        first.headerRowNo = r.rowNo;
        continue;
      }
      rowNos.push(r.rowNo);
      rows.push(r.cells);
      lines.push(r.line);
    }
    out.length = 0;
  };
  const stream = createReadStream(info.path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>;
  for await (const chunk of stream) {
    read += chunk.length;
    const text = decoder.write(chunk);
    if (!splitter) {
      pending += text;
      const body = pending.replace(/^\uFEFF/, '').replace(/^(\s*\r?\n)+/, '');
      const nl = body.indexOf('\n');
      if (nl < 0 && pending.length < MAX_RECORD_CHARS) continue;
      const sep = separator ?? detectSeparator(nl < 0 ? body : body.slice(0, nl));
      first.sep = sep;
      splitter = new CsvSplitter(sep);
      splitter.push(pending, false, out);
      pending = '';
    } else splitter.push(text, false, out);
    take();
    if (rows.length >= batchSize) {
      yield { rowNos, rows, lines, bytesRead: read };
      rowNos = [];
      rows = [];
      lines = [];
    }
  }
  const tail = decoder.end();
  if (!splitter) {
    const body = (pending + tail).replace(/^\uFEFF/, '');
    const sep = separator ?? detectSeparator(body.split('\n').find((l) => l.trim() !== '') ?? '');
    first.sep = sep;
    splitter = new CsvSplitter(sep);
    splitter.push(body, true, out);
  } else splitter.push(tail, true, out);
  take();
  if (rows.length) yield { rowNos, rows, lines, bytesRead: read };
}

/* ---------------------------------------------------------------------------------------- */
/* XLSX */

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return '';
  }
  return String(v);
}

/**
 * What a registry workbook may hold once unpacked. Excel stops at 1,048,576 rows; a full sheet of
 * the extract's 21 columns is well under 2 GB of XML. The streaming reader holds rows, not the
 * file, but inflating a bomb would still keep the import busy for minutes.
 */
export const REGISTRY_XLSX_LIMITS = { maxEntries: 2000, maxTotalBytes: 2 * 1024 * 1024 * 1024, maxRatio: 100 } as const;

/**
 * The last row an XLSX extract may use: Excel's own last row (1,048,576). An export from Excel or
 * SIKS-NG never goes beyond it; a workbook that does was made by hand to keep the import busy (or
 * inflates far beyond its declared sizes), and is refused as soon as the streaming reader meets
 * such a row, before reading on. Larger extracts come as CSV, which has no such limit.
 */
export const REGISTRY_XLSX_MAX_ROW = 1_048_576;

const tooManyRows = () =>
  new SourceError(
    'xlsx-too-many-rows',
    `Lembar kerja XLSX melewati baris ${REGISTRY_XLSX_MAX_ROW.toLocaleString('id-ID')} (batas Excel); berkas ditolak. Ekspor data sebagai CSV.`,
    `The XLSX worksheet goes beyond row ${REGISTRY_XLSX_MAX_ROW.toLocaleString('en-US')} (Excel's limit); the file is refused. Export the data as CSV.`,
  );

async function* xlsxBatches(info: SourceInfo, sheet: string | undefined, batchSize: number, first: { header?: string[]; headerRowNo?: number }): AsyncGenerator<RecordBatch> {
  // Inflated once as a stream before exceljs opens it: a directory that lies about its sizes is refused here.
  const zip = await inspectZipFile(info.path, REGISTRY_XLSX_LIMITS);
  if (!zip.ok && zip.reason !== 'not-zip')
    throw new SourceError(
      'xlsx-too-large',
      'Isi berkas XLSX terlalu besar setelah dibuka (maksimal 2 GB, 2.000 bagian, dan 100 kali ukuran terkemasnya); ekspor sebagai CSV',
      'The XLSX file is too large once unpacked (at most 2 GB, 2,000 parts, and 100 times its packed size); export it as CSV',
    );
  // Count the bytes the zip reader has consumed: the worksheet is most of the file, so this is
  // a fair measure of progress.
  let read = 0;
  // A counting pass-through (a 'data' listener on the file stream would start it flowing before
  // the zip reader is attached, and lose its first bytes).
  const input = createReadStream(info.path, { highWaterMark: CHUNK }).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        read += chunk.length;
        done(null, chunk);
      },
    }),
  );
  // Loaded only for XLSX: exceljs is large, and CSV imports (and the parse worker) do without it.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let rowNos: number[] = [];
  let rows: string[][] = [];
  let found = false;
  let index = 0;
  try {
    for await (const ws of reader) {
      index++;
      const name = (ws as unknown as { name?: string }).name;
      if (found || (sheet !== undefined && name !== sheet && String(index) !== sheet)) {
        // Worksheets must be consumed to reach the next one.
        for await (const _ of ws) void _;
        continue;
      }
      found = true;
      for await (const row of ws) {
        // Before the row's cells are even read: a crafted sheet stops here, not after millions of rows.
        if (row.number > REGISTRY_XLSX_MAX_ROW) throw tooManyRows();
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.every((c) => c.trim() === '')) continue;
        if (!first.header) {
          first.header = values.map((c) => c.trim());
          first.headerRowNo = row.number;
          continue;
        }
        while (values.length < first.header.length) values.push('');
        rowNos.push(row.number);
        rows.push(values);
        if (rows.length >= batchSize) {
          yield { rowNos, rows, lines: new Array<null>(rows.length).fill(null), bytesRead: Math.min(read, info.size) };
          rowNos = [];
          rows = [];
        }
      }
    }
  } catch (e) {
    // The XML parser keeps a text node whole: a worksheet padded with hundreds of MB of blanks
    // that still packs under the bounds above ends at the engine's string limit. Said plainly.
    if (e instanceof RangeError)
      throw new SourceError(
        'xlsx-unreadable',
        'Berkas XLSX tidak dapat dibaca: lembar kerjanya berisi teks tak wajar yang sangat panjang (mis. ratusan MB spasi); ekspor sebagai CSV',
        'The XLSX file cannot be read: its worksheet holds abnormally long text (e.g. hundreds of MB of blanks); export it as CSV',
      );
    throw e;
  }
  if (!found)
    throw new SourceError('sheet-not-found', `Lembar kerja "${sheet}" tidak ditemukan di berkas XLSX`, `Worksheet "${sheet}" not found in the XLSX file`);
  if (rows.length) yield { rowNos, rows, lines: new Array<null>(rows.length).fill(null), bytesRead: info.size };
}

/**
 * Opens a source for reading: reads up to the header row, then hands out the rest in batches.
 * The header is available once the returned promise resolves.
 */
export async function openSource(
  info: SourceInfo,
  opts: { encoding?: 'auto' | 'utf-8' | 'windows-1252'; separator?: string; sheet?: string; batchSize?: number } = {},
): Promise<OpenedSource> {
  const batchSize = opts.batchSize ?? 5000;
  const first: { header?: string[]; headerRowNo?: number; sep?: string } = {};
  const encoding: Encoding = opts.encoding && opts.encoding !== 'auto' ? opts.encoding : (info.encoding ?? 'utf-8');
  const gen = info.kind === 'xlsx' ? xlsxBatches(info, opts.sheet, batchSize, first) : csvBatches(info, encoding, opts.separator, batchSize, first);
  // Pull until the header is known (the first batch may already hold data rows).
  const buffered: RecordBatch[] = [];
  while (!first.header) {
    const n = await gen.next();
    if (n.done) break;
    buffered.push(n.value);
  }
  if (!first.header) throw new SourceError('empty-file', 'Berkas kosong: tidak ada baris judul kolom', 'The file is empty: no header row');
  async function* batches(): AsyncGenerator<RecordBatch> {
    for (const b of buffered) yield b;
    yield* gen;
  }
  return { header: first.header, headerRowNo: first.headerRowNo ?? 1, separator: first.sep ?? null, batches: batches() };
}

/* ---------------------------------------------------------------------------------------- */
/* Mapping files */

type MappingValue = { ok: true; value: unknown } | { ok: false; message: string; messageEn: string };

/** Reads a mapping file (YAML or JSON; JSON is YAML) into a plain value, or a problem. */
export async function readMappingValue(path: string): Promise<MappingValue> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, message: `Berkas pemetaan tidak dapat dibaca: ${(e as Error).message}`, messageEn: `The mapping file could not be read: ${(e as Error).message}` };
  }
  return mappingValueOf(text);
}

/** A mapping file's text (YAML or JSON) as a plain value, or a problem. */
export async function mappingValueOf(text: string): Promise<MappingValue> {
  const { parse } = await import('yaml');
  try {
    return { ok: true, value: parse(text) };
  } catch (e) {
    return { ok: false, message: `Berkas pemetaan bukan YAML/JSON yang sah: ${(e as Error).message}`, messageEn: `The mapping file is not valid YAML/JSON: ${(e as Error).message}` };
  }
}
