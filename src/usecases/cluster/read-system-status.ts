/** What an office admin sees of the running installation: the database, its read replica and lag, the file store, and this process (issue 18). */
import type { ReplicaStatus } from '../../db/dialect.js';
import { generations } from '../../db/changes-repo.js';
import type { Ctx } from '../context.js';
import { CHANGES_POLL_MS } from './follow-changes.js';

export interface SystemStatus {
  database: string;
  dialect: 'sqlite' | 'postgres';
  replica: ReplicaStatus | null;
  /** Changes other processes announced (calendar per office, standards), by generation. */
  changes: { key: string; generation: number }[];
  changesPollMs: number;
  /** Where uploads and signed letters are kept (FILES_DIR, io/file-store.ts): every process must see the same. */
  files: string;
  process: { pid: number; uptimeSeconds: number; rssMb: number };
}

export async function readSystemStatus(ctx: Ctx): Promise<SystemStatus> {
  const feed = await generations(ctx.database.db);
  return {
    database: ctx.database.describe,
    dialect: ctx.database.dialect,
    replica: await ctx.database.replica(),
    changes: [...feed].map(([key, generation]) => ({ key, generation })).sort((a, b) => a.key.localeCompare(b.key)),
    changesPollMs: CHANGES_POLL_MS,
    files: ctx.files.where,
    process: { pid: process.pid, uptimeSeconds: Math.round(process.uptime()), rssMb: Math.round(process.memoryUsage().rss / 1048576) },
  };
}
