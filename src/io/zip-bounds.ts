/**
 * Bounds on a ZIP container (XLSX) read before any spreadsheet library opens it: the entry count
 * and the declared uncompressed sizes from the central directory, and — for a file held in memory —
 * the real inflated size of each entry, capped at what it declared. A 2 MB workbook that inflates
 * to 530 MB is refused in milliseconds instead of blocking the server for half a minute.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** At most this many entries (an XLSX has a dozen or so; thousands are a bomb or junk). */
  maxEntries: number;
  /** At most this many bytes once every entry is inflated. */
  maxTotalBytes: number;
}

export type ZipVerdict =
  | { ok: true; entries: number; totalBytes: number }
  | { ok: false; reason: 'not-zip' | 'zip64' | 'too-many-entries' | 'too-large' | 'size-mismatch'; entries: number; totalBytes: number };

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** The End Of Central Directory record at the end of `tail` (the file's last bytes), if any. */
function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - MAX_COMMENT); i--) if (tail.readUInt32LE(i) === EOCD) return i;
  return -1;
}

type Directory = { ok: true; entries: Entry[] } | { ok: false; reason: 'not-zip' | 'zip64' | 'too-many-entries' };

function readDirectory(eocd: Buffer, readAt: (offset: number, length: number) => Buffer, limits: ZipLimits): Directory {
  const count = eocd.readUInt16LE(10);
  const cdSize = eocd.readUInt32LE(12);
  const cdOffset = eocd.readUInt32LE(16);
  // ZIP64 marks its fields with all ones; a spreadsheet that large belongs in a CSV.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (count > limits.maxEntries) return { ok: false, reason: 'too-many-entries' };
  const cd = readAt(cdOffset, cdSize);
  if (cd.length < cdSize) return { ok: false, reason: 'not-zip' };
  const entries: Entry[] = [];
  let p = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL) {
    if (entries.length >= limits.maxEntries) return { ok: false, reason: 'too-many-entries' };
    const compressedSize = cd.readUInt32LE(p + 20);
    const size = cd.readUInt32LE(p + 24);
    const localOffset = cd.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
    entries.push({ method: cd.readUInt16LE(p + 10), compressedSize, size, localOffset });
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return entries.length ? { ok: true, entries } : { ok: false, reason: 'not-zip' };
}

/**
 * Checks a workbook held in memory: the directory's limits, then each entry inflated with its
 * output capped at its declared size, so a lying directory cannot make us inflate more.
 */
export function inspectZip(buf: Buffer, limits: ZipLimits): ZipVerdict {
  const tail = buf.subarray(Math.max(0, buf.length - 22 - MAX_COMMENT));
  const at = findEocd(tail);
  if (at < 0) return { ok: false, reason: 'not-zip', entries: 0, totalBytes: 0 };
  const dir = readDirectory(tail.subarray(at), (o, l) => buf.subarray(o, o + l), limits);
  if (!dir.ok) return { ok: false, reason: dir.reason, entries: 0, totalBytes: 0 };
  const declared = dir.entries.reduce((s, e) => s + e.size, 0);
  if (declared > limits.maxTotalBytes) return { ok: false, reason: 'too-large', entries: dir.entries.length, totalBytes: declared };
  let total = 0;
  for (const e of dir.entries) {
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) return { ok: false, reason: 'not-zip', entries: dir.entries.length, totalBytes: total };
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    let out: number;
    if (e.method === 0) out = data.length;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }).length;
      } catch {
        // Over its declared size (or corrupt): either way not a workbook to open.
        return { ok: false, reason: 'size-mismatch', entries: dir.entries.length, totalBytes: total };
      }
    } else return { ok: false, reason: 'not-zip', entries: dir.entries.length, totalBytes: total };
    if (out !== e.size) return { ok: false, reason: 'size-mismatch', entries: dir.entries.length, totalBytes: total };
    total += out;
  }
  return { ok: true, entries: dir.entries.length, totalBytes: total };
}

/** Inflates one entry of a file on disk, counting, and stops as soon as it outgrows what it declared. */
async function inflatesAsDeclared(path: string, fh: Awaited<ReturnType<typeof open>>, e: Entry): Promise<boolean> {
  const local = Buffer.alloc(30);
  await fh.read(local, 0, 30, e.localOffset);
  if (local.readUInt32LE(0) !== LOCAL) return false;
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (e.method === 0) return e.compressedSize === e.size;
  if (e.method !== 8) return false;
  if (e.compressedSize === 0) return e.size === 0;
  return new Promise((resolve) => {
    let out = 0;
    const source = createReadStream(path, { start, end: start + e.compressedSize - 1 });
    const inflate = createInflateRaw();
    const stop = (ok: boolean) => {
      source.destroy();
      inflate.destroy();
      resolve(ok);
    };
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > e.size) stop(false);
    });
    inflate.on('end', () => stop(out === e.size));
    inflate.on('error', () => stop(false));
    source.on('error', () => stop(false));
    source.pipe(inflate);
  });
}

/**
 * Checks a workbook on disk from its central directory (declared sizes and entry count) and, with
 * `inflate`, by inflating every entry once as a stream with its output counted and stopped at its
 * declared size: a directory that lies (a few kilobytes declared, gigabytes inside) is refused
 * before the spreadsheet reader spends minutes on it. The reader that follows reads the file again.
 */
export async function inspectZipFile(path: string, limits: ZipLimits, opts: { inflate?: boolean } = {}): Promise<ZipVerdict> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailLength = Math.min(size, 22 + MAX_COMMENT);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    const at = findEocd(tail);
    if (at < 0) return { ok: false, reason: 'not-zip', entries: 0, totalBytes: 0 };
    const eocd = tail.subarray(at);
    const cdSize = eocd.readUInt32LE(12);
    const cdOffset = eocd.readUInt32LE(16);
    const cd = Buffer.alloc(cdSize <= size ? cdSize : 0);
    if (cd.length) await fh.read(cd, 0, cd.length, cdOffset);
    const dir = readDirectory(eocd, () => cd, limits);
    if (!dir.ok) return { ok: false, reason: dir.reason, entries: 0, totalBytes: 0 };
    const declared = dir.entries.reduce((s, e) => s + e.size, 0);
    if (declared > limits.maxTotalBytes) return { ok: false, reason: 'too-large', entries: dir.entries.length, totalBytes: declared };
    if (opts.inflate)
      for (const e of dir.entries) if (!(await inflatesAsDeclared(path, fh, e))) return { ok: false, reason: 'size-mismatch', entries: dir.entries.length, totalBytes: declared };
    return { ok: true, entries: dir.entries.length, totalBytes: declared };
  } finally {
    await fh.close();
  }
}
