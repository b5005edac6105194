/**
 * The citizen's choice of channels on the intake (issue 16 §4): recorded with its legal basis and
 * time, and a channel chosen without its address refused beside the address field, in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkIntake, type IntakeInput } from '../../../src/domain/applications/intake.js';
import { channelsAllowed } from '../../../src/domain/notifications/consent.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const offices = loadStandardsDir(STANDARDS_DIR).offices;
const bayi = offices.find((o) => o.office.slug === 'kota-jambi')!.services.find((s) => s.slug === 'rekomendasi-jamkesda-bayi')!;
const SITI = { nik: '1571024107900003', name: 'Siti Aminah', address: 'Jl. Sultan Thaha No. 12, RT 05, Pasar Jambi' };
const CTX = { today: '2026-12-07', staff: false, now: '2026-12-07T02:15:00.000Z' };
const ANSWERS = { answers: {}, attachments: [] };

const check = (applicant: Record<string, unknown>) => checkIntake(bayi, { ...ANSWERS, applicant } as IntakeInput, CTX);
const problemsOf = (applicant: Record<string, unknown>) => {
  const r = check(applicant);
  return r.ok ? [] : r.problems.filter((p) => !p.field.startsWith('attachments.') && !p.field.startsWith('answers.') && !p.field.startsWith('eligibility.'));
};

describe('the choice of channels on the intake', () => {
  it('refuses WhatsApp without a mobile number beside the number, in both languages', () => {
    const p = problemsOf({ ...SITI, email: 'siti.aminah@example.id', notify: { channels: ['whatsapp'] } });
    assert.deepEqual(p.map((x) => `${x.field}:${x.code}`), ['applicant.phone:phone-required-for-channel']);
    assert.match(p[0]!.message, /WhatsApp: isi nomor HP/);
    assert.match(p[0]!.messageEn, /WhatsApp: give a mobile number/);
  });

  it('refuses SMS without a number and e-mail without an address, each beside its own field', () => {
    const p = problemsOf({ ...SITI, notify: { channels: ['sms', 'email'] } });
    assert.deepEqual(p.map((x) => `${x.field}:${x.code}`), ['applicant.phone:phone-required-for-channel', 'applicant.email:email-required-for-channel']);
    assert.match(p[0]!.message, /SMS/);
  });

  it('refuses unknown channels as a named problem', () => {
    assert.deepEqual(problemsOf({ ...SITI, notify: { channels: ['fax'] } }).map((x) => `${x.field}:${x.code}`), ['applicant.notify:notify-invalid']);
    assert.deepEqual(problemsOf({ ...SITI, notify: 'email' }).map((x) => `${x.field}:${x.code}`), ['applicant.notify:notify-invalid']);
  });

  it('records the chosen channels in the citizen order, once each, with the basis and the time', () => {
    // At the counter, the documents shown: the applicant part is all that is left to check.
    const shown = bayi.requirements.filter((r) => r.kind === 'document').map((r) => ({ requirement: r.id, shown: true }));
    const input = { applicant: { ...SITI, phone: '0812 7345 6789', email: 'siti.aminah@example.id', notify: { channels: ['email', 'whatsapp', 'email'] } }, attachments: shown } as IntakeInput;
    const r = checkIntake(bayi, input, { ...CTX, staff: true });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.deepEqual(r.value.applicant.notify, { channels: ['email', 'whatsapp'], basis: 'pelayanan-publik', at: '2026-12-07T02:15:00.000Z' });
    const without = checkIntake(bayi, { ...input, applicant: { ...SITI, email: 'siti.aminah@example.id' } }, { ...CTX, staff: true });
    assert.ok(without.ok);
    assert.equal(without.value.applicant.notify, undefined, 'no choice asked, none recorded (e-mail by the old rule)');
  });

  it('a ticked-nothing choice is a choice: no channel at all, even with an address given', () => {
    const p = problemsOf({ ...SITI, email: 'siti.aminah@example.id', notify: { channels: [] } });
    assert.deepEqual(p, []);
  });
});

describe('what the recorded choice allows', () => {
  it('e-mail and WhatsApp as chosen, SMS not', () => {
    const notify = { channels: ['email', 'whatsapp'], basis: 'pelayanan-publik', at: CTX.now };
    assert.deepEqual(channelsAllowed({ phone: '0812 7345 6789', email: 'siti.aminah@example.id', notify }).map((c) => c.channel), ['email', 'whatsapp']);
    assert.deepEqual(channelsAllowed({ phone: '0812 7345 6789', email: 'siti.aminah@example.id', notify: { ...notify, channels: [] } }), []);
  });
});
