// Oversize bodies and decompression bombs against the real server, with its wall time and memory
// (VmRSS and the peak VmHWM from /proc/<pid>/status) before and after.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { freshAddress, http, sleep } from './lib.mjs';
import { PNG_1X1, signIn } from './seed.mjs';

/** Deflated data and CRC of each buffer, once: a 1.9 GB worksheet takes seconds to pack. */
const packedOf = new WeakMap();
function pack(data) {
  let p = packedOf.get(data);
  if (!p) packedOf.set(data, (p = { packed: deflateRawSync(data, { level: 9 }), crc: crc32(data) }));
  return p;
}

/** A ZIP of deflated entries (what an XLSX is); `declared` overrides an entry's stated size. */
function zip(entries) {
  const parts = [];
  const dir = [];
  let offset = 0;
  for (const [name, data, declared = data.length] of entries) {
    const n = Buffer.from(name);
    const { packed, crc } = pack(data);
    const head = (sig, size) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = head(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(n.length, 26);
    const central = head(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, n, packed);
    dir.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const cd = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const sheets = new Map();
/** A worksheet of `mb` megabytes, nearly all blanks (one per size, so its packing is done once). */
function blanks(mb) {
  if (!sheets.has(mb)) {
    const sheet = Buffer.alloc(mb * 1024 * 1024, 0x20);
    const close = '</sheetData></worksheet>';
    sheet.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 0);
    sheet.write(close, sheet.length - close.length);
    sheets.set(mb, sheet);
  }
  return sheets.get(mb);
}

/**
 * An XLSX whose one worksheet inflates to `mb` megabytes of whitespace (about a thousandfold);
 * with `declared`, its directory understates the worksheet's size (a lying directory).
 */
export function xlsxBomb(mb, declared) {
  const sheet = blanks(mb);
  const x = (s) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    ['[Content_Types].xml', x('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')],
    ['_rels/.rels', x(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', x(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rels}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    ['xl/_rels/workbook.xml.rels', x(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)],
    ['xl/worksheets/sheet1.xml', sheet, declared],
  ]);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const countFiles = (dir) => {
  try {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1), 0);
  } catch {
    return 0;
  }
};

/** Follows a registry import to its end; its final answer. */
async function importOutcome(base, token, id) {
  for (let i = 0; i < 600; i++) {
    const r = await http(base, 'GET', `/api/v1/registry/imports/${id}`, { token });
    if (r.json?.done) return r.json;
    await sleep(100);
  }
  return { status: 'still running after 60 s' };
}

export async function bombs(run, s) {
  const server = run.server;
  const base = server.base;
  const office = s.offices[0];
  const admin = s.auth[office].token;
  const operator = await signIn(base, `operator@${office}`).catch(() => admin);
  // The survey import bounds a workbook at a few MB unpacked; the registry import allows 2 GB (a
  // full sheet of an extract), so its bomb is the largest that passes that bound.
  const SURVEY_MB = 400;
  const REGISTRY_MB = 1900;
  // Every payload is made before its shot, so that making it does not count as the server's time.
  const bomb = xlsxBomb(SURVEY_MB);
  const big = xlsxBomb(REGISTRY_MB);
  const lying = xlsxBomb(REGISTRY_MB, 4096);
  const hugeJson = Buffer.from(JSON.stringify({ office, service: 'x', applicant: { name: 'x'.repeat(8 * 1024 * 1024) } }));
  const gzipped = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
  const oversize = Buffer.concat([PNG_1X1, Buffer.alloc(12 * 1024 * 1024, 7)]);
  const LIMIT = 10 * 1024 * 1024;
  const atLimit = Buffer.concat([PNG_1X1, randomBytes(LIMIT - PNG_1X1.length)]);
  const overByOne = Buffer.concat([atLimit, Buffer.from([0])]);
  const uploadOf = async (data, name) => {
    const before = countFiles(join(run.place.dataDir, 'uploads'));
    const r = await http(base, 'POST', '/api/v1/uploads', { from: freshAddress(), body: { multipart: [{ name: 'file', filename: name, type: 'image/png', data }] } });
    return { ...r, stored: countFiles(join(run.place.dataDir, 'uploads')) - before };
  };
  const shots = [
    {
      name: `survey import: XLSX of ${(bomb.length / 1048576).toFixed(1)} MB inflating to ${SURVEY_MB} MB`,
      send: () => http(base, 'POST', '/api/v1/surveys/import', { token: admin, body: { multipart: [{ name: 'file', filename: 'kuesioner.xlsx', type: XLSX, data: bomb }] } }),
      ok: (r) => r.status >= 400 && r.status < 500,
    },
    ...[
      ['registry import: XLSX of 1.9 MB inflating to 1900 MB', big],
      ['registry import: XLSX of 1.9 MB inflating to 1900 MB, its directory declaring 4 KB', lying],
    ].map(([name, file]) => ({
      name,
      send: async () => {
        const r = await http(base, 'POST', '/api/v1/registry/imports', { token: operator, body: { multipart: [{ name: 'period', value: new Date().toISOString().slice(0, 7) }, { name: 'file', filename: 'dtks.xlsx', type: XLSX, data: file }] } });
        if (r.status !== 202) return r;
        const end = await importOutcome(base, operator, r.json.id);
        return { ...r, status: r.status, finalStatus: end.status, problem: end.problems?.[0]?.code, text: JSON.stringify(end.problems?.[0] ?? end.status) };
      },
      // Refused with a reason the operator can act on, not an internal error.
      ok: (r) => (r.status >= 400 && r.status < 500) || (r.status === 202 && ['failed', 'refused'].includes(r.finalStatus) && r.problem !== 'internal'),
    })),
    {
      name: 'anonymous upload of 12 MB (limit 10 MB): refused, nothing stored',
      send: () => uploadOf(oversize, 'ktp-besar.png'),
      ok: (r) => r.status === 413 && r.stored === 0,
    },
    {
      name: 'anonymous upload of 10 MB + 1 byte: refused, nothing stored',
      send: () => uploadOf(overByOne, 'kk-pas-batas.png'),
      ok: (r) => r.status === 413 && r.stored === 0,
    },
    {
      name: 'anonymous upload of exactly 10 MB: stored whole (its sha256 is that of every byte sent)',
      send: () => uploadOf(atLimit, 'kk-tepat-batas.png'),
      ok: (r) => r.status === 201 && r.json?.size === LIMIT && r.json?.sha256 === createHash('sha256').update(atLimit).digest('hex'),
    },
    {
      name: 'JSON body of 8 MB to the public application form',
      send: () => http(base, 'POST', '/api/v1/applications', { from: freshAddress(), body: hugeJson, headers: { 'content-type': 'application/json' } }),
      // 413 before the body is read; the server may close the socket while the client still writes (EPIPE).
      ok: (r) => r.status === 413 || (r.status === 0 && /EPIPE|ECONNRESET/.test(r.error ?? '')),
    },
    {
      name: 'gzip-encoded JSON body that inflates to 200 MB',
      send: () => http(base, 'POST', '/api/v1/complaints', { from: freshAddress(), body: gzipped, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }),
      ok: (r) => r.status >= 400 && r.status < 500,
    },
  ];
  const failures = [];
  const figures = { memoryAtStart: server.memory() };
  for (const shot of shots) {
    const before = server.memory();
    const t0 = Date.now();
    // Meanwhile a resident checks the catalogue: the server must keep answering others.
    let worstPing = 0;
    let sending = true;
    const pinger = (async () => {
      while (sending) {
        const p = await http(base, 'GET', '/api/v1/offices', { timeout: 30_000 });
        worstPing = Math.max(worstPing, p.ms);
        await sleep(200);
      }
    })();
    const r = await shot.send();
    sending = false;
    await pinger;
    const ms = Date.now() - t0;
    const after = server.memory();
    const alive = await http(base, 'GET', '/api/v1/offices', { timeout: 5000 });
    const fig = { status: r.status || r.error, ...(r.finalStatus ? { importStatus: r.finalStatus } : {}), ...(r.stored !== undefined ? { filesStored: r.stored } : {}), seconds: Math.round(ms / 100) / 10, rssMbBefore: before.rssMb, rssMbAfter: after.rssMb, peakMbAfter: after.peakMb, worstOtherRequestMs: Math.round(worstPing), answer: (r.json?.error?.code ?? r.text ?? '').slice(0, 100) };
    figures[shot.name] = fig;
    if (!shot.ok(r)) failures.push(`${shot.name}: answered ${r.status}${r.finalStatus ? ` (${r.finalStatus})` : ''} ${fig.answer}`);
    if (ms > 30_000) failures.push(`${shot.name}: took ${fig.seconds} s (bound 30 s)`);
    if (after.peakMb - before.peakMb > 1024) failures.push(`${shot.name}: the server's peak memory grew by ${after.peakMb - before.peakMb} MB (bound 1 GB)`);
    if (alive.status !== 200) failures.push(`${shot.name}: the server stopped answering`);
    if (worstPing > 2000) failures.push(`${shot.name}: other requests waited ${Math.round(worstPing)} ms meanwhile (bound 2 s)`);
  }
  figures.memoryAtEnd = server.memory();
  return { pass: failures.length === 0, failures, figures };
}
