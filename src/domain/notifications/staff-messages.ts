/**
 * What an officer is told by e-mail (issue 16 §1, pure): a case at risk or late, an escalation, an
 * assignment. Only the registration number, the service, the state and the link to the staff page:
 * never the citizen's name, NIK or anything from the file (a work mailbox is read on phones and
 * shared screens; the page behind the link asks for a session and logs the read).
 */
export const STAFF_KINDS = ['staff-at-risk', 'staff-late', 'staff-escalation', 'staff-assigned'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];

export const STAFF_LABEL: Record<StaffKind, [string, string]> = {
  'staff-at-risk': ['hampir terlambat', 'at risk'],
  'staff-late': ['terlambat', 'late'],
  'staff-escalation': ['eskalasi', 'escalation'],
  'staff-assigned': ['penugasan', 'assignment'],
};

export interface StaffFacts {
  registrationNumber: string;
  serviceName: string;
  officeName: string;
  /** The staff page of the case or report (an absolute URL). */
  url: string;
  /** Escalation: the state that caused it (at-risk or breached first response). */
  state?: string | null;
  /** Assignment: the task's id (penjemputan, pendampingan, …), never what the report says. */
  task?: string | null;
}

const footer = (f: StaffFacts) =>
  `\n\nBuka / Open: ${f.url}\n\n${f.officeName} · Sigap\nPesan kerja otomatis untuk petugas; jangan diteruskan. / Automatic work message for staff; do not forward.`;

export function composeStaffMessage(kind: StaffKind, f: StaffFacts): { subject: string; text: string } {
  const what = `${f.registrationNumber} (${f.serviceName})`;
  switch (kind) {
    case 'staff-at-risk':
      return { subject: `${f.registrationNumber} hampir terlambat / at risk of being late`, text: `Permohonan ${what} hampir melewati batas waktu layanan.\nApplication ${what} is close to its service deadline.` + footer(f) };
    case 'staff-late':
      return { subject: `${f.registrationNumber} terlambat / late`, text: `Permohonan ${what} telah melewati batas waktu layanan.\nApplication ${what} is past its service deadline.` + footer(f) };
    case 'staff-escalation': {
      const breached = f.state === 'breached';
      return {
        subject: `${f.registrationNumber}: eskalasi / escalation`,
        text:
          `Laporan ${what} dieskalasi kepada Anda: respon awal ${breached ? 'melewati batas waktu' : 'hampir melewati batas waktu'}.\n` +
          `Report ${what} is escalated to you: the first response is ${breached ? 'overdue' : 'at risk'}.` +
          footer(f),
      };
    }
    case 'staff-assigned':
      return {
        subject: `${f.registrationNumber}: Anda ditugaskan / You are assigned`,
        text: `Anda ditugaskan pada ${what}${f.task ? ` untuk tugas ${f.task}` : ''}.\nYou are assigned to ${what}${f.task ? ` for the task ${f.task}` : ''}.` + footer(f),
      };
  }
}
