// The last moments of the map (issue 16 §1): "dana sudah ditransfer" from the decree's own data, and a complaint's receipt and answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { complaintNoticeOf, composeMessage, noticeOf, WHATSAPP_NOTICE_KINDS, type NoticeFacts } from '../../../src/domain/notifications/messages.js';
import { smsText } from '../../../src/domain/notifications/sms-text.js';

const facts: NoticeFacts = {
  registrationNumber: 'BNJ-2026-000017',
  serviceName: 'Pelayanan Penerimaan Usulan Bantuan Santunan Kematian',
  officeName: 'Dinas Sosial Kota Banjarmasin',
  trackingUrl: 'https://sigap.banjarmasinkota.go.id/lacak',
  status: 'open',
  note: null,
  letterNumber: null,
};

describe('notifications: dana sudah ditransfer (Banjarmasin santunan kematian)', () => {
  const service = parse(readFileSync('standards/kota-banjarmasin/services/04-santunan-kematian.yaml', 'utf8')) as {
    moments: { kind: string; atStep: string; text: string }[];
    components: { key: string; text: string }[];
    procedure: { steps: { id: string; outcomes: { id: string; next: string }[] }[] };
  };

  it("is the decree's data: told when the transfer is recorded, the sentence verbatim in the decree", () => {
    assert.deepEqual(service.moments.map((m) => [m.kind, m.atStep]), [['funds-transferred', 'informasi-pencairan']]);
    const transfer = service.procedure.steps.find((s) => s.id === 'transfer-dana')!;
    assert.deepEqual(transfer.outcomes.map((o) => [o.id, o.next]), [['ditransfer', 'informasi-pencairan']], 'the only way into the moment is the recorded transfer');
    const jaminan = service.components.find((c) => c.key === 'jaminan-keamanan')!;
    assert.ok(jaminan.text.includes(service.moments[0]!.text), 'the sentence is printed in the decree');
  });

  it('maps the step into that moment to its own notice, and nothing else to it', () => {
    assert.equal(noticeOf({ type: 'step-completed', note: null, data: { next: 'informasi-pencairan' }, next: { kind: 'deliver', moment: 'funds-transferred' } }), 'funds-transferred');
    assert.equal(noticeOf({ type: 'step-completed', note: null, data: { next: 'informasi-pencairan' }, next: { kind: 'deliver' } }), null, 'a service whose decree promises no such moment says nothing');
    assert.equal(noticeOf({ type: 'closed:completed', note: null, data: {}, next: { kind: 'deliver', moment: 'funds-transferred' } }), 'decision', 'closing stays the decision');
  });

  it('says the funds went to the account in the file, never the amount, in both languages and by SMS in one segment', () => {
    const m = composeMessage('funds-transferred', facts);
    assert.equal(m.subject, 'Permohonan BNJ-2026-000017: dana bantuan sudah ditransfer / Funds transferred');
    assert.match(m.text, /sudah ditransfer secara non tunai ke rekening penerima yang tercantum dalam berkas/);
    assert.match(m.text, /have been transferred \(non-cash\) to the recipient's account given in the file/);
    assert.doesNotMatch(m.text, /Rp|rupiah|\d{3}\.\d{3}/i, 'no amount');
    const sms = smsText('funds-transferred', facts);
    assert.equal(sms.text, 'Dinas Sosial Kota Banjarmasin: Permohonan BNJ-2026-000017 dana bantuannya sudah ditransfer ke rekening penerima.');
    assert.equal(sms.check.segments, 1);
  });
});

describe("notifications: a complaint's receipt and answer", () => {
  const complaint: NoticeFacts = { ...facts, registrationNumber: 'BNJ-ADU-2026-000004', serviceName: 'Pengaduan', trackingUrl: 'https://sigap.banjarmasinkota.go.id/pengaduan' };

  it('tells the receipt and the written response (an answer, or "not our authority"); nothing else', () => {
    assert.equal(complaintNoticeOf('received'), 'complaint-receipt');
    assert.equal(complaintNoticeOf('answered'), 'complaint-answer');
    assert.equal(complaintNoticeOf('not-our-authority'), 'complaint-answer');
    for (const quiet of ['stage-changed', 'note', 'merged', 'reopened', 'closed', 'information-added', 'sla:late', 'escalated']) assert.equal(complaintNoticeOf(quiet), null, quiet);
  });

  it('offers no WhatsApp template for a complaint notice (they go by e-mail only), but one for the funds transfer', () => {
    assert.ok(!WHATSAPP_NOTICE_KINDS.some((k) => k.startsWith('complaint-')));
    assert.ok(WHATSAPP_NOTICE_KINDS.includes('funds-transferred') && WHATSAPP_NOTICE_KINDS.includes('receipt'));
  });

  it('points at the complaint tracking page with the receipt number and the status, in both languages', () => {
    const r = composeMessage('complaint-receipt', complaint);
    assert.equal(r.subject, 'Pengaduan BNJ-ADU-2026-000004 diterima / Complaint received');
    assert.match(r.text, /Status: sedang diproses \/ in progress/);
    assert.match(r.text, /Lacak pengaduan Anda di https:\/\/sigap\.banjarmasinkota\.go\.id\/pengaduan dengan nomor pengaduan BNJ-ADU-2026-000004/);
    assert.doesNotMatch(r.text, /permohonan/i, 'not worded as an application');
    const a = composeMessage('complaint-answer', { ...complaint, status: 'closed' });
    assert.equal(a.subject, 'Pengaduan BNJ-ADU-2026-000004: sudah ditanggapi / Answered');
    assert.match(a.text, /Status: selesai \/ closed/);
    assert.match(composeMessage('complaint-answer', { ...complaint, status: 'answered' }).text, /Status: sudah dijawab \/ answered/);
  });
});
