/** Helpers for the registry specifications: extract files, people, actors, imports. */
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { findUserByUsername, toStaff } from '../../src/db/staff-repo.js';
import { csvLine, SAMPLE_HEADER, sampleRows } from '../../src/domain/registry/sample.js';
import type { Actor, Ctx } from '../../src/usecases/context.js';
import { importRegistry, type ImportInput } from '../../src/usecases/registry/import-registry.js';
import type { TestApp } from '../support/app.js';
import type { TestCtx } from '../support/ctx.js';

export const HEADER = SAMPLE_HEADER;

/** A registry row in SAMPLE_HEADER order from a few named fields (the rest realistic defaults). */
export function row(p: {
  nik: string;
  kk: string;
  nama: string;
  tanggal_lahir?: string;
  jenis_kelamin?: string;
  hubungan?: string;
  desil?: string;
  pkh?: string;
  bpnt?: string;
  pbi?: string;
  alamat?: string;
  kecamatan?: string;
  kelurahan?: string;
  provinsi?: string;
  kota?: string;
  ibu?: string;
}): string[] {
  return [
    `9${p.nik.slice(-6)}`,
    p.provinsi ?? 'JAMBI',
    p.kota ?? 'KOTA JAMBI',
    p.kecamatan ?? 'PASAR JAMBI',
    p.kelurahan ?? 'BERINGIN',
    p.alamat ?? 'JL. SULTAN THAHA NO. 12',
    '',
    '005',
    '002',
    p.kk,
    p.nik,
    p.nama,
    p.tanggal_lahir ?? '',
    'JAMBI',
    p.jenis_kelamin ?? '',
    p.ibu ?? 'HALIMAH',
    p.hubungan ?? 'KEPALA KELUARGA',
    p.desil ?? '2',
    p.pkh ?? '0',
    p.bpnt ?? '1',
    p.pbi ?? '1',
  ];
}

export interface CsvOptions {
  sep?: string;
  bom?: boolean;
  crlf?: boolean;
  encoding?: 'utf-8' | 'windows-1252';
  header?: string[];
}

/** Writes rows as a CSV extract file. */
export function writeCsv(path: string, rows: string[][], o: CsvOptions = {}): void {
  const sep = o.sep ?? ',';
  const nl = o.crlf ? '\r\n' : '\n';
  const text = (o.bom ? '\uFEFF' : '') + [csvLine(o.header ?? HEADER, sep), ...rows.map((r) => csvLine(r, sep))].join(nl) + nl;
  writeFileSync(path, o.encoding === 'windows-1252' ? iconv.encode(text, 'windows1252') : text);
}

/** `n` generated realistic rows of an office plus the given ones. */
export function extract(office: string, n: number, extra: string[][] = [], seed = 7): string[][] {
  return [...extra, ...sampleRows(n, { office, seed, today: '2026-01-15' })];
}

export async function staffActor(ctx: Ctx, role: string, office: string): Promise<Actor> {
  const u = toStaff((await findUserByUsername(ctx.database.db, `${role}@${office}`))!);
  return { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId };
}

export async function importAs(t: TestCtx, file: string, office: string, extra: Partial<ImportInput> = {}) {
  const actor = extra.actor ?? (await staffActor(t.ctx, 'operator', office));
  return importRegistry(t.ctx, { office, file, actor, databaseUrl: t.location.databaseUrl, ...extra });
}

/** A bearer token for a demo account. */
export async function tokenFor(t: TestApp, username: string): Promise<Record<string, string>> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'sigap-demo' } });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.body}`);
  return { authorization: `Bearer ${JSON.parse(r.body).token}` };
}
