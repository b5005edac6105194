/** Who reads the registry: the officer's office and how much of the data they see, or the one refusal. */
import { failWith, type Outcome } from '../../domain/errors.js';
import { maskingFor, type Masking } from '../../domain/registry/access.js';
import type { Actor } from '../context.js';

export function registryReader(actor: Actor): Outcome<{ officeId: string; masking: Masking }> {
  const masking = maskingFor(actor.roles);
  if (!actor.officeId || !masking) return failWith('forbidden', 'role-required', 'Peran Anda tidak berwenang membaca registri', 'Your role may not read the registry');
  return { ok: true, value: { officeId: actor.officeId, masking } };
}
