/** Failures several case use cases share, in one wording each. */
import { failWith } from '../../domain/errors.js';

export const caseChanged = () => failWith('conflict', 'conflict', 'Permohonan baru saja berubah; muat ulang', 'The application just changed; reload');

export const taskNotFound = () => failWith('not-found', 'task-not-found', 'Tugas tidak ditemukan', 'Task not found');

export const roleRequired = (role: string) => failWith('forbidden', 'role-required', `Tugas ini untuk peran "${role}"`, `This task belongs to the "${role}" role`);

/** An officer whose roles only read (e.g. the auditor) tried to act. */
export const readOnlyRole = () =>
  failWith('forbidden', 'read-only-role', 'Peran Anda hanya untuk membaca berkas; tindakan ini tidak diizinkan', 'Your role only reads cases; this action is not allowed');
