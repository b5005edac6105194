/**
 * What a stored snapshot is: the states of its import, the phases it goes through, how its stored
 * cells are read back (its layout), and the kinds of access the access log records. Pure: no I/O.
 */
import type { Field } from './columns.js';

/** loading (invisible to readers) → complete, or refused / failed / abandoned (cleaned up). */
export const SNAPSHOT_STATUSES = ['loading', 'complete', 'refused', 'failed', 'abandoned'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export const IMPORT_PHASES = ['hashing', 'loading', 'indexing', 'comparing', 'publishing', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** How to read a snapshot's stored cells back: the file's header, the stored separator, the mapping. */
export interface Layout {
  header: string[];
  /** Separator of rows stored as their source line. */
  separator: string;
  index: Partial<Record<Field, number>>;
  flags: { name: string; index: number }[];
}

export const EMPTY_LAYOUT: Layout = { header: [], separator: ',', index: {}, flags: [] };

/** What the access log records: every read and export of registry data, and every search of cases by NIK. */
export const ACCESS_ACTIONS = ['lookup-nik', 'lookup-kk', 'export-rows', 'export-person', 'report', 'search-cases'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
