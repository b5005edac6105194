// Which channels a message may use: the citizen's recorded choice, else e-mail only when given.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelsAllowed, readChoice } from '../../../src/domain/notifications/consent.js';

const at = '2026-12-07T02:00:00.000Z';

describe('channels a citizen may be told through', () => {
  it('uses only e-mail, and only with an address, when no choice was recorded', () => {
    assert.deepEqual(channelsAllowed({ phone: '0812 5123 4567', email: 'siti.rahmah@example.id' }), [{ channel: 'email', to: 'siti.rahmah@example.id' }]);
    assert.deepEqual(channelsAllowed({ phone: '0812 5123 4567' }), []);
  });

  it('follows the recorded choice in its order, skipping a channel without its address', () => {
    const notify = { channels: ['whatsapp', 'sms', 'email'], basis: 'pelayanan-publik', at };
    assert.deepEqual(channelsAllowed({ phone: '0812 5123 4567', notify }), [
      { channel: 'whatsapp', to: '0812 5123 4567' },
      { channel: 'sms', to: '0812 5123 4567' },
    ]);
  });

  it('sends nothing after an opt-out', () => {
    const notify = { channels: ['email'], basis: 'pelayanan-publik', at, optedOutAt: '2026-12-08T01:00:00.000Z' };
    assert.deepEqual(channelsAllowed({ email: 'siti.rahmah@example.id', notify }), []);
  });

  it('ignores a malformed choice and unknown channels', () => {
    assert.equal(readChoice({ channels: ['email'], basis: 'consent', at }), null);
    assert.deepEqual(readChoice({ channels: ['fax', 'sms', 'sms'], basis: 'pelayanan-publik', at })?.channels, ['sms']);
  });
});
