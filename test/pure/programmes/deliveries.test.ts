/** The pure delivery and closing rules: a receiver other than the recipient names their relation, every decree check confirmed, when a cycle may be closed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcile } from '../../../src/domain/programmes/cycles.js';
import { closeProblem, deliveryProblems, isDelivered } from '../../../src/domain/programmes/deliveries.js';

const CHECKS = [
  { id: 'kondisi-baik', text: '2. Bantuan permakanan yang diserahkan dalam kondisi baik, tidak cacat dan tidak kadaluwarsa;' },
  { id: 'jumlah-cukup', text: '3. Bantuan permakanan yang diserahkan dalam jumlah yang cukup sesuai yang ditentukan.' },
];
const at = { recipientName: 'SARIPAH', checks: CHECKS, now: '2026-01-05T06:00:00.000Z', approvedAt: '2026-01-05T02:00:00.000Z' };
const codes = (p: { field?: string; code: string }[]) => p.map((x) => [x.field, x.code]);
const tally = (paid: number, failed: number, pending: number) =>
  reconcile([
    { payment: 'delivered', flag: null, n: paid, rp: 0 },
    { payment: 'failed', flag: null, n: failed, rp: 0 },
    { payment: 'pending', flag: null, n: pending, rp: 0 },
  ]);

describe('in-kind delivery rules', () => {
  it('accepts the recipient in person with both checks, whatever the case and spacing of the name', () => {
    assert.deepEqual(deliveryProblems({ result: 'delivered', receiverName: '  Saripah ', checks: ['kondisi-baik', 'jumlah-cukup'] }, at), []);
  });
  it('asks the relation of anyone else, and names each unconfirmed check in the decree’s words', () => {
    assert.deepEqual(codes(deliveryProblems({ result: 'delivered', receiverName: 'Nurlela', checks: ['jumlah-cukup'] }, at)), [['relation', 'relation-required'], ['checks.kondisi-baik', 'check-not-confirmed']]);
    assert.ok(deliveryProblems({ result: 'delivered', receiverName: 'Nurlela', relation: 'anak kandung', checks: [] }, at).every((p) => p.code === 'check-not-confirmed'));
  });
  it('refuses a time before the approval or in the future, and half a position', () => {
    const ok = ['kondisi-baik', 'jumlah-cukup'];
    assert.deepEqual(codes(deliveryProblems({ result: 'delivered', receiverName: 'SARIPAH', checks: ok, at: '2026-01-05T01:59:00Z' }, at)), [['at', 'at-before-approval']]);
    assert.deepEqual(codes(deliveryProblems({ result: 'delivered', receiverName: 'SARIPAH', checks: ok, at: '2026-01-05T06:01:00Z' }, at)), [['at', 'at-future']]);
    assert.deepEqual(codes(deliveryProblems({ result: 'delivered', receiverName: 'SARIPAH', checks: ok, lng: 116.98 }, at)), [['lat', 'coordinates-incomplete']]);
  });
  it('needs a reason for a failure, and nothing else', () => {
    assert.deepEqual(codes(deliveryProblems({ result: 'failed', reason: ' ' }, at)), [['reason', 'reason-required']]);
    assert.deepEqual(deliveryProblems({ result: 'failed', reason: 'Rumah kosong' }, at), []);
  });
  it('is delivered once nobody is pending', () => {
    assert.equal(isDelivered(tally(2, 1, 0)), true);
    assert.equal(isDelivered(tally(2, 0, 1)), false);
    assert.equal(isDelivered(tally(0, 0, 0)), false, 'an empty cycle is not delivered');
  });
  it('closes paid or delivered cycles, or approved ones with only failures left, writing failures off with a reason', () => {
    assert.equal(closeProblem('delivered', tally(3, 0, 0), null), null);
    assert.equal(closeProblem('delivered', tally(2, 1, 0), null)?.code, 'write-off-reason-required');
    assert.equal(closeProblem('delivered', tally(2, 1, 0), 'Dirawat inap'), null);
    assert.equal(closeProblem('approved', tally(2, 1, 0), 'Rekening ditutup; tidak diulang'), null);
    assert.equal(closeProblem('approved', tally(2, 0, 1), 'x')?.code, 'cycle-pending');
    assert.equal(closeProblem('draft', tally(0, 0, 0), null)?.code, 'cycle-not-approved');
    assert.equal(closeProblem('closed', tally(3, 0, 0), null)?.code, 'cycle-closed');
  });
});
