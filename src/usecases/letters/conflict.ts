/**
 * A letter changed under an action (optimistic versioning): thrown only to abort the transaction
 * that noticed it, and answered as a `conflict` failure at the use case's boundary.
 */
import { fail, type Problem } from '../../domain/errors.js';

export class LetterConflict extends Error {
  constructor() {
    super('letter changed concurrently');
  }
}

export const letterChanged = (): Problem => ({ code: 'conflict', message: 'Surat baru saja berubah; muat ulang', messageEn: 'The letter just changed; reload' });

export const conflictFailure = () => fail('conflict', letterChanged());

/** Runs `work`; a LetterConflict it throws (after its transaction rolled back) becomes `onConflict()`. */
export async function orOnConflict<T, C>(work: () => Promise<T>, onConflict: () => C): Promise<T | C> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof LetterConflict) return onConflict();
    throw e;
  }
}
