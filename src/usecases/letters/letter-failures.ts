/** The failures several letter use cases answer, in one wording each. */
import { failWith } from '../../domain/errors.js';

export const letterNotFound = () => failWith('not-found', 'letter-not-found', 'Surat tidak ditemukan', 'Letter not found');

export const manageForbidden = () =>
  failWith('forbidden', 'letter-action-forbidden', 'Hanya Kepala Dinas atau pejabat penanda tangan surat ini yang dapat mencabut/membatalkannya', "Only the head of office or this letter's signing officer can revoke or cancel it");

export const letterFileMissing = () => failWith('not-found', 'file-missing', 'Berkas surat tidak ditemukan', 'Letter file missing');
