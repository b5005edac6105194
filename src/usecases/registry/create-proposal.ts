/** A proposal recorded by hand: a walk-in, or a proposal service that had no NIK at intake. */
import { insertProposal, insertProposalEvent, newProposal, type Proposal } from '../../db/registry-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { parseKk, parseNik } from '../../domain/identity/index.js';
import { canRecordProposal } from '../../domain/registry/access.js';
import type { ProposalKind } from '../../domain/registry/proposals.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

export interface NewProposalInput {
  nik: string;
  kk?: string;
  name: string;
  kind?: ProposalKind;
  note?: string;
}

export async function createProposal(ctx: Ctx, actor: Actor, input: NewProposalInput): Promise<Outcome<Proposal>> {
  if (!actor.officeId || !canRecordProposal(actor.roles)) return failWith('forbidden', 'role-required', 'Peran Anda tidak dapat mencatat usulan', 'Your role cannot record proposals');
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(ctx.catalogue.officeById(actor.officeId).office, now);
  const nik = parseNik(input.nik, { today });
  if (!nik.ok) return fail('invalid', nik.error);
  let kk: string | null = null;
  if (input.kk?.trim()) {
    const k = parseKk(input.kk);
    if (!k.ok) return fail('invalid', k.error);
    kk = k.value.kk;
  }
  const name = input.name.trim();
  if (name.length < 2) return failWith('invalid', 'name-required', 'Nama wajib diisi', 'Name is required');
  const p = newProposal({ officeId: actor.officeId, kind: input.kind ?? 'dtks', nik: nik.value.nik, kk, name: name.slice(0, 200), openedAt: now });
  await ctx.database.write(async (trx) => {
    await insertProposal(trx, p);
    await insertProposalEvent(trx, p, { type: 'opened', stage: 'intake', actor, note: input.note?.trim() || null, data: { manual: true }, at: now });
  });
  return { ok: true, value: p };
}
