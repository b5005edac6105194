/** A form value that does not fit its schema is told in words a clerk or citizen reads, in both languages, never zod's raw English alone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { parseForm } from '../../../src/http/reply.js';

const settings = z.object({
  mergeRadiusMetres: z.number().int().min(10).max(5000),
  note: z.string().trim().min(1).max(20),
  channel: z.enum(['phone', 'whatsapp']),
  startsAt: z.iso.datetime({ offset: true }),
  members: z.array(z.string()).max(2),
});
const ok = { mergeRadiusMetres: 200, note: 'Piket malam', channel: 'phone', startsAt: '2025-05-05T22:00:00+08:00', members: ['a'] };
const problem = (over: Record<string, unknown>) => {
  const r = parseForm(settings, { ...ok, ...over });
  assert.ok(!r.ok);
  return r.error.problems.map((p) => [p.field, p.message, p.messageEn]);
};

describe('form problems in words', () => {
  it('names the bound a number or a text passed', () => {
    assert.deepEqual(problem({ mergeRadiusMetres: 99999 }), [['mergeRadiusMetres', 'Isian "mergeRadiusMetres" paling besar 5000', 'Field "mergeRadiusMetres" must be at most 5000']]);
    assert.deepEqual(problem({ mergeRadiusMetres: 5 }), [['mergeRadiusMetres', 'Isian "mergeRadiusMetres" paling kecil 10', 'Field "mergeRadiusMetres" must be at least 10']]);
    assert.deepEqual(problem({ note: 'Laporan dari Ketua RT 04 tentang lansia' }), [['note', 'Isian "note" paling banyak 20 karakter', 'Field "note" must be at most 20 characters']]);
    assert.deepEqual(problem({ members: ['a', 'b', 'c'] }), [['members', 'Isian "members" paling banyak 2 butir', 'Field "members" must have at most 2 items']]);
  });

  it('says a field is required when it is empty or missing, and what kind of value it needs', () => {
    assert.deepEqual(problem({ note: '   ' })[0]!.slice(1), ['Isian "note" wajib diisi', 'Field "note" is required']);
    assert.deepEqual(problem({ mergeRadiusMetres: undefined })[0]!.slice(1), ['Isian "mergeRadiusMetres" wajib diisi', 'Field "mergeRadiusMetres" is required']);
    assert.deepEqual(problem({ mergeRadiusMetres: 'dua ratus' })[0]!.slice(1), ['Isian "mergeRadiusMetres" harus berupa angka', 'Field "mergeRadiusMetres" must be a number']);
  });

  it('lists the allowed choices and rejects a malformed date in both languages', () => {
    assert.deepEqual(problem({ channel: 'telegram' })[0]!.slice(1), ['Isian "channel" harus salah satu dari: phone, whatsapp', 'Field "channel" must be one of: phone, whatsapp']);
    assert.deepEqual(problem({ startsAt: '5 Mei 2025 jam 10' })[0]!.slice(1), ['Isian "startsAt" bukan tanggal/waktu yang sah', 'Field "startsAt" is not a valid date/time']);
  });
});
