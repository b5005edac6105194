/** The pure logistics rules: earliest expiry first, the 30/14/7-day expiry bands at their edges, reconciliation, one victim per NIK or per name and village. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiryLevel, pickFefo, reconcile, victimKey } from '../../../src/domain/logistics/index.js';

const lot = (id: string, expiresOn: string | null, onHand: number, receivedAt = '2025-07-01T00:00:00Z') => ({ id, lotCode: id, expiresOn, receivedAt, onHand });

describe('logistics rules', () => {
  it('picks the September lot before the December one, lots without expiry last, and spans lots; null when short', () => {
    const lots = [lot('tanpa', null, 50), lot('DES', '2025-12-01', 20), lot('SEP', '2025-09-01', 15)];
    assert.deepEqual(pickFefo(lots, 10), [{ lotId: 'SEP', lotCode: 'SEP', quantity: 10 }]);
    assert.deepEqual(pickFefo(lots, 40)!.map((p) => [p.lotCode, p.quantity]), [['SEP', 15], ['DES', 20], ['tanpa', 5]]);
    assert.equal(pickFefo(lots, 86), null);
    // Same expiry: first received first.
    assert.deepEqual(pickFefo([lot('B', '2025-09-01', 5, '2025-07-02T00:00:00Z'), lot('A', '2025-09-01', 5, '2025-07-01T00:00:00Z')], 6)!.map((p) => p.lotCode), ['A', 'B']);
  });

  it('expiry bands from the office’s local date: 31 days none, 30 → 30, 15 → 30, 14 → 14, 8 → 14, 7 → 7, 0 → 7, −1 expired', () => {
    const today = '2025-08-10';
    const at = (d: string) => expiryLevel(d, today);
    assert.deepEqual(['2025-09-10', '2025-09-09', '2025-08-25', '2025-08-24', '2025-08-18', '2025-08-17', '2025-08-10', '2025-08-09'].map(at), [null, 30, 30, 14, 14, 7, 7, 'expired']);
    assert.equal(expiryLevel(null, today), null);
  });

  it('reconciles an incident: 40 received − 35 distributed − 3 returned − 2 written off = 0', () => {
    assert.deepEqual(reconcile({ received: 40, distributed: 35, returned: 3, writtenOff: 2 }), { received: 40, distributed: 35, returned: 3, writtenOff: 2, outstanding: 0 });
  });

  it('one victim per NIK, or per name and village with case and spaces folded', () => {
    assert.equal(victimKey({ nik: '1571024507880004', name: 'Siti Aminah' }), victimKey({ nik: '1571024507880004', name: 'SITI AMINAH binti Ahmad' }));
    assert.equal(victimKey({ name: '  pak  DARMAWAN ', village: 'legok' }), victimKey({ name: 'Pak Darmawan', village: 'Legok' }));
    assert.notEqual(victimKey({ name: 'Pak Darmawan', village: 'Legok' }), victimKey({ name: 'Pak Darmawan', village: 'Solok Sipin' }));
  });
});
