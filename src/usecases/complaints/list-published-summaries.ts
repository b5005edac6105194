/** The anonymised summaries an office has published of handled complaints, newest first (Perpres 76/2013). */
import { publishedSummaries } from '../../db/complaints-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { TYPE_LABELS } from '../../domain/complaints/index.js';
import type { Ctx } from '../context.js';
import { complaintSetup } from './office-complaints.js';

export type PublishedItem = {
  type: string;
  typeLabel: string;
  service: { slug: string; title: string } | null;
  stage: string;
  receivedOn: string;
  answeredOn: string | null;
  resolved: boolean | null;
  summary: string | null;
  publishedOn: string;
};

export async function listPublishedSummaries(ctx: Ctx, office: StoredOffice, limit: number): Promise<PublishedItem[]> {
  const { stages } = complaintSetup(office);
  const local = (iso: string) => ctx.clock.localDate(office.office, iso);
  return (await publishedSummaries(ctx.database.db, office.id, limit)).map((r) => {
    const svc = r.serviceId ? office.services.find((s) => s.id === r.serviceId) : undefined;
    return {
      type: r.type,
      typeLabel: TYPE_LABELS[r.type][0],
      service: svc ? { slug: svc.service.slug, title: svc.service.title } : null,
      stage: stages.find((s) => s.id === r.stage)?.label ?? r.stage,
      receivedOn: local(r.receivedAt),
      answeredOn: r.answeredAt ? local(r.answeredAt) : null,
      resolved: r.resolved,
      summary: r.summary,
      publishedOn: local(r.publishedAt),
    };
  });
}
