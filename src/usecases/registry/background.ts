/**
 * Imports started from the back office run in the server process, in the background: the upload
 * is stored, the import runs (its parsing in a worker thread for big files, its loading in batches
 * that let the server keep answering), and the progress page reads its state here and from the
 * snapshot row. The uploaded file is deleted when the import ends (only its SHA-256 is kept).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import { importRegistry, type ImportInput, type ImportProgress, type ImportResult } from './import-registry.js';

export interface Job {
  id: string;
  officeId: string;
  sourceName: string;
  startedAt: string;
  progress: ImportProgress | null;
  result: ImportResult | null;
  error: string | null;
}

const jobs = new Map<string, Job>();

export function uploadPathFor(ctx: Ctx, id: string): string {
  return join(ctx.dataDir, 'registry', 'uploads', `${id}.upload`);
}

export function newJobId(): string {
  return randomUUID();
}

/** Starts an import of an already stored upload; returns at once. */
export function startBackgroundImport(ctx: Ctx, id: string, input: Omit<ImportInput, 'snapshotId' | 'onProgress' | 'file'>, file: string): Job {
  const job: Job = { id, officeId: input.actor.officeId ?? '', sourceName: input.sourceName ?? '', startedAt: new Date().toISOString(), progress: null, result: null, error: null };
  jobs.set(id, job);
  // Keep the last 50 jobs' outcomes for their pages.
  if (jobs.size > 50) for (const [k, j] of jobs) if (j.result || j.error) {
    jobs.delete(k);
    if (jobs.size <= 50) break;
  }
  void importRegistry(ctx, { ...input, file, snapshotId: id, onProgress: (p) => (job.progress = { ...p }) })
    .then((r) => (job.result = r))
    .catch((e: unknown) => (job.error = (e as Error).message))
    .finally(() => rm(file, { force: true }).catch(() => undefined));
  return job;
}

export function jobOf(id: string, officeId: string): Job | undefined {
  const j = jobs.get(id);
  return j && j.officeId === officeId ? j : undefined;
}
