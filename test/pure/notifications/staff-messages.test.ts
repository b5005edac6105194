// What an officer is told by e-mail (issue 16 §1): the number, service, state and link, never the applicant.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeStaffMessage, STAFF_KINDS, type StaffFacts } from '../../../src/domain/notifications/staff-messages.js';

const f: StaffFacts = {
  registrationNumber: 'BNJ-2026-000112',
  serviceName: 'Pelayanan Kedaruratan PPKS',
  officeName: 'Dinas Sosial Kota Banjarmasin',
  url: 'https://sigap.banjarmasinkota.go.id/petugas/berkas/0d7f2c8a-1e3b-4c5d-8f9a-6b7c8d9e0f12',
};

describe('notifications: staff messages', () => {
  it('words each kind in both languages with the number, the service and the link to the staff page', () => {
    for (const kind of STAFF_KINDS) {
      const m = composeStaffMessage(kind, { ...f, state: 'breached', task: 'penjemputan' });
      assert.ok(m.subject.startsWith('BNJ-2026-000112'), kind);
      assert.match(m.text, /BNJ-2026-000112 \(Pelayanan Kedaruratan PPKS\)/, kind);
      assert.match(m.text, /Buka \/ Open: https:\/\/sigap\.banjarmasinkota\.go\.id\/petugas\/berkas\/0d7f2c8a/, kind);
      assert.match(m.text, /jangan diteruskan/, kind);
    }
  });

  it('says which way an escalation went and which task an assignment is for', () => {
    assert.match(composeStaffMessage('staff-escalation', { ...f, state: 'breached' }).text, /respon awal melewati batas waktu\.\nReport .* the first response is overdue\./);
    assert.match(composeStaffMessage('staff-escalation', { ...f, state: 'at-risk' }).text, /respon awal hampir melewati batas waktu/);
    assert.equal(composeStaffMessage('staff-assigned', { ...f, task: 'penjemputan' }).subject, 'BNJ-2026-000112: Anda ditugaskan / You are assigned');
    assert.match(composeStaffMessage('staff-assigned', { ...f, task: 'penjemputan' }).text, /untuk tugas penjemputan/);
    assert.doesNotMatch(composeStaffMessage('staff-assigned', f).text, /untuk tugas/, 'no task, no dangling words');
  });
});
