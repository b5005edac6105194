/** How an office takes complaints: its channels (with the decree's own words), types, identity modes, stages and response promise. */
import type { StoredOffice } from '../../db/standards-repo.js';
import { CHANNEL_LABELS, COMPLAINT_MODES, COMPLAINT_TYPES, MODE_LABELS, TYPE_LABELS } from '../../domain/complaints/index.js';
import { complaintSetup } from './office-complaints.js';

export function describeComplaintSetup(office: StoredOffice) {
  const s = complaintSetup(office);
  return {
    office: office.office.slug,
    channels: s.channels.map((k) => ({ kind: k, label: CHANNEL_LABELS[k][0], decree: office.office.complaints.channels.filter((c) => c.kind === k).map((c) => ({ label: c.label, value: c.value ?? null })) })),
    types: COMPLAINT_TYPES.map((t) => ({ id: t, label: TYPE_LABELS[t][0], labelEn: TYPE_LABELS[t][1] })),
    modes: COMPLAINT_MODES.map((m) => ({ id: m, label: MODE_LABELS[m][0], labelEn: MODE_LABELS[m][1] })),
    stages: s.stages.map((x) => ({ id: x.id, label: x.label, labelEn: x.labelEn, kind: x.kind, routing: x.routing })),
    responsePromise: { ...s.promise.sla, source: s.promise.source, text: s.promise.text, textEn: s.promise.textEn },
  };
}
