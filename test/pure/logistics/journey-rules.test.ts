/** The pure rules of a shipment's journey, the lumbung release gate, closing an incident and the wording of the receipt and write-off records. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stockDocumentText } from '../../../src/domain/logistics/documents.js';
import { defaultReleaseGate, reconcile, releaseAllowed, shipmentMayMove, unbalanced } from '../../../src/domain/logistics/index.js';

describe('logistics journey rules', () => {
  it('a shipment moves forward only: arrival may follow dispatch directly, only what has not arrived is returned whole, a handover needs the arrival', () => {
    assert.ok(shipmentMayMove('dispatched', 'in-transit') && shipmentMayMove('dispatched', 'arrived') && shipmentMayMove('in-transit', 'returned'));
    assert.ok(shipmentMayMove('arrived', 'handed-over'));
    assert.ok(!shipmentMayMove('dispatched', 'handed-over'), 'no handover before arrival');
    assert.ok(!shipmentMayMove('arrived', 'returned'), 'what arrived comes back as an ordinary return');
    assert.ok(!shipmentMayMove('in-transit', 'dispatched') && !shipmentMayMove('handed-over', 'arrived') && !shipmentMayMove('returned', 'in-transit'));
    assert.ok(!shipmentMayMove('unknown', 'arrived'));
  });

  it('the gate is data: a lumbung starts gated, the office gudang not; a gated warehouse releases only with a declared status', () => {
    assert.equal(defaultReleaseGate('lumbung-desa'), 'status-tanggap-darurat');
    assert.equal(defaultReleaseGate('lumbung-kecamatan'), 'status-tanggap-darurat');
    assert.equal(defaultReleaseGate('gudang-dinas'), 'none');
    const declared = { decree: 'Keputusan Wali Kota Jambi Nomor 412 Tahun 2025', declaredBy: 'Wali Kota Jambi', declaredOn: '2025-11-20' };
    assert.equal(releaseAllowed('status-tanggap-darurat', null), false);
    assert.equal(releaseAllowed('status-tanggap-darurat', declared), true);
    assert.equal(releaseAllowed('none', null), true);
  });

  it('closing reads the items that do not balance: 40 − 30 − 0 − 0 leaves 10 in the field; 40 − 35 − 3 − 2 balances', () => {
    const lines = [{ item: 'a', ...reconcile({ received: 40, distributed: 30, returned: 0, writtenOff: 0 }) }, { item: 'b', ...reconcile({ received: 40, distributed: 35, returned: 3, writtenOff: 2 }) }];
    assert.deepEqual(unbalanced(lines).map((l) => [l.item, l.outstanding]), [['a', 10]]);
  });

  it('the write-off record names each lot, the reason, the keeper and a blank line for the witness when none is named', () => {
    const t = stockDocumentText({ kind: 'penghapusan', officeName: 'Dinas Sosial Kota Jambi', warehouseName: 'Gudang Logistik Bencana', issuedOn: '2025-11-20', item: { code: 'FK-01', name: 'Family kit', unit: 'paket' }, lines: [{ lot: 'SEP', expiresOn: '2025-09-01', quantity: 2 }, { lot: 'DES', expiresOn: null, quantity: 1 }], reason: 'Kedaluwarsa', recordedBy: { name: 'Hendra Saputra', title: 'Pejabat Fungsional' } });
    const text = JSON.stringify(t.blocks);
    assert.equal(t.title, 'BERITA ACARA PENGHAPUSAN BARANG BANTUAN LOGISTIK');
    assert.match(text, /lot SEP, kedaluwarsa 1 September 2025: 2 paket/);
    assert.match(text, /lot DES: 1 paket/);
    assert.match(text, /"value":"3 paket"/);
    assert.match(text, /\.{10,} — tanda tangan pada salinan kertas/);
    const r = stockDocumentText({ kind: 'penerimaan', officeName: 'Dinas Sosial Kota Jambi', warehouseName: 'Gudang Logistik Bencana', issuedOn: '2025-11-20', item: { code: 'FK-01', name: 'Family kit', unit: 'paket' }, lines: [{ lot: 'FK-2025-07', expiresOn: null, quantity: 100 }], condition: 'rusak-ringan', funding: 'APBN', handedOverBy: 'Balai Besar Logistik Kemensos', recordedBy: { name: 'Hendra Saputra', title: 'Pejabat Fungsional' } });
    assert.match(JSON.stringify(r.blocks), /PIHAK KEDUA \(yang menerima\)","value":"Hendra Saputra, Dinas Sosial Kota Jambi"/, 'the recording officer receives when nobody else is named');
    assert.match(JSON.stringify(r.blocks), /rusak ringan/);
  });
});
