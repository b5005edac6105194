/** The unsigned letters of one case of the officer's office: what a sign step (or a waiting case) will sign, to preview first. */
import { findCase } from '../../db/applications-repo.js';
import { lettersOfApplication } from '../../db/letters-repo.js';
import { isUnsigned } from '../../domain/letters/status.js';
import type { Ctx } from '../context.js';

export interface LetterToSign {
  id: string;
  title: string;
  number: string | null;
  status: string;
}

/** The letters, and the office's names of the roles that sign them ("Kepala Dinas Sosial"). */
export async function caseLettersToSign(ctx: Ctx, officeId: string, applicationId: string): Promise<{ letters: LetterToSign[]; signers: string }> {
  // Office-scoped: another office's case has no letters here.
  if (!(await findCase(ctx.database.db, officeId, applicationId))) return { letters: [], signers: '' };
  const unsigned = (await lettersOfApplication(ctx.database.db, applicationId)).filter((l) => isUnsigned(l.status));
  const roles = ctx.catalogue.officeById(officeId).office.roles;
  const signers = [...new Set(unsigned.map((l) => roles.find((r) => r.id === l.signer_role)?.name ?? l.signer_role))].join(' / ');
  return { letters: unsigned.map((l) => ({ id: l.id, title: l.title, number: l.number, status: l.status })), signers };
}
