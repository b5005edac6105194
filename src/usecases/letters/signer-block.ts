/** Who signs a letter and how it is printed: the signer's own title, or a.n./Plt. under a delegation. */
import type { Kysely, Transaction } from 'kysely';
import { staffById, type SignerRecord } from '../../db/letters-repo.js';
import type { DB } from '../../db/schema.js';
import { headTitle } from '../../domain/letters/case-fields.js';
import { HEAD_ROLE } from '../../domain/letters/delegation.js';
import type { Office } from '../../domain/standards/schema.js';

export type SignerBlock = SignerRecord & { userId: string };

/** The printed title of a signing role: "Kepala Dinas Sosial Kota Jambi", else the role's name. */
function roleTitle(office: Office, role: string): string {
  if (role === HEAD_ROLE) return headTitle(office);
  return office.roles.find((r) => r.id === role)?.name ?? role;
}

export async function signerBlock(q: Transaction<DB> | Kysely<DB>, office: Office, userId: string, role: string, delegation: { id: string; kind: string } | null): Promise<SignerBlock> {
  const u = await staffById(q, userId);
  if (!u) throw new Error('signer not found');
  const genericName = (r: string) => office.roles.find((x) => x.id === r)?.name;
  const ownTitle = u.title && !u.roles.some((r) => genericName(r) === u.title) ? u.title : u.roles.includes(role) ? roleTitle(office, role) : (genericName(u.roles[0] ?? '') ?? u.title ?? '');
  const onBehalfOf = roleTitle(office, role);
  const position = !delegation ? [`${ownTitle},`] : delegation.kind === 'Plt.' ? [`Plt. ${onBehalfOf},`] : [`a.n. ${onBehalfOf}`, `${ownTitle},`];
  return { userId: u.id, name: u.displayName, title: ownTitle, rank: u.rank, nip: u.nip, position, delegation: delegation ? { ...delegation, onBehalfOf } : null };
}
