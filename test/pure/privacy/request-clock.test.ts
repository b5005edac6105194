/**
 * The 3×24-hour clock of a data-subject request (UU 27/2022 Pasal 32) is a calendar clock: the
 * DOMAIN.md numbers (a request on Fri 2025-05-30 17:00 WIB is due Mon 2025-06-02 17:00 WIB, the
 * 1 June holiday does not extend it) hold in every zone an office can be in, and the list shows
 * at risk under 24 hours, late after the deadline, and answered on time or late once closed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoursLeft, isRequestNumber, officeLocal, requestClockState, requestNumber, subjectRequestAccess, subjectRequestDue } from '../../../src/domain/privacy/index.js';

describe('data-subject request clock', () => {
  it('is due 72 calendar hours after receipt: Fri 30 May 2025 17:00 WIB → Mon 2 June 17:00 WIB, Pancasila Day included', () => {
    const received = '2025-05-30T10:00:00.000Z'; // 17:00 WIB
    const due = subjectRequestDue(received);
    assert.equal(due, '2025-06-02T10:00:00.000Z');
    assert.equal(officeLocal(received, 'Asia/Jakarta'), '2025-05-30 17:00 WIB');
    assert.equal(officeLocal(due, 'Asia/Jakarta'), '2025-06-02 17:00 WIB');
  });

  it('reads the same wall-clock deadline in WITA (Banjarmasin, Kutai Kartanegara) and WIT offices', () => {
    // 17:00 WITA is 09:00 UTC; 17:00 WIT is 08:00 UTC.
    assert.equal(officeLocal(subjectRequestDue('2025-05-30T09:00:00.000Z'), 'Asia/Makassar'), '2025-06-02 17:00 WITA');
    assert.equal(officeLocal(subjectRequestDue('2025-05-30T08:00:00.000Z'), 'Asia/Jayapura'), '2025-06-02 17:00 WIT');
    // Past local midnight: 23:30 WIB on Sunday 1 June is 16:30 UTC; due Wednesday 4 June 23:30 WIB.
    assert.equal(officeLocal(subjectRequestDue('2025-06-01T16:30:00.000Z'), 'Asia/Jakarta'), '2025-06-04 23:30 WIB');
  });

  it('is on time with a day or more left, at risk under 24 hours, late after the deadline', () => {
    const due = '2025-06-02T10:00:00.000Z';
    assert.equal(requestClockState(due, '2025-05-31T10:00:00.000Z', null), 'on-time');
    assert.equal(requestClockState(due, '2025-06-01T10:00:00.000Z', null), 'on-time'); // exactly 24 h left
    assert.equal(requestClockState(due, '2025-06-01T10:00:01.000Z', null), 'at-risk');
    assert.equal(requestClockState(due, '2025-06-02T10:00:00.000Z', null), 'at-risk'); // the last instant
    assert.equal(requestClockState(due, '2025-06-02T10:00:01.000Z', null), 'late');
    assert.equal(hoursLeft(due, '2025-05-31T09:30:00.000Z'), 48);
    assert.equal(hoursLeft(due, '2025-06-02T15:00:00.000Z'), -5);
  });

  it('says answered on time or late once the request is closed, whatever the time now', () => {
    const due = '2025-06-02T10:00:00.000Z';
    assert.equal(requestClockState(due, '2025-07-01T00:00:00.000Z', '2025-06-02T09:59:00.000Z'), 'met');
    assert.equal(requestClockState(due, '2025-06-02T11:00:00.000Z', '2025-06-02T10:30:00.000Z'), 'missed');
  });

  it('numbers requests per office and year, and only the head of office and the admin answer', () => {
    assert.equal(requestNumber('JMB', '2025', 7), 'JMB-PDP-2025-000007');
    assert.ok(isRequestNumber('KKR-PDP-2025-000123'));
    assert.ok(!isRequestNumber('JMB-2025-000007'));
    assert.deepEqual(subjectRequestAccess(['kepala-dinas']), { view: true, record: true, answer: true });
    assert.deepEqual(subjectRequestAccess(['front-office', 'admin']), { view: true, record: true, answer: true });
    assert.deepEqual(subjectRequestAccess(['front-office']), { view: true, record: true, answer: false });
    assert.deepEqual(subjectRequestAccess(['auditor']), { view: true, record: false, answer: false });
    assert.deepEqual(subjectRequestAccess(['surveyor', 'operator']), { view: false, record: false, answer: false });
  });
});
