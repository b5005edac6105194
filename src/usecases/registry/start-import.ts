/**
 * Imports started from the back office run in the server process, in the background: the upload
 * is stored, the import runs (its parsing in a worker thread for big files, its loading in batches
 * that let the server keep answering), and its progress is kept in ctx.caches.registry.jobs for the
 * progress page (read-import-progress.ts). The uploaded file is deleted when the import ends (only
 * its SHA-256 is kept), or at once when the request is refused.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, failWith, type Failure, type Outcome } from '../../domain/errors.js';
import { canImport } from '../../domain/registry/access.js';
import { parseMapping, type MappingFile } from '../../domain/registry/columns.js';
import { parseThreshold, validPeriod } from '../../domain/registry/inputs.js';
import { mappingValueOf } from '../../io/registry-file.js';
import type { Actor, Ctx } from '../context.js';
import { importRegistry, type ImportProgress, type ImportResult } from './import-registry.js';

export interface ImportJob {
  id: string;
  officeId: string;
  sourceName: string;
  startedAt: string;
  progress: ImportProgress | null;
  result: ImportResult | null;
  error: string | null;
}

/** How many finished imports keep their outcome in memory for their pages. */
const KEEP_JOBS = 50;

/** A new import's id (its snapshot's id), given before the upload is received. */
export const newImportId = (): string => randomUUID();

/** Where an upload is stored while its import runs. */
export const uploadPathFor = (ctx: Ctx, id: string): string => join(ctx.dataDir, 'registry', 'uploads', `${id}.upload`);

/** Whether this officer may import (their office, then): asked before an upload is received, and again when it starts. */
export function mayImport(actor: Actor): Outcome<string> {
  return actor.officeId && canImport(actor.roles)
    ? { ok: true, value: actor.officeId }
    : failWith('forbidden', 'role-required', 'Impor registri hanya untuk operator atau admin', 'Registry imports are for operators and admins only');
}

export interface ImportRequest {
  id: string;
  /** The stored upload, or null when none was sent. */
  file: string | null;
  sourceName: string;
  /** As typed: YYYY-MM, or blank for the current month. */
  period?: string;
  /** As typed: "1%", "0.01", or blank for the default. */
  threshold?: string;
  /** The column mapping file's text (YAML or JSON), if one was sent. */
  mappingText?: string | null;
}

async function mappingOf(text: string | null | undefined): Promise<Outcome<MappingFile | null>> {
  if (!text) return { ok: true, value: null };
  const v = await mappingValueOf(text);
  if (!v.ok) return failWith('invalid', 'mapping-invalid', v.message, v.messageEn);
  const m = parseMapping(v.value);
  return m.ok ? m : fail('invalid', m.problems[0]!);
}

/** Checks the request and starts its import; returns at once with the job to follow. */
export async function startImport(ctx: Ctx, actor: Actor, req: ImportRequest): Promise<Outcome<ImportJob>> {
  const refuse = async (f: { ok: false; error: Failure }) => {
    if (req.file) await rm(req.file, { force: true });
    return f;
  };
  const allowed = mayImport(actor);
  if (!allowed.ok) return refuse(allowed);
  if (!req.file) return failWith('invalid', 'file-required', 'Pilih berkas ekstrak DTKS/DTSEN (CSV atau XLSX)', 'Choose a DTKS/DTSEN extract file (CSV or XLSX)');
  const mapping = await mappingOf(req.mappingText);
  if (!mapping.ok) return refuse(mapping);
  const period = req.period?.trim() || undefined;
  if (period !== undefined && !validPeriod(period)) return refuse(failWith('invalid', 'period-invalid', 'Periode harus YYYY-MM', 'The period must be YYYY-MM'));
  const threshold = req.threshold?.trim() ? parseThreshold(req.threshold) : undefined;
  if (threshold === null)
    return refuse(
      failWith('invalid', 'threshold-invalid', 'Ambang penolakan: persen 0–100 (mis. 1%) atau pecahan 0–1', 'Rejection threshold: a percentage 0–100 (e.g. 1%) or a fraction 0–1'),
    );
  const file = req.file;
  const jobs = ctx.caches.registry.jobs;
  const job: ImportJob = { id: req.id, officeId: allowed.value, sourceName: req.sourceName, startedAt: new Date().toISOString(), progress: null, result: null, error: null };
  jobs.set(job.id, job);
  if (jobs.size > KEEP_JOBS)
    for (const [k, j] of jobs)
      if (j.result || j.error) {
        jobs.delete(k);
        if (jobs.size <= KEEP_JOBS) break;
      }
  const office = ctx.catalogue.officeById(job.officeId).office.slug;
  void importRegistry(ctx, { office, file, sourceName: req.sourceName, period, mapping: mapping.value, threshold, actor, snapshotId: job.id, onProgress: (p) => (job.progress = { ...p }) })
    .then((r) => (job.result = r))
    .catch((e: unknown) => (job.error = (e as Error).message))
    .finally(() => rm(file, { force: true }).catch(() => undefined));
  return { ok: true, value: job };
}
