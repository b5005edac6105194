/**
 * The office's complaints for staff, most urgent first, with counts by status and clock state.
 * Confidential complaints are left out for everyone but the complaint officer and the head of
 * office, and no list ever carries a confidential identity; a named complainant's name is masked
 * in lists ("R****** H******") and shown whole only on the complaint itself, whose read is logged
 * (one logged read per complaint opened, instead of up to 200 per list page). A read: clock states are computed for
 * the moment of reading; the minute sweep (sweep-complaints.ts) writes them and notifies.
 */
import { countComplaints, listComplaints as selectComplaints, type Complaint } from '../../db/complaints-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import type { ComplaintSlaState, ComplaintStatus } from '../../domain/complaints/index.js';
import { maskName } from '../../domain/applications/case-search.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { clockReading, complaintAccess, complaintBasics, type ComplaintBasics } from './office-complaints.js';

export type ComplaintSummaryDto = ComplaintBasics & {
  id: string;
  escalated: boolean;
  /** A named complainant's name, masked in lists (whole only on the logged detail); null for anonymous, and for confidential in every list. */
  complainantName: string | null;
  excerpt: string;
  version: number;
};

export interface ComplaintFilter {
  status?: ComplaintStatus | undefined;
  stage?: string | undefined;
  slaState?: ComplaintSlaState | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type ComplaintList = {
  items: ComplaintSummaryDto[];
  counts: { status: string; slaState: string; n: number }[];
};

export function complaintSummary(ctx: Ctx, office: StoredOffice, c: Complaint, now: string): ComplaintSummaryDto {
  const text = c.text.replace(/\s+/g, ' ');
  return {
    id: c.id,
    ...complaintBasics(ctx, office, c, now),
    escalated: c.escalatedAt !== null,
    complainantName: c.mode === 'named' && c.complainantName ? maskName(c.complainantName) : null,
    excerpt: text.length > 140 ? `${text.slice(0, 137)}…` : text,
    version: c.version,
  };
}

export async function listComplaints(ctx: Ctx, actor: Actor, filter: ComplaintFilter): Promise<Outcome<ComplaintList>> {
  const access = complaintAccess(actor);
  if (!access.read || !actor.officeId) return failWith('forbidden', 'role-required', 'Peran Anda tidak dapat melihat daftar pengaduan', 'Your role cannot see the complaint list');
  const office = ctx.catalogue.officeById(actor.officeId);
  const clock = clockReading(ctx);
  const excludeConfidential = !access.confidential;
  const rows = await selectComplaints(ctx.database.db, office.id, { ...filter, excludeConfidential, limit: filter.limit ?? 100 }, clock);
  const counts = await countComplaints(ctx.database.db, office.id, excludeConfidential, clock);
  return { ok: true, value: { items: rows.map((c) => complaintSummary(ctx, office, c, clock.now)), counts } };
}
